package io.github.tandemsync.testkit.exchequer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * COM Toolkit properties and the SQL columns behind them, with the type and length checks that
 * turn a property bag (bridge JSON, Importer fields, Java maps) into column values. A value too
 * long for its field is refused with -100 rather than truncated, as the bridge contract requires.
 */
final class Props {
  enum Kind {
    /** Free text. */
    TEXT,
    /** A key: trimmed and upper-cased. */
    CODE,
    /** One code character. */
    CHAR,
    INT,
    NUMBER,
    BOOL,
    /** {@code YYYYMMDD}; validity is the Toolkit's business (30203 and friends). */
    DATE,
    /** Five address lines: {@code column} is the prefix, 1..5 appended. */
    LINES5
  }

  /** One property: COM name, SQL column (or prefix), kind, maximum length, whether callers may set it. */
  record Spec(String property, String column, Kind kind, int maxLength, boolean settable) {}

  private Props() {}

  static Spec text(String property, String column, int max) {
    return new Spec(property, column, Kind.TEXT, max, true);
  }

  static Spec code(String property, String column, int max) {
    return new Spec(property, column, Kind.CODE, max, true);
  }

  static Spec chr(String property, String column) {
    return new Spec(property, column, Kind.CHAR, 1, true);
  }

  static Spec integer(String property, String column) {
    return new Spec(property, column, Kind.INT, 0, true);
  }

  static Spec number(String property, String column) {
    return new Spec(property, column, Kind.NUMBER, 0, true);
  }

  static Spec bool(String property, String column) {
    return new Spec(property, column, Kind.BOOL, 0, true);
  }

  static Spec date(String property, String column) {
    return new Spec(property, column, Kind.DATE, 8, true);
  }

  static Spec lines(String property, String columnPrefix, int max) {
    return new Spec(property, columnPrefix, Kind.LINES5, max, true);
  }

  static Spec readOnly(Spec spec) {
    return new Spec(spec.property(), spec.column(), spec.kind(), spec.maxLength(), false);
  }

  // -- accounts (CUSTSUPP) ------------------------------------------------------------------

  static final List<Spec> ACCOUNT = build(
      code("acCode", "acCode", 6),
      chr("acCustSupp", "acCustSupp"),
      chr("acSubType", "acSubType"),
      text("acLongACCode", "acLongAcCode", 30),
      text("acCompany", "acCompany", 45),
      lines("acAddress", "acAddressLine", 30),
      text("acPostCode", "acPostCode", 20),
      code("acCountry", "acCountry", 2),
      lines("acDelAddress", "acDespAddressLine", 30),
      text("acDeliveryPostCode", "acDeliveryPostCode", 20),
      code("acDeliveryCountry", "acDeliveryCountry", 2),
      text("acContact", "acContact", 25),
      text("acPhone", "acPhone", 30),
      text("acPhone2", "acPhone2", 30),
      text("acFax", "acFax", 30),
      text("acEmailAddr", "acEmailAddr", 100),
      text("acTheirAcc", "acTheirAcc", 10),
      text("acAltCode", "acAltCode", 20),
      text("acVATRegNo", "acVATRegNo", 30),
      chr("acVATCode", "acVATCode"),
      integer("acCurrency", "acCurrency"),
      number("acCreditLimit", "acCreditLimit"),
      number("acDiscount", "acDiscount"),
      chr("acDiscountBand", "acDiscountBand"),
      integer("acCreditStatus", "acCreditStatus"),
      integer("acPayTerms", "acPayTerms"),
      integer("acDefSettleDays", "acDefSettleDays"),
      number("acDefSettleDisc", "acDefSettleDisc"),
      code("acCostCentre", "acCostCentre", 3),
      code("acDepartment", "acDepartment", 3),
      integer("acSalesGL", "acSalesGL"),
      integer("acCOSGL", "acCOSGL"),
      integer("acDrCrGL", "acDrCrGL"),
      code("acLocation", "acLocation", 3),
      code("acInvoiceTo", "acInvoiceTo", 10),
      code("acStatementTo", "acStatementTo", 10),
      integer("acAccStatus", "acAccStatus"),
      chr("acPayType", "acPayType"),
      text("acArea", "acArea", 4),
      text("acAccType", "acAccType", 4),
      bool("acECMember", "acECMember"),
      text("acUserDef1", "acUserDef1", 30),
      text("acUserDef2", "acUserDef2", 30),
      text("acUserDef3", "acUserDef3", 30),
      text("acUserDef4", "acUserDef4", 30),
      text("acUserDef5", "acUserDef5", 30),
      text("acUserDef6", "acUserDef6", 30),
      text("acUserDef7", "acUserDef7", 30),
      text("acUserDef8", "acUserDef8", 30),
      text("acUserDef9", "acUserDef9", 30),
      text("acUserDef10", "acUserDef10", 30),
      readOnly(number("acBalance", "acBalance")),
      readOnly(date("acLastUsed", "acLastUsed")),
      readOnly(text("acTimeStamp", "acTimeStamp", 6)),
      readOnly(text("acLastOperator", "acLastOperator", 10)),
      readOnly(integer("acAnonymisationStatus", "acAnonymisationStatus")));

  // -- transaction headers (DOCUMENT) ---------------------------------------------------------

  static final List<Spec> HEADER = build(
      readOnly(text("thOurRef", "thOurRef", 9)),
      readOnly(integer("thFolioNum", "thFolioNum")),
      code("thAcCode", "thAcCode", 6),
      date("thTransDate", "thTransDate"),
      date("thDueDate", "thDueDate"),
      text("thYourRef", "thYourRef", 20),
      text("thLongYourRef", "thLongYourRef", 20),
      integer("thCurrency", "thCurrency"),
      number("thCompanyRate", "thCompanyRate"),
      number("thDailyRate", "thDailyRate"),
      lines("thDelAddress", "thDeliveryAddr", 30),
      text("thDeliveryPostCode", "thDeliveryPostCode", 20),
      code("thDeliveryCountry", "thDeliveryCountry", 2),
      integer("thHoldFlag", "thHoldFlag"),
      code("thJobCode", "thJobCode", 10),
      code("thAnalysisCode", "thAnalysisCode", 10),
      integer("thControlGL", "thControlGL"),
      code("thOverrideLocation", "thOverrideLocation", 3),
      number("thSettleDiscPerc", "thSettleDiscPerc"),
      number("thSettleDiscAmount", "thSettleDiscAmount"),
      integer("thSettleDiscDays", "thSettleDiscDays"),
      bool("thSettleDiscTaken", "thSettleDiscTaken"),
      text("thOperator", "thOperator", 10),
      text("thUserField1", "thUserField1", 30),
      text("thUserField2", "thUserField2", 30),
      text("thUserField3", "thUserField3", 30),
      text("thUserField4", "thUserField4", 30),
      text("thUserField5", "thUserField5", 30),
      text("thUserField6", "thUserField6", 30),
      text("thUserField7", "thUserField7", 30),
      text("thUserField8", "thUserField8", 30),
      text("thUserField9", "thUserField9", 30),
      text("thUserField10", "thUserField10", 30),
      text("thUserField11", "thUserField11", 30),
      text("thUserField12", "thUserField12", 30),
      readOnly(integer("thYear", "thYear")),
      readOnly(integer("thPeriod", "thPeriod")),
      readOnly(integer("thRunNo", "thRunNo")),
      readOnly(number("thNetValue", "thNetValue")),
      readOnly(number("thTotalVAT", "thTotalVAT")),
      readOnly(number("thTotalLineDiscount", "thTotalLineDiscount")),
      readOnly(number("thTotalCost", "thTotalCost")),
      readOnly(number("thAmountSettled", "thAmountSettled")),
      readOnly(number("thCurrSettled", "thCurrSettled")),
      readOnly(number("thTotalOrdered", "thTotalOrdered")),
      readOnly(number("thTotalOrderOS", "thTotalOrderOS")),
      readOnly(number("thTotalInvoiced", "thTotalInvoiced")),
      readOnly(date("thCreationDate", "thCreationDate")),
      readOnly(text("thCreationTime", "thCreationTime", 6)),
      readOnly(text("thTimeChanged", "thTimeChanged", 6)),
      readOnly(date("thPostedDate", "thPostedDate")));

  /** Header properties the bridge accepts beyond the stored ones. */
  static final Set<String> HEADER_EXTRAS = Set.of("thDocType", "lines", "thOrderRef");

  // -- transaction lines (DETAILS) ------------------------------------------------------------

  static final List<Spec> LINE = build(
      readOnly(integer("tlLineNo", "tlLineNo")),
      readOnly(integer("tlABSLineNo", "tlABSLineNo")),
      code("tlStockCode", "tlStockCode", 16),
      text("tlDescr", "tlDescription", 60),
      number("tlQty", "tlQty"),
      number("tlNetValue", "tlNetValue"),
      number("tlDiscount", "tlDiscount"),
      chr("tlDiscFlag", "tlDiscFlag"),
      chr("tlVATCode", "tlVATCode"),
      number("tlCost", "tlCost"),
      integer("tlGLCode", "tlGLCode"),
      code("tlCostCentre", "tlCostCentre", 3),
      code("tlDepartment", "tlDepartment", 3),
      code("tlLocation", "tlLocation", 3),
      date("tlLineDate", "tlLineDate"),
      code("tlJobCode", "tlJobCode", 10),
      code("tlAnalysisCode", "tlAnalysisCode", 10),
      integer("tlSOPABSLineNo", "tlSOPABSLineNo"),
      number("tlQtyPicked", "tlQtyPicked"),
      text("tlUserField1", "tlUserField1", 30),
      text("tlUserField2", "tlUserField2", 30),
      text("tlUserField3", "tlUserField3", 30),
      text("tlUserField4", "tlUserField4", 30),
      text("tlUserField5", "tlUserField5", 30),
      text("tlUserField6", "tlUserField6", 30),
      text("tlUserField7", "tlUserField7", 30),
      text("tlUserField8", "tlUserField8", 30),
      text("tlUserField9", "tlUserField9", 30),
      text("tlUserField10", "tlUserField10", 30),
      readOnly(number("tlQtyMul", "tlQtyMul")),
      readOnly(number("tlVATAmount", "tlVATAmount")),
      readOnly(integer("tlCurrency", "tlCurrency")),
      readOnly(number("tlQtyDel", "tlQtyDel")),
      readOnly(integer("tlSOPFolioNum", "tlSOPFolioNum")),
      readOnly(text("tlPaymentCode", "tlPaymentCode", 1)));

  private static List<Spec> build(Spec... specs) {
    return List.of(specs);
  }

  static Map<String, Spec> index(List<Spec> specs) {
    Map<String, Spec> byName = new LinkedHashMap<>();
    for (Spec spec : specs) {
      byName.put(spec.property(), spec);
    }
    return byName;
  }

  /**
   * Checks and normalises a property bag: unknown or read-only property and wrong JSON type give
   * -102, too long -100. Nulls are treated as absent. Returns property name to normalised value
   * (String, Integer, Double, Boolean, or List of String for address lines).
   *
   * @param lineNumber 1-based line for line properties, 0 for headers and accounts
   */
  static Map<String, Object> normalise(Map<String, ?> input, List<Spec> specs, Set<String> extras, int lineNumber) {
    Map<String, Spec> byName = index(specs);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : input.entrySet()) {
      String name = entry.getKey();
      Object value = entry.getValue();
      if (extras.contains(name)) {
        continue;
      }
      Spec spec = byName.get(name);
      if (spec == null) {
        throw Failure.of(-102, "Unknown property " + name, name, lineNumber);
      }
      if (!spec.settable()) {
        throw Failure.of(-102, "Property " + name + " is read-only", name, lineNumber);
      }
      if (value == null) {
        continue;
      }
      out.put(name, convert(spec, value, lineNumber));
    }
    return out;
  }

  private static Object convert(Spec spec, Object value, int lineNumber) {
    String name = spec.property();
    switch (spec.kind()) {
      case TEXT:
      case CODE:
      case CHAR:
        if (!(value instanceof String)) {
          throw Failure.of(-102, name + " must be a string", name, lineNumber);
        }
        String text = (String) value;
        if (spec.kind() == Kind.CODE) {
          text = text.trim().toUpperCase(java.util.Locale.ROOT);
        }
        if (text.length() > spec.maxLength()) {
          throw Failure.of(-100, name + " is longer than " + spec.maxLength() + " characters", name, lineNumber);
        }
        if (!Encodings.CP1252.newEncoder().canEncode(text)) {
          throw Failure.of(-102, name + " has characters outside windows-1252", name, lineNumber);
        }
        return text;
      case DATE:
        if (value instanceof LocalDate) {
          return Encodings.date((LocalDate) value);
        }
        if (!(value instanceof String)) {
          throw Failure.of(-102, name + " must be a YYYYMMDD string", name, lineNumber);
        }
        return ((String) value).trim();
      case INT:
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
          return ((Number) value).intValue();
        }
        if (value instanceof Number && isIntegral((Number) value)) {
          return ((Number) value).intValue();
        }
        throw Failure.of(-102, name + " must be an integer", name, lineNumber);
      case NUMBER:
        if (value instanceof Number) {
          return ((Number) value).doubleValue();
        }
        throw Failure.of(-102, name + " must be a number", name, lineNumber);
      case BOOL:
        if (value instanceof Boolean) {
          return value;
        }
        if (value instanceof Number && isIntegral((Number) value)) {
          return ((Number) value).intValue() != 0;
        }
        throw Failure.of(-102, name + " must be a boolean", name, lineNumber);
      case LINES5:
        if (!(value instanceof List)) {
          throw Failure.of(-102, name + " must be an array of up to 5 strings", name, lineNumber);
        }
        List<?> items = (List<?>) value;
        if (items.size() > 5) {
          throw Failure.of(-102, name + " has more than 5 lines", name, lineNumber);
        }
        List<String> linesOut = new ArrayList<>();
        for (Object item : items) {
          String line = item == null ? "" : item instanceof String ? (String) item : null;
          if (line == null) {
            throw Failure.of(-102, name + " lines must be strings", name, lineNumber);
          }
          if (line.length() > spec.maxLength()) {
            throw Failure.of(-100, name + " line longer than " + spec.maxLength() + " characters", name, lineNumber);
          }
          linesOut.add(line);
        }
        while (linesOut.size() < 5) {
          linesOut.add("");
        }
        return linesOut;
      default:
        throw new IllegalStateException(spec.kind().name());
    }
  }

  private static boolean isIntegral(Number number) {
    BigDecimal decimal = number instanceof BigDecimal ? (BigDecimal) number : BigDecimal.valueOf(number.doubleValue());
    return decimal.stripTrailingZeros().scale() <= 0;
  }

  /** Puts normalised property values into a column map (address arrays spread over 5 columns). */
  static void toColumns(Map<String, Object> normalised, List<Spec> specs, Map<String, Object> columns) {
    Map<String, Spec> byName = index(specs);
    for (Map.Entry<String, Object> entry : normalised.entrySet()) {
      Spec spec = byName.get(entry.getKey());
      if (spec == null) {
        continue;
      }
      if (spec.kind() == Kind.LINES5) {
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) entry.getValue();
        for (int i = 0; i < 5; i++) {
          columns.put(spec.column() + (i + 1), lines.get(i));
        }
      } else {
        columns.put(spec.column(), entry.getValue());
      }
    }
  }

  /** Reads a stored row back as COM properties (strings cleaned of NUL padding and trailing blanks). */
  static Map<String, Object> fromRow(Map<String, Object> row, List<Spec> specs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Spec spec : specs) {
      switch (spec.kind()) {
        case LINES5:
          List<String> lines = new ArrayList<>();
          for (int i = 1; i <= 5; i++) {
            lines.add(Db.str(row, spec.column() + i));
          }
          out.put(spec.property(), lines);
          break;
        case INT:
          out.put(spec.property(), Db.integer(row, spec.column()));
          break;
        case NUMBER:
          out.put(spec.property(), Db.dbl(row, spec.column()));
          break;
        case BOOL:
          out.put(spec.property(), Db.bool(row, spec.column()));
          break;
        default:
          Object raw = row.get(spec.column());
          out.put(spec.property(), raw instanceof byte[]
              ? Encodings.clean(Encodings.decodeLengthPrefixed((byte[]) raw))
              : Db.str(row, spec.column()));
      }
    }
    return out;
  }
}
