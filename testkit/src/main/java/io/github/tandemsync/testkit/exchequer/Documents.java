package io.github.tandemsync.testkit.exchequer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Transactions: {@code Transaction.Add}, header and line {@code ImportDefaults}, {@code Save(True)}
 * (reference 12.3), quote-to-order conversion, deliveries, and the posting a user does in
 * Exchequer (invoices, credit notes, receipts and their allocation, daybook posting runs).
 */
final class Documents {
  /** Stored {@code thDocType} numbers (reference 6.7, internal numbering). */
  static final Map<String, Integer> STORED_TYPE = Map.ofEntries(
      Map.entry("SIN", 0), Map.entry("SRC", 1), Map.entry("SCR", 2), Map.entry("SJI", 3), Map.entry("SJC", 4),
      Map.entry("SRF", 5), Map.entry("SRI", 6), Map.entry("SQU", 7), Map.entry("SOR", 8), Map.entry("SDN", 9),
      Map.entry("PIN", 15), Map.entry("PPY", 16), Map.entry("PCR", 17), Map.entry("PJI", 18), Map.entry("PJC", 19));
  static final Set<String> ORDER_TYPES = Set.of("SQU", "SOR", "SDN");
  static final Set<String> LEDGER_TYPES = Set.of(
      "SIN", "SRC", "SCR", "SJI", "SJC", "SRF", "SRI", "PIN", "PPY", "PCR", "PJI", "PJC");
  static final Set<String> PURCHASE_TYPES = Set.of("PIN", "PPY", "PCR", "PJI", "PJC");
  /** Documents whose value the customer owes us (or we paid a supplier): trader history debits. */
  static final Set<String> DEBIT_TYPES = Set.of("SIN", "SJI", "SRI", "SRF", "PPY", "PCR", "PJC");
  static final Set<String> CREDIT_TYPES = Set.of("SRC", "SCR", "SJC", "PIN", "PJI");
  static final Set<String> PAYMENT_TYPES = Set.of("SRC", "PPY", "SRF");
  /** Unposted sales-order-processing documents (OrdUSRunNo); -42 once completed (OrdPSRunNo). */
  static final int RUN_ORDER_OPEN = -40;
  static final int RUN_ORDER_DONE = -42;
  static final LocalDate NO_SETTLEMENT_DISCOUNT_FROM = LocalDate.of(2015, 4, 1);
  static final int DEFAULT_SALES_GL = 41010;
  static final int DEFAULT_PURCHASE_GL = 42010;
  static final int BANK_GL = 12030;

  private final ToolkitEngine engine;

  Documents(ToolkitEngine engine) {
    this.engine = engine;
  }

  static String typeCode(int stored) {
    for (Map.Entry<String, Integer> entry : STORED_TYPE.entrySet()) {
      if (entry.getValue() == stored) {
        return entry.getKey();
      }
    }
    return String.valueOf(stored);
  }

  /** One resolved line, ready to total and store. */
  private static final class Line {
    int number;
    String stockCode = "";
    String stockType = "";
    String description = "";
    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal packMultiplier = BigDecimal.ONE;
    boolean usePack;
    BigDecimal unitPrice = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    String discountFlag = "";
    String vatCode = "";
    BigDecimal unitCost = BigDecimal.ZERO;
    int glCode;
    String costCentre = "";
    String department = "";
    String location = "";
    String jobCode = "";
    String analysisCode = "";
    String lineDate = "";
    BigDecimal picked = BigDecimal.ZERO;
    int orderFolio;
    int orderLine;
    int deliveryFolio;
    String paymentCode = "";
    boolean textOnly;
    final Map<String, String> userFields = new LinkedHashMap<>();
    // computed
    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal net = BigDecimal.ZERO;
    BigDecimal vat = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;

    BigDecimal effectiveQuantity() {
      return usePack ? quantity.multiply(packMultiplier) : quantity;
    }

    BigDecimal netUnit() {
      BigDecimal price = unitPrice.setScale(2, RoundingMode.HALF_UP);
      BigDecimal off = discountFlag.equals("%") ? price.multiply(discount) : discount;
      return price.subtract(off);
    }
  }

  // -- Transaction.Add ... Save(True) -----------------------------------------------------------

  ToolkitResult add(Connection connection, Map<String, ?> input, Set<String> allowedTypes, String operator,
      LocalDateTime stamp) throws SQLException {
    Object typeValue = input.get("thDocType");
    if (typeValue == null) {
      throw Failure.of(-101, "thDocType is required", "thDocType");
    }
    if (!(typeValue instanceof String)) {
      throw Failure.of(-102, "thDocType must be a string", "thDocType");
    }
    String type = ((String) typeValue).trim().toUpperCase(java.util.Locale.ROOT);
    if (!allowedTypes.contains(type) || !STORED_TYPE.containsKey(type)) {
      throw Failure.of(30215, "Invalid document type " + typeValue, "thDocType");
    }
    Map<String, Object> headerInput = new LinkedHashMap<>();
    Map<String, Object> internal = new HashMap<>();
    for (Map.Entry<String, ?> entry : input.entrySet()) {
      if (entry.getKey().startsWith("_")) {
        internal.put(entry.getKey(), entry.getValue());
      } else if (!Props.HEADER_EXTRAS.contains(entry.getKey())) {
        headerInput.put(entry.getKey(), entry.getValue());
      }
    }
    Map<String, Object> header = Props.normalise(headerInput, Props.HEADER, Set.of(), 0);
    List<Map<String, Object>> lineInputs = lineInputs(input.get("lines"));
    Object orderRefValue = input.get("thOrderRef");
    String orderRef = "";
    if (orderRefValue != null) {
      if (!(orderRefValue instanceof String)) {
        throw Failure.of(-102, "thOrderRef must be a string", "thOrderRef");
      }
      if (!type.equals("SDN")) {
        throw Failure.of(-102, "thOrderRef is only allowed on SDN", "thOrderRef");
      }
      orderRef = ((String) orderRefValue).trim().toUpperCase(java.util.Locale.ROOT);
    }
    if (lineInputs.isEmpty() && orderRef.isEmpty()) {
      throw Failure.of(-101, "A transaction needs at least one line", "lines");
    }
    String accountCode = (String) header.getOrDefault("thAcCode", "");
    if (accountCode.isEmpty()) {
      throw Failure.of(-101, "thAcCode is required", "thAcCode");
    }

    // Header: account, locks, status.
    boolean purchase = PURCHASE_TYPES.contains(type);
    Map<String, Object> account = engine.accounts.find(connection, accountCode)
        .filter(row -> Db.str(row, "acCustSupp").equals(purchase ? "S" : "C"))
        .orElseThrow(() -> Failure.of(30202, "Invalid account code " + accountCode, "thAcCode"));
    engine.locks.checkWrite("DOCUMENT", Locks.accountKey(accountCode), "Account " + accountCode);
    if (Db.integer(account, "acAccStatus") == 3) {
      throw Failure.of(30250, "Trader " + accountCode + " is closed", "thAcCode");
    }

    // Header ImportDefaults from the account; explicit properties win.
    String transDate = (String) header.getOrDefault("thTransDate", Encodings.date(stamp.toLocalDate()));
    LocalDate date = Encodings.isValidDate(transDate) ? Encodings.parseDate(transDate).orElseThrow() : null;
    if (date == null) {
      throw Failure.of(30203, "Invalid transaction date " + transDate, "thTransDate");
    }
    String dueDate = (String) header.get("thDueDate");
    if (dueDate == null || dueDate.isEmpty()) {
      dueDate = Encodings.date(date.plusDays(Math.max(0, Db.integer(account, "acPayTerms"))));
    } else if (!Encodings.isValidDate(dueDate)) {
      throw Failure.of(30238, "Invalid due date " + dueDate, "thDueDate");
    }
    int currency = (Integer) header.getOrDefault("thCurrency", Math.max(1, Db.integer(account, "acCurrency")));
    Map<String, Object> currencyRow = currency >= 1 && currency <= 30
        ? engine.currency(connection, currency).orElse(null) : null;
    if (currencyRow == null) {
      throw Failure.of(30207, "Invalid currency " + currency, "thCurrency");
    }
    double companyRate = header.containsKey("thCompanyRate")
        ? (Double) header.get("thCompanyRate") : Db.dbl(currencyRow, "CompanyRate");
    double dailyRate = header.containsKey("thDailyRate")
        ? (Double) header.get("thDailyRate") : Db.dbl(currencyRow, "DailyRate");
    if (currency == 1) {
      companyRate = 1.0;
      dailyRate = 1.0;
    }
    if (!(companyRate > 0)) {
      throw Failure.of(30209, "Invalid company rate", "thCompanyRate");
    }
    if (!(dailyRate > 0)) {
      throw Failure.of(30208, "Invalid daily rate", "thDailyRate");
    }
    companyRate = Encodings.real48(companyRate);
    dailyRate = Encodings.real48(dailyRate);
    int holdFlag = (Integer) header.getOrDefault("thHoldFlag", 0);
    if (!validHoldFlag(holdFlag)) {
      throw Failure.of(30235, "Invalid hold flag " + holdFlag + " (0-6, +32 notes, +128 suspend posting)", "thHoldFlag");
    }
    if (!date.isBefore(NO_SETTLEMENT_DISCOUNT_FROM)) {
      for (String field : List.of("thSettleDiscPerc", "thSettleDiscAmount", "thSettleDiscDays", "thSettleDiscTaken")) {
        Object value = header.get(field);
        boolean set = value instanceof Boolean ? (Boolean) value : value instanceof Number && ((Number) value).doubleValue() != 0;
        if (set) {
          throw Failure.of(30237, "Settlement discount is not allowed on transactions dated from 01/04/2015", field);
        }
      }
    }
    String overrideLocation = (String) header.getOrDefault("thOverrideLocation", "");
    if (!overrideLocation.isEmpty() && !engine.locationExists(connection, overrideLocation)) {
      throw Failure.of(30219, "Invalid override location " + overrideLocation, "thOverrideLocation");
    }
    List<String> delivery = deliveryAddress(header, account);

    // The order an SDN delivers, with its lines.
    Map<String, Object> order = null;
    Map<Integer, Map<String, Object>> orderLines = new LinkedHashMap<>();
    if (!orderRef.isEmpty()) {
      String ref = orderRef;
      order = findDocument(connection, ref)
          .filter(row -> Db.integer(row, "thDocType") == STORED_TYPE.get("SOR")
              && Db.str(row, "thAcCode").equals(accountCode))
          .orElseThrow(() -> Failure.of(4, "Record not found: order " + ref + " for account " + accountCode, "thOrderRef"));
      engine.locks.checkWrite("DOCUMENT", Locks.documentKey(ref), "Order " + ref);
      for (Map<String, Object> row : lines(connection, Db.integer(order, "thFolioNum"))) {
        orderLines.put(Db.integer(row, "tlABSLineNo"), row);
      }
      if (lineInputs.isEmpty()) {
        lineInputs = outstandingOrderLines(orderLines);
        if (lineInputs.isEmpty()) {
          throw Failure.of(-102, "Order " + ref + " has nothing left to deliver", "thOrderRef");
        }
      }
    }

    // Lines: ImportDefaults from stock, then explicit properties, then validation.
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (Map<String, Object> lineInput : lineInputs) {
      number++;
      Map<String, Object> lineInternal = new HashMap<>();
      Map<String, Object> lineProps = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : lineInput.entrySet()) {
        (entry.getKey().startsWith("_") ? lineInternal : lineProps).put(entry.getKey(), entry.getValue());
      }
      Map<String, Object> props = Props.normalise(lineProps, Props.LINE, Set.of(), number);
      if (order != null) {
        props = mergeOrderLine(props, orderLines, number, lineInternal, Db.integer(order, "thFolioNum"));
      }
      lines.add(resolveLine(connection, type, number, props, lineInternal, account, currency, companyRate,
          date, overrideLocation));
    }

    // Save(True): totals are recalculated from the lines.
    BigDecimal netValue = BigDecimal.ZERO;
    BigDecimal lineDiscount = BigDecimal.ZERO;
    BigDecimal vatTotal = BigDecimal.ZERO;
    BigDecimal costTotal = BigDecimal.ZERO;
    for (Line line : lines) {
      total(line);
      netValue = netValue.add(line.gross);
      lineDiscount = lineDiscount.add(line.gross.subtract(line.net));
      vatTotal = vatTotal.add(line.vat);
      costTotal = costTotal.add(line.cost);
    }
    BigDecimal goods = netValue.subtract(lineDiscount);
    BigDecimal total = goods.add(vatTotal);
    BigDecimal totalBase = toBase(total, companyRate);
    if (engine.creditLimitCheck() && (type.equals("SOR") || type.equals("SIN"))) {
      double limit = Db.dbl(account, "acCreditLimit");
      if (limit > 0) {
        BigDecimal exposure = engine.ledger.balance(connection, accountCode).add(totalBase);
        if (exposure.compareTo(Encodings.rounded(limit, 2)) > 0) {
          throw Failure.of(30229, "Order total exceeds the credit limit of " + accountCode, "thAcCode");
        }
      }
    }

    // Store header and lines.
    int folio = engine.counters.nextFolio(connection);
    String ourRef = engine.counters.nextOurRef(connection, type);
    int year = date.getYear() - 1900;
    int period = date.getMonthValue();
    int runNo = ORDER_TYPES.contains(type) ? RUN_ORDER_OPEN : 0;
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("thFolioNum", folio);
    columns.put("thOurRef", ourRef);
    columns.put("thDocType", STORED_TYPE.get(type));
    columns.put("thAcCode", accountCode);
    columns.put("thCustSupp", purchase ? "S" : "C");
    String yourRef = (String) header.getOrDefault("thYourRef", "");
    columns.put("thYourRef", yourRef);
    columns.put("thOldYourRef", yourRef.length() > 10 ? yourRef.substring(0, 10) : yourRef);
    columns.put("thLongYourRef", Encodings.lengthPrefixed((String) header.getOrDefault("thLongYourRef", ""), 21));
    columns.put("thRunNo", runNo);
    columns.put("thTransDate", Encodings.date(date));
    columns.put("thDueDate", dueDate);
    columns.put("thYear", year);
    columns.put("thPeriod", period);
    columns.put("thCurrency", currency);
    columns.put("thCompanyRate", companyRate);
    columns.put("thDailyRate", dailyRate);
    columns.put("thNetValue", Encodings.real48(netValue));
    columns.put("thTotalVAT", Encodings.real48(vatTotal));
    columns.put("thTotalLineDiscount", Encodings.real48(lineDiscount));
    columns.put("thTotalCost", Encodings.real48(costTotal));
    columns.put("thHoldFlag", holdFlag);
    for (int i = 0; i < 5; i++) {
      columns.put("thDeliveryAddr" + (i + 1), delivery.get(i));
    }
    columns.put("thDeliveryPostCode", header.getOrDefault("thDeliveryPostCode",
        Db.bool(account, "acDespAddr") ? Db.str(account, "acDeliveryPostCode") : Db.str(account, "acPostCode")));
    columns.put("thDeliveryCountry", header.getOrDefault("thDeliveryCountry",
        Db.bool(account, "acDespAddr") && !Db.str(account, "acDeliveryCountry").isEmpty()
            ? Db.str(account, "acDeliveryCountry") : Db.str(account, "acCountry")));
    columns.put("thJobCode", header.getOrDefault("thJobCode", ""));
    columns.put("thAnalysisCode", header.getOrDefault("thAnalysisCode", ""));
    columns.put("thControlGL", header.getOrDefault("thControlGL", Db.integer(account, "acDrCrGL")));
    columns.put("thOverrideLocation", overrideLocation);
    String who = (String) header.getOrDefault("thOperator", operator);
    columns.put("thOperator", who.length() > 10 ? who.substring(0, 10) : who);
    columns.put("thOriginator", who);
    for (int i = 1; i <= 12; i++) {
      Object value = header.get("thUserField" + i);
      if (value != null) {
        columns.put("thUserField" + i, value);
      }
    }
    String nowDate = Encodings.date(stamp.toLocalDate());
    String nowTime = Encodings.time(stamp.toLocalTime());
    columns.put("thCreationDate", nowDate);
    columns.put("thCreationTime", nowTime);
    columns.put("thTimeCreated", nowTime);
    columns.put("thTimeChanged", nowTime);
    columns.put("thNextLineNumber", lines.size() + 1);
    if (type.equals("SOR")) {
      columns.put("thTotalOrdered", Encodings.real48(goods));
      columns.put("thTotalOrderOS", Encodings.real48(goods));
    }
    if (type.equals("SRI")) {
      // A receipt with invoice is paid as it is entered.
      columns.put("thAmountSettled", Encodings.real48(totalBase));
      columns.put("thCurrSettled", Encodings.real48(total));
    }
    engine.db.insert(connection, "DOCUMENT", columns);
    for (Line line : lines) {
      insertLine(connection, line, folio, ourRef, type, accountCode, currency, companyRate, dailyRate, year, period, runNo);
    }

    applyStock(connection, type, lines, stamp);
    if (order != null) {
      applyDelivery(connection, order, lines, stamp);
    }
    applyOrderLinks(connection, type, lines, stamp);
    @SuppressWarnings("unchecked")
    List<Integer> invoicedDeliveries = (List<Integer>) internal.getOrDefault("_invoicedDeliveries", List.of());
    for (Integer deliveryFolio : invoicedDeliveries) {
      Db.update(connection, "UPDATE " + engine.db.table("DOCUMENT") + " SET thRunNo = ?, thTimeChanged = ? WHERE thFolioNum = ?",
          RUN_ORDER_DONE, nowTime, deliveryFolio);
    }
    if (LEDGER_TYPES.contains(type)) {
      postHistory(connection, type, accountCode, year, period, currency, companyRate, total, goods, costTotal);
    }
    if (engine.keysOnlyResults) {
      return ToolkitResult.ok(true, Map.of("thOurRef", ourRef, "thFolioNum", folio));
    }
    return ToolkitResult.ok(true, transaction(connection, ourRef).orElseThrow());
  }

  private static List<Map<String, Object>> lineInputs(Object value) {
    if (value == null) {
      return new ArrayList<>();
    }
    if (!(value instanceof List)) {
      throw Failure.of(-102, "lines must be an array", "lines");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object item : (List<?>) value) {
      if (!(item instanceof Map)) {
        throw Failure.of(-102, "each line must be an object", "lines");
      }
      Map<String, Object> line = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) item).entrySet()) {
        line.put(String.valueOf(entry.getKey()), entry.getValue());
      }
      out.add(line);
    }
    return out;
  }

  static boolean validHoldFlag(int flag) {
    int base = flag & ~(32 | 128);
    return flag >= 0 && base <= 6;
  }

  private static List<String> deliveryAddress(Map<String, Object> header, Map<String, Object> account) {
    @SuppressWarnings("unchecked")
    List<String> given = (List<String>) header.get("thDelAddress");
    if (given != null) {
      return given;
    }
    String prefix = Db.bool(account, "acDespAddr") ? "acDespAddressLine" : "acAddressLine";
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      out.add(Db.str(account, prefix + i));
    }
    return out;
  }

  private static List<Map<String, Object>> outstandingOrderLines(Map<Integer, Map<String, Object>> orderLines) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : orderLines.values()) {
      BigDecimal outstanding = Encodings.rounded(Db.dbl(row, "tlQty"), 4)
          .subtract(Encodings.rounded(Db.dbl(row, "tlQtyDel"), 4));
      if (outstanding.signum() > 0 && !isTextLine(row)) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("tlSOPABSLineNo", Db.integer(row, "tlABSLineNo"));
        line.put("tlQty", outstanding.doubleValue());
        out.add(line);
      }
    }
    return out;
  }

  private static boolean isTextLine(Map<String, Object> row) {
    return Encodings.decodeLengthPrefixed(Db.bytes(row, "tlStockCode")).isBlank()
        && Db.dbl(row, "tlQty") == 0 && Db.dbl(row, "tlNetValue") == 0;
  }

  /** An SDN line takes the order line's values unless the caller set them. */
  private static Map<String, Object> mergeOrderLine(Map<String, Object> props,
      Map<Integer, Map<String, Object>> orderLines, int number, Map<String, Object> internal, int orderFolio) {
    Integer abs = (Integer) props.get("tlSOPABSLineNo");
    Map<String, Object> orderLine = null;
    if (abs != null) {
      orderLine = orderLines.get(abs);
      if (orderLine == null) {
        throw Failure.of(4, "Record not found: order line " + abs, "tlSOPABSLineNo", number);
      }
    } else if (props.containsKey("tlStockCode")) {
      for (Map<String, Object> candidate : orderLines.values()) {
        String code = Encodings.decodeLengthPrefixed(Db.bytes(candidate, "tlStockCode")).trim();
        if (code.equals(props.get("tlStockCode"))
            && Db.dbl(candidate, "tlQty") - Db.dbl(candidate, "tlQtyDel") > 0.00001) {
          orderLine = candidate;
          break;
        }
      }
    }
    if (orderLine == null) {
      return props;
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    merged.put("tlStockCode", Encodings.decodeLengthPrefixed(Db.bytes(orderLine, "tlStockCode")).trim());
    merged.put("tlDescr", Db.str(orderLine, "tlDescription"));
    merged.put("tlQty", Db.dbl(orderLine, "tlQty") - Db.dbl(orderLine, "tlQtyDel"));
    merged.put("tlNetValue", Db.dbl(orderLine, "tlNetValue"));
    merged.put("tlDiscount", Db.dbl(orderLine, "tlDiscount"));
    merged.put("tlDiscFlag", Db.str(orderLine, "tlDiscFlag"));
    merged.put("tlVATCode", Db.str(orderLine, "tlVATCode"));
    merged.put("tlCost", Db.dbl(orderLine, "tlCost"));
    merged.put("tlGLCode", Db.integer(orderLine, "tlGLCode"));
    merged.put("tlCostCentre", Db.str(orderLine, "tlCostCentre"));
    merged.put("tlDepartment", Db.str(orderLine, "tlDepartment"));
    merged.put("tlLocation", Db.str(orderLine, "tlLocation"));
    merged.put("tlJobCode", Db.str(orderLine, "tlJobCode"));
    merged.put("tlAnalysisCode", Db.str(orderLine, "tlAnalysisCode"));
    merged.putAll(props);
    merged.put("tlSOPABSLineNo", Db.integer(orderLine, "tlABSLineNo"));
    internal.put("_orderFolio", orderFolio);
    internal.put("_orderLine", Db.integer(orderLine, "tlABSLineNo"));
    if (Db.bool(orderLine, "tlUsePack")) {
      internal.put("_usePack", true);
      internal.put("_qtyMul", Db.dbl(orderLine, "tlQtyMul"));
    }
    return merged;
  }

  private Line resolveLine(Connection connection, String type, int number, Map<String, Object> props,
      Map<String, Object> internal, Map<String, Object> account, int currency, double companyRate, LocalDate date,
      String overrideLocation) throws SQLException {
    Line line = new Line();
    line.number = number;
    line.stockCode = (String) props.getOrDefault("tlStockCode", "");
    line.quantity = decimal(props.get("tlQty"), line.stockCode.isEmpty() && !props.containsKey("tlNetValue") ? 0 : 1);
    line.orderFolio = (Integer) internal.getOrDefault("_orderFolio", 0);
    line.orderLine = (Integer) internal.getOrDefault("_orderLine", 0);
    line.deliveryFolio = (Integer) internal.getOrDefault("_deliveryFolio", 0);
    line.paymentCode = (String) internal.getOrDefault("_paymentCode", "");
    if (Boolean.TRUE.equals(internal.get("_usePack"))) {
      line.usePack = true;
      line.packMultiplier = BigDecimal.valueOf(((Number) internal.get("_qtyMul")).doubleValue());
    }
    boolean purchase = PURCHASE_TYPES.contains(type);
    Map<String, Object> item = null;
    if (!line.stockCode.isEmpty()) {
      item = engine.stockItem(connection, line.stockCode).orElse(null);
      if (item == null || Db.str(item, "stType").equals("G")) {
        throw Failure.of(30106, "Invalid stock code " + line.stockCode, "tlStockCode", number);
      }
      line.stockType = Db.str(item, "stType");
    }
    line.textOnly = item == null && line.quantity.signum() == 0
        && decimal(props.get("tlNetValue"), 0).signum() == 0 && line.paymentCode.isEmpty();

    // ImportDefaults from the stock item and the account.
    String accountVat = Db.str(account, "acVATCode");
    if (item != null) {
      line.description = Db.str(item, "stDescLine1");
      int band = bandSlot(Db.str(account, "acDiscountBand"));
      line.unitPrice = convert(connection, Encodings.decimal(Db.dbl(item, "stSalesBand" + band + "Price")),
          Db.integer(item, "stSalesBand" + band + "Currency"), currency, companyRate);
      line.unitCost = convert(connection, Encodings.decimal(Db.dbl(item, "stCostPrice")),
          Db.integer(item, "stCostPriceCurrency"), currency, companyRate);
      line.vatCode = accountVat.isEmpty() || accountVat.equals("S") ? Db.str(item, "stVATCode") : accountVat;
      line.glCode = Db.integer(item, "stNomCode1");
      line.costCentre = Db.str(item, "stCostCentre");
      line.department = Db.str(item, "stDepartment");
    } else if (!line.textOnly) {
      line.vatCode = accountVat.isEmpty() ? "S" : accountVat;
    }
    if (!line.textOnly) {
      if (line.glCode == 0) {
        int accountGl = Db.integer(account, "acSalesGL");
        line.glCode = accountGl != 0 ? accountGl : purchase ? DEFAULT_PURCHASE_GL : DEFAULT_SALES_GL;
      }
      if (line.costCentre.isEmpty()) {
        line.costCentre = Db.str(account, "acCostCentre");
      }
      if (line.department.isEmpty()) {
        line.department = Db.str(account, "acDepartment");
      }
    }
    if (item != null && Ledger.stocked(line.stockType)) {
      line.location = !overrideLocation.isEmpty() ? overrideLocation
          : !Db.str(account, "acLocation").isEmpty() ? Db.str(account, "acLocation")
          : !Db.str(item, "stLocation").isEmpty() ? Db.str(item, "stLocation")
          : engine.defaultLocation(connection);
    }
    line.lineDate = Encodings.date(date);

    // Explicit properties override the defaults.
    line.description = (String) props.getOrDefault("tlDescr", line.description);
    line.unitPrice = props.containsKey("tlNetValue") ? decimal(props.get("tlNetValue"), 0) : line.unitPrice;
    line.discount = decimal(props.get("tlDiscount"), 0);
    line.discountFlag = (String) props.getOrDefault("tlDiscFlag", "");
    line.vatCode = (String) props.getOrDefault("tlVATCode", line.vatCode);
    line.unitCost = props.containsKey("tlCost") ? decimal(props.get("tlCost"), 0) : line.unitCost;
    line.glCode = (Integer) props.getOrDefault("tlGLCode", line.glCode);
    line.costCentre = (String) props.getOrDefault("tlCostCentre", line.costCentre);
    line.department = (String) props.getOrDefault("tlDepartment", line.department);
    line.location = (String) props.getOrDefault("tlLocation", line.location);
    line.jobCode = (String) props.getOrDefault("tlJobCode", "");
    line.analysisCode = (String) props.getOrDefault("tlAnalysisCode", "");
    line.lineDate = (String) props.getOrDefault("tlLineDate", line.lineDate);
    line.picked = decimal(props.get("tlQtyPicked"), 0);
    for (int i = 1; i <= 10; i++) {
      Object value = props.get("tlUserField" + i);
      if (value != null) {
        line.userFields.put("tlUserField" + i, (String) value);
      }
    }

    // Validation, in the order Ex_StoreTrans reports it.
    if (!line.textOnly && !ToolkitEngine.VAT_CODES.contains(line.vatCode)) {
      throw Failure.of(30107, "Invalid VAT code " + line.vatCode, "tlVATCode", number);
    }
    if (!line.discountFlag.isEmpty() && !line.discountFlag.equals("%")
        && !(line.discountFlag.charAt(0) >= 'A' && line.discountFlag.charAt(0) <= 'H')) {
      throw Failure.of(30108, "Invalid discount character (must be % or A-H)", "tlDiscFlag", number);
    }
    if (!line.location.isEmpty() && !engine.locationExists(connection, line.location)) {
      throw Failure.of(30115, "Invalid stock location " + line.location, "tlLocation", number);
    }
    if (line.glCode != 0 && !engine.postableGl(connection, line.glCode)) {
      throw Failure.of(30104, "Invalid line GL code " + line.glCode, "tlGLCode", number);
    }
    checkLineCostCentre(connection, 'C', line.costCentre, "tlCostCentre", number);
    checkLineCostCentre(connection, 'D', line.department, "tlDepartment", number);
    if (!line.jobCode.isEmpty()) {
      Map<String, Object> job = engine.job(connection, line.jobCode).orElse(null);
      if (job == null || Db.integer(job, "JobStat") == 5 || Db.integer(job, "Completed") != 0) {
        throw Failure.of(30126, "Line job " + line.jobCode + " is invalid or closed", "tlJobCode", number);
      }
    }
    if (!Encodings.isValidDate(line.lineDate)) {
      throw Failure.of(30203, "Invalid line date " + line.lineDate, "tlLineDate", number);
    }
    if (type.equals("SOR") && line.picked.signum() > 0 && Db.integer(account, "acAccStatus") == 2) {
      throw Failure.of(30144, "Items cannot be picked on a SOR while the customer is on hold", "tlQtyPicked", number);
    }
    return line;
  }

  private void checkLineCostCentre(Connection connection, char type, String code, String field, int number)
      throws SQLException {
    if (code.isEmpty()) {
      return;
    }
    int state = engine.costCentreState(connection, type, code);
    if (state == 1) {
      throw Failure.of(30105, "Invalid line " + (type == 'C' ? "cost centre " : "department ") + code, field, number);
    }
    if (state == 2) {
      throw Failure.of(30148, "Inactive " + (type == 'C' ? "cost centre " : "department ") + code, field, number);
    }
  }

  private static int bandSlot(String band) {
    if (band.length() == 1 && band.charAt(0) >= 'A' && band.charAt(0) <= 'H') {
      return band.charAt(0) - 'A' + 1;
    }
    return 1;
  }

  /** Converts a price between currencies through base: Exchequer rates are foreign units per base unit. */
  private BigDecimal convert(Connection connection, BigDecimal amount, int from, int to, double toRate)
      throws SQLException {
    if (from == to || amount.signum() == 0) {
      return amount.setScale(2, RoundingMode.HALF_UP);
    }
    BigDecimal base = from <= 1 ? amount
        : amount.divide(BigDecimal.valueOf(rate(connection, from)), 10, RoundingMode.HALF_UP);
    BigDecimal target = to <= 1 ? base : base.multiply(BigDecimal.valueOf(toRate));
    return target.setScale(2, RoundingMode.HALF_UP);
  }

  private double rate(Connection connection, int currency) throws SQLException {
    double rate = engine.currency(connection, currency).map(row -> Db.dbl(row, "CompanyRate")).orElse(1.0);
    return rate > 0 ? rate : 1.0;
  }

  /** Document total to base currency with the document's company rate (rate 0 counts as 1). */
  static BigDecimal toBase(BigDecimal amount, double companyRate) {
    if (companyRate == 1.0 || companyRate <= 0) {
      return Encodings.money(amount);
    }
    return amount.divide(BigDecimal.valueOf(companyRate), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal decimal(Object value, double fallback) {
    if (value == null) {
      return BigDecimal.valueOf(fallback);
    }
    return BigDecimal.valueOf(((Number) value).doubleValue());
  }

  /** Reference section 8: unit price to sales decimals, discount per unit, line net rounded to 2. */
  private static void total(Line line) {
    if (line.textOnly) {
      return;
    }
    BigDecimal quantity = line.effectiveQuantity();
    BigDecimal price = line.unitPrice.setScale(2, RoundingMode.HALF_UP);
    line.gross = Encodings.money(price.multiply(quantity));
    line.net = Encodings.money(line.netUnit().multiply(quantity));
    line.vat = Encodings.money(line.net.multiply(ToolkitEngine.vatRate(line.vatCode)));
    line.cost = Encodings.money(line.unitCost.multiply(quantity));
  }

  private void insertLine(Connection connection, Line line, int folio, String ourRef, String type, String account,
      int currency, double companyRate, double dailyRate, int year, int period, int runNo) throws SQLException {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("tlFolioNum", folio);
    columns.put("tlOurRef", ourRef);
    columns.put("tlDocType", STORED_TYPE.get(type));
    columns.put("tlLineNo", line.number);
    columns.put("tlABSLineNo", line.number);
    columns.put("tlAcCode", account);
    columns.put("tlStockCode", Encodings.lengthPrefixed(line.stockCode, 21));
    columns.put("tlDescription", line.description.length() > 60 ? line.description.substring(0, 60) : line.description);
    columns.put("tlLineType", line.textOnly ? "" : "N");
    columns.put("tlQty", Encodings.real48(line.quantity));
    columns.put("tlQtyMul", Encodings.real48(line.packMultiplier));
    columns.put("tlUsePack", line.usePack);
    columns.put("tlNetValue", Encodings.real48(line.unitPrice));
    columns.put("tlDiscount", Encodings.real48(line.discount));
    columns.put("tlDiscFlag", line.discountFlag);
    columns.put("tlVATCode", line.vatCode);
    columns.put("tlVATAmount", Encodings.real48(line.vat));
    columns.put("tlCost", Encodings.real48(line.unitCost));
    columns.put("tlCurrency", currency);
    columns.put("tlCompanyRate", companyRate);
    columns.put("tlDailyRate", dailyRate);
    columns.put("tlGLCode", line.glCode);
    columns.put("tlCostCentre", line.costCentre);
    columns.put("tlDepartment", line.department);
    columns.put("tlLocation", line.location);
    columns.put("tlJobCode", line.jobCode);
    columns.put("tlAnalysisCode", line.analysisCode);
    columns.put("tlLineDate", line.lineDate);
    columns.put("tlQtyPicked", Encodings.real48(line.picked));
    columns.put("tlPaymentCode", line.paymentCode);
    columns.put("tlYear", year);
    columns.put("tlPeriod", period);
    columns.put("tlRunNo", runNo);
    columns.put("tlSOPFolioNum", line.orderFolio);
    columns.put("tlSOPABSLineNo", line.orderLine);
    columns.putAll(line.userFields);
    engine.db.insert(connection, "DETAILS", columns);
  }

  /** Stock movements of the document itself (allocation, issue, return). */
  private void applyStock(Connection connection, String type, List<Line> lines, LocalDateTime stamp)
      throws SQLException {
    for (Line line : lines) {
      if (line.stockCode.isEmpty() || !Ledger.stocked(line.stockType)) {
        continue;
      }
      BigDecimal quantity = line.effectiveQuantity();
      switch (type) {
        case "SOR":
          engine.ledger.moveStock(connection, line.stockCode, line.location, BigDecimal.ZERO, quantity, line.picked, stamp);
          break;
        case "SIN":
        case "SRI":
          if (line.deliveryFolio == 0 && line.orderFolio == 0) {
            engine.ledger.moveStock(connection, line.stockCode, line.location, quantity.negate(), BigDecimal.ZERO,
                BigDecimal.ZERO, stamp);
          }
          break;
        case "SDN":
          if (line.orderFolio == 0) {
            engine.ledger.moveStock(connection, line.stockCode, line.location, quantity.negate(), BigDecimal.ZERO,
                BigDecimal.ZERO, stamp);
          }
          break;
        case "SCR":
          engine.ledger.moveStock(connection, line.stockCode, line.location, quantity, BigDecimal.ZERO, BigDecimal.ZERO, stamp);
          break;
        default:
          break;
      }
    }
  }

  /** An SDN against an order: issue the stock, release the allocation, mark the order lines delivered. */
  private void applyDelivery(Connection connection, Map<String, Object> order, List<Line> lines, LocalDateTime stamp)
      throws SQLException {
    for (Line line : lines) {
      if (line.orderFolio != 0) {
        deliverOrderLine(connection, line, stamp);
      }
    }
    refreshOrder(connection, Db.integer(order, "thFolioNum"), stamp);
  }

  /** An invoice raised straight from an order (no SDN) delivers as it invoices. */
  private void applyOrderLinks(Connection connection, String type, List<Line> lines, LocalDateTime stamp)
      throws SQLException {
    if (!type.equals("SIN")) {
      return;
    }
    Set<Integer> orders = new java.util.TreeSet<>();
    for (Line line : lines) {
      if (line.orderFolio != 0 && line.deliveryFolio == 0) {
        deliverOrderLine(connection, line, stamp);
        orders.add(line.orderFolio);
      }
    }
    for (int folio : orders) {
      refreshOrder(connection, folio, stamp);
    }
  }

  private void deliverOrderLine(Connection connection, Line line, LocalDateTime stamp) throws SQLException {
    Map<String, Object> orderLine = Db.first(connection, "SELECT * FROM " + engine.db.table("DETAILS")
        + " WHERE tlFolioNum = ? AND tlABSLineNo = ?", line.orderFolio, line.orderLine).orElseThrow();
    BigDecimal ordered = Encodings.rounded(Db.dbl(orderLine, "tlQty"), 4);
    BigDecimal delivered = Encodings.rounded(Db.dbl(orderLine, "tlQtyDel"), 4);
    BigDecimal picked = Encodings.rounded(Db.dbl(orderLine, "tlQtyPicked"), 4);
    BigDecimal quantity = line.quantity;
    BigDecimal stillAllocated = ordered.subtract(delivered).max(BigDecimal.ZERO);
    BigDecimal release = quantity.min(stillAllocated);
    BigDecimal unpick = quantity.min(picked);
    BigDecimal multiplier = Db.bool(orderLine, "tlUsePack") ? BigDecimal.valueOf(Db.dbl(orderLine, "tlQtyMul")) : BigDecimal.ONE;
    if (!line.stockCode.isEmpty()) {
      engine.ledger.moveStock(connection, line.stockCode, line.location, quantity.multiply(multiplier).negate(),
          release.multiply(multiplier).negate(), unpick.multiply(multiplier).negate(), stamp);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("tlQtyDel", Encodings.real48(delivered.add(quantity)));
    values.put("tlQtyPicked", Encodings.real48(picked.subtract(unpick)));
    engine.db.updateRow(connection, "DETAILS", Db.integer(orderLine, "PositionId"), values);
  }

  /** Recomputes an order's outstanding value; a fully delivered order leaves the open order book. */
  private void refreshOrder(Connection connection, int folio, LocalDateTime stamp) throws SQLException {
    BigDecimal outstanding = BigDecimal.ZERO;
    for (Map<String, Object> row : lines(connection, folio)) {
      BigDecimal remaining = Encodings.rounded(Db.dbl(row, "tlQty"), 4)
          .subtract(Encodings.rounded(Db.dbl(row, "tlQtyDel"), 4)).max(BigDecimal.ZERO);
      if (Db.bool(row, "tlUsePack")) {
        remaining = remaining.multiply(BigDecimal.valueOf(Db.dbl(row, "tlQtyMul")));
      }
      BigDecimal price = Encodings.rounded(Db.dbl(row, "tlNetValue"), 2);
      BigDecimal discount = BigDecimal.valueOf(Db.dbl(row, "tlDiscount"));
      BigDecimal unit = Db.str(row, "tlDiscFlag").equals("%") ? price.subtract(price.multiply(discount)) : price.subtract(discount);
      outstanding = outstanding.add(Encodings.money(unit.multiply(remaining)));
    }
    Map<String, Object> order = findByFolio(connection, folio).orElseThrow();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("thTotalOrderOS", Encodings.real48(outstanding));
    values.put("thTotalInvoiced", Encodings.real48(
        Encodings.rounded(Db.dbl(order, "thTotalOrdered"), 2).subtract(outstanding).max(BigDecimal.ZERO)));
    values.put("thTimeChanged", Encodings.time(stamp.toLocalTime()));
    if (outstanding.signum() == 0) {
      values.put("thRunNo", RUN_ORDER_DONE);
    }
    engine.db.updateRow(connection, "DOCUMENT", Db.integer(order, "PositionId"), values);
  }

  /** Contract B: class U debits/credits and class W net sales/cost, in base and document currency. */
  private void postHistory(Connection connection, String type, String account, int year, int period, int currency,
      double companyRate, BigDecimal total, BigDecimal goods, BigDecimal cost) throws SQLException {
    BigDecimal totalBase = toBase(total, companyRate);
    BigDecimal zero = BigDecimal.ZERO;
    BigDecimal debitBase = DEBIT_TYPES.contains(type) ? totalBase : zero;
    BigDecimal creditBase = CREDIT_TYPES.contains(type) ? totalBase : zero;
    BigDecimal debitCurrency = DEBIT_TYPES.contains(type) ? total : zero;
    BigDecimal creditCurrency = CREDIT_TYPES.contains(type) ? total : zero;
    if (type.equals("SRI")) {
      creditBase = totalBase;
      creditCurrency = total;
    }
    BigDecimal netSales = zero;
    BigDecimal costOfSales = zero;
    if (Set.of("SIN", "SJI", "SRI").contains(type)) {
      netSales = toBase(goods, companyRate);
      costOfSales = toBase(cost, companyRate);
    } else if (Set.of("SCR", "SJC").contains(type)) {
      netSales = toBase(goods, companyRate).negate();
      costOfSales = toBase(cost, companyRate).negate();
    }
    engine.ledger.postTrader(connection, account, year, period, currency, debitBase, creditBase, debitCurrency,
        creditCurrency, netSales, costOfSales);
  }

  // -- conversion, allocation, posting ------------------------------------------------------------

  /** {@code ITransaction2.Convert(dtSOR)}: a new order with the quote's account, references and lines. */
  ToolkitResult convertQuote(Connection connection, String quoteRef, String toType, String longYourRef, String operator,
      LocalDateTime stamp) throws SQLException {
    String ref = quoteRef.trim().toUpperCase(java.util.Locale.ROOT);
    Map<String, Object> quote = findDocument(connection, ref)
        .orElseThrow(() -> Failure.of(4, "Record not found: " + ref, "thOurRef"));
    if (Db.integer(quote, "thDocType") != STORED_TYPE.get("SQU")) {
      throw Failure.of(30215, ref + " is not a quotation", "thDocType");
    }
    if (!toType.equals("SOR")) {
      throw Failure.of(-102, "A quotation converts to SOR only", "toDocType");
    }
    engine.locks.checkWrite("DOCUMENT", Locks.documentKey(ref), "Quotation " + ref);
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("thDocType", "SOR");
    input.put("thAcCode", Db.str(quote, "thAcCode"));
    input.put("thTransDate", Encodings.date(stamp.toLocalDate()));
    input.put("thYourRef", Db.str(quote, "thYourRef"));
    input.put("thLongYourRef", longYourRef.isEmpty()
        ? Encodings.decodeLengthPrefixed(Db.bytes(quote, "thLongYourRef")) : longYourRef);
    input.put("thCurrency", Db.integer(quote, "thCurrency"));
    input.put("thCompanyRate", Db.dbl(quote, "thCompanyRate"));
    input.put("thDailyRate", Db.dbl(quote, "thDailyRate"));
    List<String> delivery = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      delivery.add(Db.str(quote, "thDeliveryAddr" + i));
    }
    input.put("thDelAddress", delivery);
    input.put("thDeliveryPostCode", Db.str(quote, "thDeliveryPostCode"));
    input.put("thJobCode", Db.str(quote, "thJobCode"));
    for (int i = 1; i <= 12; i++) {
      String value = Db.str(quote, "thUserField" + i);
      if (!value.isEmpty()) {
        input.put("thUserField" + i, value);
      }
    }
    input.put("lines", copyLines(lines(connection, Db.integer(quote, "thFolioNum")), false));
    return add(connection, input, Set.of("SOR"), operator, stamp);
  }

  private ToolkitResult stored(Connection connection, String ourRef) throws SQLException {
    if (engine.keysOnlyResults) {
      return ToolkitResult.ok(true, Map.of("thOurRef", ourRef));
    }
    return ToolkitResult.ok(true, transaction(connection, ourRef).orElseThrow());
  }

  /** Line property maps copied from stored lines, optionally keeping the link to their order. */
  List<Map<String, Object>> copyLines(List<Map<String, Object>> rows, boolean keepOrderLink) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> line = new LinkedHashMap<>();
      String stockCode = Encodings.decodeLengthPrefixed(Db.bytes(row, "tlStockCode")).trim();
      if (!stockCode.isEmpty()) {
        line.put("tlStockCode", stockCode);
      }
      line.put("tlDescr", Db.str(row, "tlDescription"));
      line.put("tlQty", Db.dbl(row, "tlQty"));
      line.put("tlNetValue", Db.dbl(row, "tlNetValue"));
      line.put("tlDiscount", Db.dbl(row, "tlDiscount"));
      line.put("tlDiscFlag", Db.str(row, "tlDiscFlag"));
      if (!isTextLine(row)) {
        line.put("tlVATCode", Db.str(row, "tlVATCode"));
        line.put("tlGLCode", Db.integer(row, "tlGLCode"));
      }
      line.put("tlCost", Db.dbl(row, "tlCost"));
      line.put("tlCostCentre", Db.str(row, "tlCostCentre"));
      line.put("tlDepartment", Db.str(row, "tlDepartment"));
      line.put("tlLocation", Db.str(row, "tlLocation"));
      line.put("tlJobCode", Db.str(row, "tlJobCode"));
      line.put("tlAnalysisCode", Db.str(row, "tlAnalysisCode"));
      for (int i = 1; i <= 10; i++) {
        String value = Db.str(row, "tlUserField" + i);
        if (!value.isEmpty()) {
          line.put("tlUserField" + i, value);
        }
      }
      if (Db.bool(row, "tlUsePack")) {
        line.put("_usePack", true);
        line.put("_qtyMul", Db.dbl(row, "tlQtyMul"));
      }
      if (keepOrderLink && Db.integer(row, "tlSOPFolioNum") != 0) {
        line.put("_orderFolio", Db.integer(row, "tlSOPFolioNum"));
        line.put("_orderLine", Db.integer(row, "tlSOPABSLineNo"));
      }
      out.add(line);
    }
    return out;
  }

  /** Invoices everything still outstanding on an order (no delivery note). */
  ToolkitResult invoiceOrder(Connection connection, String orderRef, LocalDate date, String operator,
      LocalDateTime stamp) throws SQLException {
    Map<String, Object> order = findDocument(connection, orderRef.trim().toUpperCase(java.util.Locale.ROOT))
        .filter(row -> Db.integer(row, "thDocType") == STORED_TYPE.get("SOR"))
        .orElseThrow(() -> Failure.of(4, "Record not found: order " + orderRef, "thOurRef"));
    engine.locks.checkWrite("DOCUMENT", Locks.documentKey(orderRef), "Order " + orderRef);
    int folio = Db.integer(order, "thFolioNum");
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Map<String, Object> row : lines(connection, folio)) {
      BigDecimal remaining = Encodings.rounded(Db.dbl(row, "tlQty"), 4).subtract(Encodings.rounded(Db.dbl(row, "tlQtyDel"), 4));
      if (isTextLine(row) || remaining.signum() <= 0) {
        continue;
      }
      Map<String, Object> line = copyLines(List.of(row), false).get(0);
      line.put("tlQty", remaining.doubleValue());
      line.put("_orderFolio", folio);
      line.put("_orderLine", Db.integer(row, "tlABSLineNo"));
      lines.add(line);
    }
    if (lines.isEmpty()) {
      throw Failure.of(-102, "Order " + orderRef + " has nothing left to invoice", "thOurRef");
    }
    return add(connection, invoiceHeader(order, date, lines), Set.of("SIN"), operator, stamp);
  }

  /**
   * Invoices delivery notes: for each SDN a description line {@code SDN000045 15/03/2026}, then the
   * lines it delivered, each still pointing at its order line (contract B).
   */
  ToolkitResult invoiceDeliveries(Connection connection, List<String> deliveryRefs, LocalDate date, String operator,
      LocalDateTime stamp) throws SQLException {
    if (deliveryRefs.isEmpty()) {
      throw Failure.of(-101, "No delivery notes to invoice", "thOurRef");
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    List<Integer> folios = new ArrayList<>();
    Map<String, Object> first = null;
    for (String rawRef : deliveryRefs) {
      String ref = rawRef.trim().toUpperCase(java.util.Locale.ROOT);
      Map<String, Object> delivery = findDocument(connection, ref)
          .filter(row -> Db.integer(row, "thDocType") == STORED_TYPE.get("SDN"))
          .orElseThrow(() -> Failure.of(4, "Record not found: delivery " + ref, "thOurRef"));
      if (Db.integer(delivery, "thRunNo") == RUN_ORDER_DONE) {
        throw Failure.of(-102, "Delivery " + ref + " is already invoiced", "thOurRef");
      }
      if (first == null) {
        first = delivery;
      } else if (!Db.str(first, "thAcCode").equals(Db.str(delivery, "thAcCode"))
          || Db.integer(first, "thCurrency") != Db.integer(delivery, "thCurrency")) {
        throw Failure.of(-102, "Deliveries of one invoice must share account and currency", "thOurRef");
      }
      engine.locks.checkWrite("DOCUMENT", Locks.documentKey(ref), "Delivery " + ref);
      int folio = Db.integer(delivery, "thFolioNum");
      folios.add(folio);
      Map<String, Object> text = new LinkedHashMap<>();
      LocalDate deliveryDate = Encodings.parseDate(Db.str(delivery, "thTransDate")).orElse(date);
      text.put("tlDescr", ref + " " + Encodings.ukDate(deliveryDate));
      text.put("tlQty", 0.0);
      text.put("tlNetValue", 0.0);
      lines.add(text);
      for (Map<String, Object> line : copyLines(lines(connection, folio), true)) {
        line.put("_deliveryFolio", folio);
        lines.add(line);
      }
    }
    Map<String, Object> input = invoiceHeader(first, date, lines);
    input.put("_invoicedDeliveries", folios);
    return add(connection, input, Set.of("SIN"), operator, stamp);
  }

  private static Map<String, Object> invoiceHeader(Map<String, Object> source, LocalDate date,
      List<Map<String, Object>> lines) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("thDocType", "SIN");
    input.put("thAcCode", Db.str(source, "thAcCode"));
    input.put("thTransDate", Encodings.date(date));
    input.put("thYourRef", Db.str(source, "thYourRef"));
    input.put("thLongYourRef", Encodings.decodeLengthPrefixed(Db.bytes(source, "thLongYourRef")));
    input.put("thCurrency", Db.integer(source, "thCurrency"));
    input.put("thCompanyRate", Db.dbl(source, "thCompanyRate"));
    input.put("thDailyRate", Db.dbl(source, "thDailyRate"));
    input.put("thJobCode", Db.str(source, "thJobCode"));
    input.put("lines", lines);
    return input;
  }

  /** A full credit note for an invoice (goods returned to stock), allocated against the invoice. */
  ToolkitResult creditInvoice(Connection connection, String invoiceRef, LocalDate date, String operator,
      LocalDateTime stamp) throws SQLException {
    String ref = invoiceRef.trim().toUpperCase(java.util.Locale.ROOT);
    Map<String, Object> invoice = findDocument(connection, ref)
        .filter(row -> Db.integer(row, "thDocType") == STORED_TYPE.get("SIN"))
        .orElseThrow(() -> Failure.of(4, "Record not found: invoice " + ref, "thOurRef"));
    List<Map<String, Object>> lines = copyLines(lines(connection, Db.integer(invoice, "thFolioNum")), false);
    Map<String, Object> input = invoiceHeader(invoice, date, lines);
    input.put("thDocType", "SCR");
    input.put("thYourRef", ref);
    ToolkitResult credit = add(connection, input, Set.of("SCR"), operator, stamp);
    BigDecimal outstanding = outstandingInCurrency(findDocument(connection, ref).orElseThrow());
    BigDecimal creditTotal = documentTotal(findDocument(connection, credit.ourRef()).orElseThrow());
    BigDecimal amount = outstanding.min(creditTotal);
    if (amount.signum() > 0) {
      allocate(connection, credit.ourRef(), ref, amount, stamp);
    }
    return stored(connection, credit.ourRef());
  }

  /** A receipt (SRC) of money from a customer, optionally allocated to invoices in order. */
  ToolkitResult receipt(Connection connection, String account, LocalDate date, BigDecimal amount, int currency,
      List<String> invoices, String operator, LocalDateTime stamp) throws SQLException {
    return payment(connection, "SRC", account, date, amount, currency, invoices, operator, stamp);
  }

  ToolkitResult payment(Connection connection, String type, String account, LocalDate date, BigDecimal amount,
      int currency, List<String> allocateTo, String operator, LocalDateTime stamp) throws SQLException {
    if (amount.signum() <= 0) {
      throw Failure.of(-102, "Payment amount must be positive", "amount");
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("tlDescr", type.equals("SRC") ? "Receipt" : type.equals("SRF") ? "Refund" : "Payment");
    line.put("tlQty", 1.0);
    line.put("tlNetValue", amount.doubleValue());
    line.put("tlVATCode", "Z");
    line.put("tlGLCode", BANK_GL);
    line.put("_paymentCode", "Y");
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("thDocType", type);
    input.put("thAcCode", account);
    input.put("thTransDate", Encodings.date(date));
    input.put("thCurrency", currency);
    input.put("lines", List.of(line));
    ToolkitResult payment = add(connection, input, Set.of(type), operator, stamp);
    BigDecimal left = amount;
    for (String invoice : allocateTo) {
      if (left.signum() <= 0) {
        break;
      }
      Map<String, Object> target = findDocument(connection, invoice.trim().toUpperCase(java.util.Locale.ROOT))
          .orElseThrow(() -> Failure.of(4, "Record not found: " + invoice, "thOurRef"));
      BigDecimal share = left.min(outstandingInCurrency(target));
      if (share.signum() > 0) {
        allocate(connection, payment.ourRef(), Db.str(target, "thOurRef"), share, stamp);
        left = left.subtract(share);
      }
    }
    return stored(connection, payment.ourRef());
  }

  /**
   * Allocates (matches) part of a receipt or credit to an invoice: both documents' settled amounts
   * grow, in document and base currency, and a FinancialMatching row records the match.
   */
  void allocate(Connection connection, String paymentRef, String invoiceRef, BigDecimal amount, LocalDateTime stamp)
      throws SQLException {
    Map<String, Object> payment = findDocument(connection, paymentRef)
        .orElseThrow(() -> Failure.of(4, "Record not found: " + paymentRef, "thOurRef"));
    Map<String, Object> invoice = findDocument(connection, invoiceRef)
        .orElseThrow(() -> Failure.of(4, "Record not found: " + invoiceRef, "thOurRef"));
    if (!Db.str(payment, "thAcCode").equals(Db.str(invoice, "thAcCode"))) {
      throw Failure.of(-102, "Allocation across accounts", "thAcCode");
    }
    if (Db.integer(payment, "thCurrency") != Db.integer(invoice, "thCurrency")) {
      throw Failure.of(-102, "Allocation across currencies is not emulated", "thCurrency");
    }
    engine.locks.checkWrite("DOCUMENT", Locks.documentKey(invoiceRef), "Transaction " + invoiceRef);
    BigDecimal amountMoney = Encodings.money(amount);
    if (amountMoney.compareTo(outstandingInCurrency(invoice)) > 0
        || amountMoney.compareTo(outstandingInCurrency(payment)) > 0) {
      throw Failure.of(-102, "Allocation exceeds the outstanding amount", "amount");
    }
    BigDecimal invoiceBase = settle(connection, invoice, amountMoney, stamp);
    settle(connection, payment, amountMoney, stamp);
    Map<String, Object> match = new LinkedHashMap<>();
    match.put("DocRef", Db.str(invoice, "thOurRef"));
    match.put("PayRef", Db.str(payment, "thOurRef"));
    match.put("SettledVal", Encodings.real48(invoiceBase));
    match.put("OwnCVal", Encodings.real48(amountMoney));
    match.put("MCurrency", Db.integer(invoice, "thCurrency"));
    match.put("MatchType", "A");
    match.put("RCurrency", Db.integer(payment, "thCurrency"));
    match.put("RecOwnCVal", Encodings.real48(amountMoney));
    engine.db.insert(connection, "FinancialMatching", match);
  }

  /** Grows a document's settled amounts; base settled is derived from the cumulative currency amount. */
  private BigDecimal settle(Connection connection, Map<String, Object> document, BigDecimal amount, LocalDateTime stamp)
      throws SQLException {
    BigDecimal settledBefore = Encodings.rounded(Db.dbl(document, "thAmountSettled"), 2);
    BigDecimal currencySettled = Encodings.rounded(Db.dbl(document, "thCurrSettled"), 2).add(amount);
    double rate = Db.dbl(document, "thCompanyRate");
    BigDecimal baseSettled = toBase(currencySettled, rate);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("thCurrSettled", Encodings.real48(currencySettled));
    values.put("thAmountSettled", Encodings.real48(baseSettled));
    values.put("thTimeChanged", Encodings.time(stamp.toLocalTime()));
    engine.db.updateRow(connection, "DOCUMENT", Db.integer(document, "PositionId"), values);
    return baseSettled.subtract(settledBefore);
  }

  static BigDecimal documentTotal(Map<String, Object> document) {
    return Encodings.rounded(Db.dbl(document, "thNetValue"), 2)
        .subtract(Encodings.rounded(Db.dbl(document, "thTotalLineDiscount"), 2))
        .add(Encodings.rounded(Db.dbl(document, "thTotalVAT"), 2));
  }

  static BigDecimal outstandingInCurrency(Map<String, Object> document) {
    return documentTotal(document).subtract(Encodings.rounded(Db.dbl(document, "thCurrSettled"), 2));
  }

  /** A daybook posting run: every unposted ledger document dated up to {@code upTo} gets the next run number. */
  int postDaybook(Connection connection, LocalDate upTo, LocalDateTime stamp) throws SQLException {
    engine.locks.checkWrite("DOCUMENT", "-", "Daybook");
    int run = Db.first(connection, "SELECT COALESCE(MAX(thRunNo), 0) + 1 AS r FROM " + engine.db.table("DOCUMENT"))
        .map(row -> Db.integer(row, "r")).orElse(1);
    List<Integer> types = new ArrayList<>();
    for (String type : LEDGER_TYPES) {
      types.add(STORED_TYPE.get(type));
    }
    String typeList = types.toString().replace('[', '(').replace(']', ')');
    String where = " WHERE thRunNo = 0 AND thDocType IN " + typeList + " AND thTransDate <= ?";
    List<Map<String, Object>> docs = Db.query(connection,
        "SELECT thFolioNum FROM " + engine.db.table("DOCUMENT") + where, Encodings.date(upTo));
    if (docs.isEmpty()) {
      return 0;
    }
    Db.update(connection, "UPDATE " + engine.db.table("DOCUMENT") + " SET thRunNo = ?, thPostedDate = ?" + where,
        run, Encodings.date(stamp.toLocalDate()), Encodings.date(upTo));
    for (Map<String, Object> doc : docs) {
      Db.update(connection, "UPDATE " + engine.db.table("DETAILS") + " SET tlRunNo = ? WHERE tlFolioNum = ?",
          run, Db.integer(doc, "thFolioNum"));
    }
    return run;
  }

  // -- reads ------------------------------------------------------------------------------------

  Optional<Map<String, Object>> findDocument(Connection connection, String ourRef) throws SQLException {
    return Db.first(connection, "SELECT * FROM " + engine.db.table("DOCUMENT") + " WHERE " + Db.codeIs("thOurRef"),
        Db.code(ourRef));
  }

  Optional<Map<String, Object>> findByFolio(Connection connection, int folio) throws SQLException {
    return Db.first(connection, "SELECT * FROM " + engine.db.table("DOCUMENT") + " WHERE thFolioNum = ?", folio);
  }

  List<Map<String, Object>> lines(Connection connection, int folio) throws SQLException {
    return Db.query(connection, "SELECT * FROM " + engine.db.table("DETAILS")
        + " WHERE tlFolioNum = ? ORDER BY tlABSLineNo", folio);
  }

  Optional<Map<String, Object>> transaction(Connection connection, String ourRef) throws SQLException {
    Optional<Map<String, Object>> row = findDocument(connection, ourRef.trim().toUpperCase(java.util.Locale.ROOT));
    if (row.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(record(connection, row.get()));
  }

  /** Documents of a type (any when blank) whose {@code thLongYourRef} equals the key. */
  List<Map<String, Object>> findByLongYourRef(Connection connection, String docType, String key) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    Integer stored = docType.isEmpty() ? null : STORED_TYPE.get(docType.toUpperCase(java.util.Locale.ROOT));
    if (!docType.isEmpty() && stored == null) {
      return out;
    }
    String sql = "SELECT * FROM " + engine.db.table("DOCUMENT") + " WHERE thLongYourRef = ?"
        + (stored == null ? "" : " AND thDocType = " + stored) + " ORDER BY PositionId";
    for (Map<String, Object> row : Db.query(connection, sql, Encodings.lengthPrefixed(key, 21))) {
      out.add(record(connection, row));
    }
    return out;
  }

  private Map<String, Object> record(Connection connection, Map<String, Object> row) throws SQLException {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("thDocType", typeCode(Db.integer(row, "thDocType")));
    record.putAll(Props.fromRow(row, Props.HEADER));
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Map<String, Object> line : lines(connection, Db.integer(row, "thFolioNum"))) {
      lines.add(Props.fromRow(line, Props.LINE));
    }
    record.put("lines", lines);
    return record;
  }
}
