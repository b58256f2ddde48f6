package io.github.tandemsync.exchequer.gateway;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tandem's Importer CSV layout D (docs/exchequer-importer-layout.md): windows-1252, CRLF, comma
 * separated, fields with a comma, quote, CR or LF double-quoted with {@code ""} escapes, no header,
 * dates {@code dd/mm/yyyy}, numbers with a {@code .} decimal point. Record types {@code CU}
 * (customer), {@code TH} (transaction header) and {@code TL} (line of the preceding TH).
 */
final class ImporterCsvFormat {
  static final Charset CHARSET = Charset.forName("windows-1252");
  static final String CRLF = "\r\n";
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TOOLKIT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** How a column is written. */
  enum Kind {
    TEXT,
    CODE,
    INTEGER,
    DECIMAL,
    DATE
  }

  /** One column of a record type: its layout name, the Toolkit property it comes from, its width. */
  record Column(String name, String property, int index, int width, Kind kind) {
    static Column of(String name, String property, int width, Kind kind) {
      return new Column(name, property, -1, width, kind);
    }

    static Column line(String name, String property, int index, int width) {
      return new Column(name, property, index, width, Kind.TEXT);
    }
  }

  static final List<Column> CU = List.of(
      Column.of("CustCode", "acCode", 6, Kind.CODE),
      Column.of("Company", "acCompany", 45, Kind.TEXT),
      Column.line("Addr1", "acAddress", 0, 30),
      Column.line("Addr2", "acAddress", 1, 30),
      Column.line("Addr3", "acAddress", 2, 30),
      Column.line("Addr4", "acAddress", 3, 30),
      Column.line("Addr5", "acAddress", 4, 30),
      Column.of("PostCode", "acPostCode", 20, Kind.TEXT),
      Column.of("Country", "acCountry", 2, Kind.CODE),
      Column.line("DAddr1", "acDelAddress", 0, 30),
      Column.line("DAddr2", "acDelAddress", 1, 30),
      Column.line("DAddr3", "acDelAddress", 2, 30),
      Column.line("DAddr4", "acDelAddress", 3, 30),
      Column.line("DAddr5", "acDelAddress", 4, 30),
      Column.of("DPostCode", "acDeliveryPostCode", 20, Kind.TEXT),
      Column.of("DCountry", "acDeliveryCountry", 2, Kind.CODE),
      Column.of("Contact", "acContact", 25, Kind.TEXT),
      Column.of("Phone", "acPhone", 30, Kind.TEXT),
      Column.of("Fax", "acFax", 30, Kind.TEXT),
      Column.of("EmailAddr", "acEmailAddr", 100, Kind.TEXT),
      Column.of("VatRegNo", "acVATRegNo", 30, Kind.TEXT),
      Column.of("VATCode", "acVATCode", 1, Kind.CODE),
      Column.of("Currency", "acCurrency", 0, Kind.INTEGER),
      Column.of("CreditLimit", "acCreditLimit", 0, Kind.DECIMAL),
      Column.of("AccStatus", "acAccStatus", 0, Kind.INTEGER),
      Column.of("DiscountBand", "acDiscountBand", 1, Kind.CODE),
      Column.of("SOPInvCode", "acInvoiceTo", 6, Kind.CODE),
      Column.of("Location", "acLocation", 3, Kind.CODE),
      Column.of("CostCentre", "acCostCentre", 3, Kind.CODE),
      Column.of("Department", "acDepartment", 3, Kind.CODE),
      Column.of("SalesGL", "acSalesGL", 0, Kind.INTEGER),
      Column.of("AltCode", "acAltCode", 20, Kind.TEXT));

  static final List<Column> TH = List.of(
      Column.of("TransDocHed", "thDocType", 3, Kind.CODE),
      Column.of("CustCode", "thAcCode", 6, Kind.CODE),
      Column.of("OurRef", "thOurRef", 9, Kind.CODE),
      Column.of("YourRef", "thYourRef", 10, Kind.TEXT),
      Column.of("LongYrRef", "thLongYourRef", 20, Kind.TEXT),
      Column.of("TransDate", "thTransDate", 0, Kind.DATE),
      Column.of("DueDate", "thDueDate", 0, Kind.DATE),
      Column.of("Currency", "thCurrency", 0, Kind.INTEGER),
      Column.line("DAddr1", "thDelAddress", 0, 30),
      Column.line("DAddr2", "thDelAddress", 1, 30),
      Column.line("DAddr3", "thDelAddress", 2, 30),
      Column.line("DAddr4", "thDelAddress", 3, 30),
      Column.line("DAddr5", "thDelAddress", 4, 30),
      Column.of("DPostCode", "thDeliveryPostCode", 20, Kind.TEXT),
      Column.of("HoldFlag", "thHoldFlag", 0, Kind.INTEGER));

  static final List<Column> TL = List.of(
      Column.of("StockCode", "tlStockCode", 16, Kind.CODE),
      Column.of("Qty", "tlQty", 0, Kind.DECIMAL),
      Column.of("NetValue", "tlNetValue", 0, Kind.DECIMAL),
      Column.of("Desc", "tlDescr", 55, Kind.TEXT),
      Column.of("MLocStk", "tlLocation", 3, Kind.CODE),
      Column.of("VATCode", "tlVATCode", 1, Kind.CODE),
      Column.of("Discount", "tlDiscount", 0, Kind.DECIMAL),
      Column.of("DiscFlag", "tlDiscFlag", 1, Kind.TEXT),
      Column.of("GLCode", "tlGLCode", 0, Kind.INTEGER),
      Column.of("CostCentre", "tlCostCentre", 3, Kind.CODE),
      Column.of("Department", "tlDepartment", 3, Kind.CODE),
      Column.of("JobCode", "tlJobCode", 10, Kind.CODE),
      Column.of("LineDate", "tlLineDate", 0, Kind.DATE));

  /** Properties layout D carries, per record type; anything else is not written by the Importer. */
  static final Set<String> ACCOUNT_PROPERTIES = properties(CU, "acCustSupp");
  static final Set<String> TRANSACTION_PROPERTIES = properties(TH);
  static final Set<String> LINE_PROPERTIES = properties(TL);

  private ImporterCsvFormat() {}

  private static Set<String> properties(List<Column> columns, String... extra) {
    List<String> names = new ArrayList<>(List.of(extra));
    columns.forEach(c -> names.add(c.property()));
    return Set.copyOf(names);
  }

  /** Why a record cannot be written in layout D. */
  static final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;
    final String property;
    final Optional<Integer> line;

    Rejection(int code, String property, Optional<Integer> line, String message) {
      super(message, null, false, false);
      this.code = code;
      this.property = property;
      this.line = line;
    }

    GatewayResult result(String key) {
      return GatewayResult.failure(key, code, getMessage(), Optional.of(property), line);
    }
  }

  /** The CU row of an account. */
  static List<String> customer(ToolkitRecord account) throws Rejection {
    String ledger = account.text("acCustSupp").orElse("C").toUpperCase(Locale.ROOT);
    if (!ledger.equals("C")) {
      throw new Rejection(GatewayResult.MALFORMED, "acCustSupp", Optional.empty(),
          "layout D carries customers (CU) only; suppliers need the Toolkit bridge");
    }
    if (account.text("acCode").isEmpty()) {
      throw new Rejection(GatewayResult.REQUIRED_MISSING, "acCode", Optional.empty(), "CustCode (acCode) is mandatory");
    }
    return row("CU", CU, account, Optional.empty());
  }

  /** The TH row and TL rows of a transaction. */
  static List<List<String>> transaction(ToolkitRecord transaction) throws Rejection {
    String docType = transaction.text("thDocType").orElse("").toUpperCase(Locale.ROOT);
    if (!docType.equals("SQU") && !docType.equals("SOR")) {
      throw new Rejection(GatewayResult.MALFORMED, "thDocType", Optional.empty(),
          "layout D carries SQU and SOR headers only, not '" + docType + "'; use the Toolkit bridge");
    }
    if (transaction.text("thAcCode").isEmpty()) {
      throw new Rejection(GatewayResult.REQUIRED_MISSING, "thAcCode", Optional.empty(), "CustCode (thAcCode) is mandatory");
    }
    if (transaction.text("thOurRef").isPresent()) {
      throw new Rejection(GatewayResult.MALFORMED, "thOurRef", Optional.empty(),
          "OurRef is assigned by Exchequer; leave thOurRef empty");
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("TH", TH, transaction, Optional.empty()));
    int number = 0;
    for (ToolkitRecord line : transaction.lines()) {
      number++;
      if (line.decimal("tlQty").isEmpty()) {
        throw new Rejection(GatewayResult.REQUIRED_MISSING, "tlQty", Optional.of(number), "line " + number
            + ": Qty (tlQty) is mandatory");
      }
      String flag = line.text("tlDiscFlag").orElse("");
      if (!flag.isEmpty() && !flag.equals("%")) {
        throw new Rejection(GatewayResult.MALFORMED, "tlDiscFlag", Optional.of(number), "line " + number
            + ": DiscFlag is '%' or blank in layout D, was '" + flag + "'");
      }
      rows.add(row("TL", TL, line, Optional.of(number)));
    }
    return rows;
  }

  private static List<String> row(String type, List<Column> columns, ToolkitRecord record, Optional<Integer> line)
      throws Rejection {
    CharsetEncoder encoder = CHARSET.newEncoder();
    List<String> fields = new ArrayList<>(columns.size() + 1);
    fields.add(type);
    for (Column column : columns) {
      String value = value(column, record, line);
      if (column.width() > 0 && value.length() > column.width()) {
        throw new Rejection(GatewayResult.VALUE_TOO_LONG, column.property(), line, prefix(line) + column.name() + " ("
            + column.property() + ") holds at most " + column.width() + " characters, got " + value.length());
      }
      if (!encoder.canEncode(value)) {
        throw new Rejection(GatewayResult.MALFORMED, column.property(), line, prefix(line) + column.name() + " ("
            + column.property() + ") has characters windows-1252 cannot represent");
      }
      fields.add(value);
    }
    return fields;
  }

  private static String value(Column column, ToolkitRecord record, Optional<Integer> line) throws Rejection {
    if (column.index() >= 0) {
      List<String> lines = record.textList(column.property());
      return column.index() < lines.size() ? lines.get(column.index()).strip() : "";
    }
    Optional<Object> raw = record.get(column.property());
    if (raw.isEmpty()) {
      return "";
    }
    switch (column.kind()) {
      case TEXT:
        return record.text(column.property()).orElse("");
      case CODE:
        return record.text(column.property()).orElse("").toUpperCase(Locale.ROOT);
      case INTEGER: {
        Optional<Long> number = record.integer(column.property());
        if (number.isEmpty() && record.text(column.property()).isPresent()) {
          throw new Rejection(GatewayResult.MALFORMED, column.property(), line, prefix(line) + column.name()
              + " must be a whole number");
        }
        return number.map(String::valueOf).orElse("");
      }
      case DECIMAL: {
        Optional<BigDecimal> number = record.decimal(column.property());
        if (number.isEmpty() && record.text(column.property()).isPresent()) {
          throw new Rejection(GatewayResult.MALFORMED, column.property(), line, prefix(line) + column.name()
              + " must be a number");
        }
        return number.map(BigDecimal::toPlainString).orElse("");
      }
      case DATE: {
        Optional<String> text = record.text(column.property());
        if (text.isEmpty()) {
          return "";
        }
        try {
          return DATE.format(LocalDate.parse(text.get(), TOOLKIT_DATE));
        } catch (DateTimeParseException e) {
          throw new Rejection(GatewayResult.MALFORMED, column.property(), line, prefix(line) + column.name() + " ("
              + column.property() + ") must be a YYYYMMDD date, was '" + text.get() + "'");
        }
      }
      default:
        throw new IllegalStateException(column.kind().toString());
    }
  }

  private static String prefix(Optional<Integer> line) {
    return line.map(n -> "line " + n + ": ").orElse("");
  }

  /** One CSV line without its terminator. */
  static String encode(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String field = fields.get(i);
      if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0) {
        line.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        line.append(field);
      }
    }
    return line.toString();
  }

  /** Parses CSV text (quoted fields may hold commas, quotes and line breaks) into records. */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          fields.add(field.toString());
          records.add(List.copyOf(fields));
        }
        fields.clear();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      records.add(List.copyOf(fields));
    }
    return records;
  }
}
