package io.github.tandemsync.testkit.exchequer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What posting does besides storing the document: trader HISTORY buckets (contract B) and stock
 * levels on STOCK and StockLocation with their last-changed stamps.
 */
final class Ledger {
  static final int CLASS_TRADER = 'U';
  static final int CLASS_TRADER_GP = 'W';
  static final int YEAR_BUCKET = 255;

  private final ToolkitEngine engine;

  Ledger(ToolkitEngine engine) {
    this.engine = engine;
  }

  /**
   * Books one document on the trader's history: class U debits/credits in base (currency 0) and in
   * the document currency, the cumulative period-255 rows, and class W net sales and cost.
   */
  void postTrader(Connection connection, String account, int year, int period, int currency,
      BigDecimal debitBase, BigDecimal creditBase, BigDecimal debitCurrency, BigDecimal creditCurrency,
      BigDecimal netSalesBase, BigDecimal costBase) throws SQLException {
    byte[] code = Encodings.traderHistoryCode(account);
    if (debitBase.signum() != 0 || creditBase.signum() != 0) {
      addBucket(connection, code, CLASS_TRADER, 0, year, period, creditBase, debitBase);
      addYearBuckets(connection, code, CLASS_TRADER, 0, year, creditBase, debitBase);
      addBucket(connection, code, CLASS_TRADER, currency, year, period, creditCurrency, debitCurrency);
      addYearBuckets(connection, code, CLASS_TRADER, currency, year, creditCurrency, debitCurrency);
      BigDecimal balance = balance(connection, account);
      Db.update(connection, "UPDATE " + engine.db.table("CUSTSUPP") + " SET acBalance = ? WHERE " + Db.codeIs("acCode"),
          Db.args(new Object[] {Encodings.real48(balance)}, Db.code(account)));
    }
    if (netSalesBase.signum() != 0 || costBase.signum() != 0) {
      addBucket(connection, code, CLASS_TRADER_GP, 0, year, period, netSalesBase, costBase);
    }
  }

  private void addBucket(Connection connection, byte[] code, int historyClass, int currency, int year, int period,
      BigDecimal sales, BigDecimal purchases) throws SQLException {
    Optional<Map<String, Object>> row = Db.first(connection,
        "SELECT PositionId, hiSales, hiPurchases FROM " + engine.db.table("HISTORY")
            + " WHERE hiExCLass = ? AND hiCode = ? AND hiCurrency = ? AND hiYear = ? AND hiPeriod = ?",
        historyClass, code, currency, year, period);
    if (row.isPresent()) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("hiSales", accumulate(Db.dbl(row.get(), "hiSales"), sales));
      values.put("hiPurchases", accumulate(Db.dbl(row.get(), "hiPurchases"), purchases));
      engine.db.updateRow(connection, "HISTORY", Db.integer(row.get(), "PositionId"), values);
    } else {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("hiCode", code);
      values.put("hiExCLass", historyClass);
      values.put("hiCurrency", currency);
      values.put("hiYear", year);
      values.put("hiPeriod", period);
      values.put("hiSales", Encodings.real48(Encodings.money(sales)));
      values.put("hiPurchases", Encodings.real48(Encodings.money(purchases)));
      engine.db.insert(connection, "HISTORY", values);
    }
  }

  /**
   * Period 255 holds the cumulative totals from the start of the ledger through its year, so a
   * posting changes the row of its own year (created from the previous year's when missing) and
   * the rows of every later year.
   */
  private void addYearBuckets(Connection connection, byte[] code, int historyClass, int currency, int year,
      BigDecimal sales, BigDecimal purchases) throws SQLException {
    String table = engine.db.table("HISTORY");
    boolean exists = Db.first(connection, "SELECT PositionId FROM " + table
        + " WHERE hiExCLass = ? AND hiCode = ? AND hiCurrency = ? AND hiYear = ? AND hiPeriod = ?",
        historyClass, code, currency, year, YEAR_BUCKET).isPresent();
    if (!exists) {
      Optional<Map<String, Object>> previous = Db.first(connection, "SELECT TOP 1 hiSales, hiPurchases FROM " + table
          + " WHERE hiExCLass = ? AND hiCode = ? AND hiCurrency = ? AND hiYear < ? AND hiPeriod = ? ORDER BY hiYear DESC",
          historyClass, code, currency, year, YEAR_BUCKET);
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("hiCode", code);
      values.put("hiExCLass", historyClass);
      values.put("hiCurrency", currency);
      values.put("hiYear", year);
      values.put("hiPeriod", YEAR_BUCKET);
      values.put("hiSales", previous.map(r -> Db.dbl(r, "hiSales")).orElse(0.0));
      values.put("hiPurchases", previous.map(r -> Db.dbl(r, "hiPurchases")).orElse(0.0));
      engine.db.insert(connection, "HISTORY", values);
    }
    List<Map<String, Object>> rows = Db.query(connection, "SELECT PositionId, hiSales, hiPurchases FROM " + table
        + " WHERE hiExCLass = ? AND hiCode = ? AND hiCurrency = ? AND hiYear >= ? AND hiPeriod = ?",
        historyClass, code, currency, year, YEAR_BUCKET);
    for (Map<String, Object> row : rows) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("hiSales", accumulate(Db.dbl(row, "hiSales"), sales));
      values.put("hiPurchases", accumulate(Db.dbl(row, "hiPurchases"), purchases));
      engine.db.updateRow(connection, "HISTORY", Db.integer(row, "PositionId"), values);
    }
  }

  private static double accumulate(double stored, BigDecimal delta) {
    return Encodings.real48(Encodings.money(Encodings.rounded(stored, 2).add(delta)));
  }

  /** Contract B: purchases - sales of the class-U, currency-0, period-255 row of the latest year. */
  BigDecimal balance(Connection connection, String account) throws SQLException {
    return Db.first(connection, "SELECT TOP 1 hiSales, hiPurchases FROM " + engine.db.table("HISTORY")
            + " WHERE hiExCLass = ? AND hiCode = ? AND hiCurrency = 0 AND hiPeriod = ? ORDER BY hiYear DESC",
            CLASS_TRADER, Encodings.traderHistoryCode(account), YEAR_BUCKET)
        .map(row -> Encodings.rounded(Db.dbl(row, "hiPurchases"), 2).subtract(Encodings.rounded(Db.dbl(row, "hiSales"), 2)))
        .orElse(BigDecimal.ZERO.setScale(2));
  }

  // -- stock levels ---------------------------------------------------------------------------

  static boolean stocked(String stockType) {
    return stockType.equals("P") || stockType.equals("M") || stockType.equals("X");
  }

  /** Moves stock quantities on STOCK and on the location's StockLocation row, stamping both. */
  void moveStock(Connection connection, String stockCode, String location, BigDecimal inStock, BigDecimal allocated,
      BigDecimal picked, LocalDateTime stamp) throws SQLException {
    if (inStock.signum() == 0 && allocated.signum() == 0 && picked.signum() == 0) {
      return;
    }
    Map<String, Object> item = engine.stockItem(connection, stockCode).orElse(null);
    if (item == null || !stocked(Db.str(item, "stType"))) {
      return;
    }
    String date = Encodings.date(stamp.toLocalDate());
    String time = Encodings.time(stamp.toLocalTime());
    Map<String, Object> stock = new LinkedHashMap<>();
    stock.put("stQtyInStock", quantity(Db.dbl(item, "stQtyInStock"), inStock));
    stock.put("stQtyAllocated", quantity(Db.dbl(item, "stQtyAllocated"), allocated));
    stock.put("stQtyPicked", quantity(Db.dbl(item, "stQtyPicked"), picked));
    stock.put("stLastUsed", date);
    stock.put("stTimeChange", time);
    engine.db.updateRow(connection, "STOCK", Db.integer(item, "PositionId"), stock);
    if (location.isEmpty()) {
      return;
    }
    Optional<Map<String, Object>> level = Db.first(connection, "SELECT * FROM " + engine.db.table("StockLocation")
        + " WHERE " + Db.codeIs("LsStkCode") + " AND RTRIM(LsLocCode) = ?", Db.args(Db.code(stockCode), location));
    Map<String, Object> values = new LinkedHashMap<>();
    if (level.isPresent()) {
      values.put("LsQtyInStock", quantity(Db.dbl(level.get(), "LsQtyInStock"), inStock));
      values.put("LsQtyAlloc", quantity(Db.dbl(level.get(), "LsQtyAlloc"), allocated));
      values.put("LsQtyPicked", quantity(Db.dbl(level.get(), "LsQtyPicked"), picked));
      values.put("LsLastUsed", date);
      values.put("LsLastTime", time);
      engine.db.updateRow(connection, "StockLocation", Db.integer(level.get(), "PositionId"), values);
    } else {
      values.put("LsStkCode", stockCode);
      values.put("LsStkFolio", Db.integer(item, "stFolioNum"));
      values.put("LsLocCode", location);
      values.put("LsQtyInStock", quantity(0, inStock));
      values.put("LsQtyAlloc", quantity(0, allocated));
      values.put("LsQtyPicked", quantity(0, picked));
      values.put("LsCostPrice", Db.dbl(item, "stCostPrice"));
      values.put("LsPCurrency", Db.integer(item, "stCostPriceCurrency"));
      values.put("LsLastUsed", date);
      values.put("LsLastTime", time);
      engine.db.insert(connection, "StockLocation", values);
    }
  }

  private static double quantity(double stored, BigDecimal delta) {
    return Encodings.real48(Encodings.rounded(stored, 4).add(delta).setScale(4, java.math.RoundingMode.HALF_UP));
  }
}
