package io.github.tandemsync.testkit.exchequer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Customer and supplier records: {@code Customer.Add}/{@code Update} then {@code Save} (reference 12.2). */
final class Accounts {
  private static final Set<String> BANDS = Set.of("", "A", "B", "C", "D", "E", "F", "G", "H");

  private final ToolkitEngine engine;

  Accounts(ToolkitEngine engine) {
    this.engine = engine;
  }

  ToolkitResult add(Connection connection, Map<String, ?> input, String operator, LocalDateTime stamp)
      throws SQLException {
    Map<String, Object> props = Props.normalise(input, Props.ACCOUNT, Set.of(), 0);
    String code = (String) props.getOrDefault("acCode", "");
    if (code.isEmpty()) {
      throw Failure.of(30003, "Blank account code", "acCode");
    }
    String ledger = (String) props.getOrDefault("acCustSupp", "");
    if (!ledger.equals("C") && !ledger.equals("S")) {
      throw Failure.of(30001, "Invalid account type (must be C or S)", "acCustSupp");
    }
    // Customer.Add/Supplier.Add start from the Toolkit's defaults; explicit properties win.
    props.putIfAbsent("acSubType", ledger);
    props.putIfAbsent("acCurrency", 1);
    props.putIfAbsent("acVATCode", "S");
    props.putIfAbsent("acCountry", "GB");
    props.putIfAbsent("acPayTerms", 30);
    validate(connection, props);
    engine.locks.checkWrite("CUSTSUPP", Locks.accountKey(code), "Account " + code);
    if (find(connection, code).isPresent()) {
      throw Failure.of(5, "Duplicate key: account " + code + " already exists", "acCode");
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    Props.toColumns(props, Props.ACCOUNT, columns);
    columns.put("acCustSupp", ledger);
    columns.put("acDespAddr", hasDeliveryAddress(columns));
    stamp(columns, operator, stamp);
    engine.db.insert(connection, "CUSTSUPP", columns);
    return ToolkitResult.ok(true, record(find(connection, code).orElseThrow()));
  }

  ToolkitResult update(Connection connection, String rawCode, Map<String, ?> input, String operator,
      LocalDateTime stamp) throws SQLException {
    Map<String, Object> props = Props.normalise(input, Props.ACCOUNT, Set.of(), 0);
    String code = rawCode.trim().toUpperCase(java.util.Locale.ROOT);
    Map<String, Object> row = find(connection, code)
        .orElseThrow(() -> Failure.of(4, "Record not found: account " + code, "acCode"));
    if (Db.integer(row, "acAnonymisationStatus") != 0) {
      throw Failure.of(30032, "Anonymised account cannot be edited", "acAnonymisationStatus");
    }
    Object newCode = props.get("acCode");
    if (newCode != null && !newCode.equals(code)) {
      throw Failure.of(-102, "acCode cannot be changed", "acCode");
    }
    Object ledger = props.get("acCustSupp");
    if (ledger != null && !ledger.equals(Db.str(row, "acCustSupp"))) {
      if (!ledger.equals("C") && !ledger.equals("S")) {
        throw Failure.of(30001, "Invalid account type (must be C or S)", "acCustSupp");
      }
      throw Failure.of(-102, "acCustSupp cannot be changed", "acCustSupp");
    }
    validate(connection, props);
    engine.locks.checkWrite("CUSTSUPP", Locks.accountKey(code), "Account " + code);
    Map<String, Object> columns = new LinkedHashMap<>();
    Props.toColumns(props, Props.ACCOUNT, columns);
    if (props.containsKey("acDelAddress")) {
      columns.put("acDespAddr", hasDeliveryAddress(columns));
    }
    stamp(columns, operator, stamp);
    engine.db.updateRow(connection, "CUSTSUPP", Db.integer(row, "PositionId"), columns);
    return ToolkitResult.ok(false, record(find(connection, code).orElseThrow()));
  }

  private void validate(Connection connection, Map<String, Object> props) throws SQLException {
    String subType = (String) props.get("acSubType");
    if (subType != null && !Set.of("C", "S", "U").contains(subType)) {
      throw Failure.of(30020, "Invalid sub type (must be C, S or U)", "acSubType");
    }
    String vat = (String) props.get("acVATCode");
    if (vat != null && !ToolkitEngine.VAT_CODES.contains(vat)) {
      throw Failure.of(30005, "Invalid VAT code", "acVATCode");
    }
    Integer currency = (Integer) props.get("acCurrency");
    if (currency != null && (currency < 1 || currency > 30)) {
      throw Failure.of(30007, "Invalid currency (must be 1-30)", "acCurrency");
    }
    String country = (String) props.get("acCountry");
    if (country != null && !country.isEmpty() && !ToolkitEngine.COUNTRIES.contains(country)) {
      throw Failure.of(30024, "Invalid country code", "acCountry");
    }
    String deliveryCountry = (String) props.get("acDeliveryCountry");
    if (deliveryCountry != null && !deliveryCountry.isEmpty() && !ToolkitEngine.COUNTRIES.contains(deliveryCountry)) {
      throw Failure.of(30025, "Invalid delivery country code", "acDeliveryCountry");
    }
    String location = (String) props.get("acLocation");
    if (location != null && !location.isEmpty() && !engine.locationExists(connection, location)) {
      throw Failure.of(30010, "Invalid location", "acLocation");
    }
    checkCostCentre(connection, 'C', (String) props.get("acCostCentre"), "acCostCentre");
    checkCostCentre(connection, 'D', (String) props.get("acDepartment"), "acDepartment");
    checkGl(connection, (Integer) props.get("acSalesGL"), 30009, "Invalid sales GL code", "acSalesGL");
    checkGl(connection, (Integer) props.get("acCOSGL"), 30008, "Invalid cost of sales GL code", "acCOSGL");
    checkGl(connection, (Integer) props.get("acDrCrGL"), 30006, "Invalid default GL code", "acDrCrGL");
    Integer status = (Integer) props.get("acAccStatus");
    if (status != null && (status < 0 || status > 3)) {
      throw Failure.of(-102, "acAccStatus must be 0-3", "acAccStatus");
    }
    String band = (String) props.get("acDiscountBand");
    if (band != null && !BANDS.contains(band)) {
      throw Failure.of(-102, "acDiscountBand must be A-H", "acDiscountBand");
    }
  }

  private void checkCostCentre(Connection connection, char type, String code, String field) throws SQLException {
    if (code == null || code.isEmpty()) {
      return;
    }
    int state = engine.costCentreState(connection, type, code);
    String what = type == 'C' ? "cost centre" : "department";
    if (state == 1) {
      throw Failure.of(30018, "Invalid " + what, field);
    }
    if (state == 2) {
      throw Failure.of(30031, "Inactive " + what, field);
    }
  }

  private void checkGl(Connection connection, Integer gl, int code, String message, String field) throws SQLException {
    if (gl != null && gl != 0 && !engine.postableGl(connection, gl)) {
      throw Failure.of(code, message, field);
    }
  }

  private static boolean hasDeliveryAddress(Map<String, Object> columns) {
    for (int i = 1; i <= 5; i++) {
      Object line = columns.get("acDespAddressLine" + i);
      if (line != null && !line.toString().isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** The Toolkit stamps every stored account with the workstation's local date and time. */
  private static void stamp(Map<String, Object> columns, String operator, LocalDateTime stamp) {
    columns.put("acLastUsed", Encodings.date(stamp.toLocalDate()));
    columns.put("acTimeStamp", Encodings.time(stamp.toLocalTime()));
    columns.put("acLastOperator", operator.length() > 10 ? operator.substring(0, 10) : operator);
  }

  Optional<Map<String, Object>> find(Connection connection, String code) throws SQLException {
    return Db.first(connection, "SELECT * FROM " + engine.db.table("CUSTSUPP") + " WHERE " + Db.codeIs("acCode"),
        Db.code(code.trim().toUpperCase(java.util.Locale.ROOT)));
  }

  List<Map<String, Object>> findByAltCode(Connection connection, String altCode) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : Db.query(connection,
        "SELECT * FROM " + engine.db.table("CUSTSUPP") + " WHERE RTRIM(acAltCode) = ? ORDER BY PositionId",
        altCode.stripTrailing())) {
      out.add(record(row));
    }
    return out;
  }

  static Map<String, Object> record(Map<String, Object> row) {
    Map<String, Object> record = Props.fromRow(row, Props.ACCOUNT);
    record.put("acCustSupp", Db.str(row, "acCustSupp"));
    return record;
  }
}
