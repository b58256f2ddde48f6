package io.github.tandemsync.testkit.exchequer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read helpers for test assertions, over the admin connection. Rows come back as maps from SQL
 * column name to value with the encodings undone: text without NUL padding and trailing blanks,
 * length-prefixed binary strings decoded, floats as {@code Double}, bits as {@code Boolean}.
 *
 * Column names are matched without regard to case.
 *
 * <p>The figures follow the shared contracts: {@link #balance} and the period figures read
 * HISTORY as contract B defines; {@link #outstandingInBase} is contract B's paid test.
 */
public final class SandboxQueries {
  private final Db db;

  SandboxQueries(Db db) {
    this.db = db;
  }

  /**
   * An account's CUSTSUPP row.
   *
   * @param accountCode the code (trailing blanks and case ignored)
   * @return the decoded columns, or empty
   */
  public Optional<Map<String, Object>> account(String accountCode) {
    return first("SELECT * FROM " + db.table("CUSTSUPP") + " WHERE RTRIM(acCode) = ?", code(accountCode));
  }

  /**
   * A stock item's STOCK row.
   *
   * @param stockCode the stock code
   * @return the decoded columns, or empty
   */
  public Optional<Map<String, Object>> stockItem(String stockCode) {
    return first("SELECT * FROM " + db.table("STOCK") + " WHERE RTRIM(stCode) = ?", code(stockCode));
  }

  /**
   * A StockLocation row.
   *
   * @param stockCode the stock code
   * @param location the location code
   * @return the decoded columns, or empty
   */
  public Optional<Map<String, Object>> stockLevel(String stockCode, String location) {
    return first("SELECT * FROM " + db.table("StockLocation") + " WHERE RTRIM(LsStkCode) = ? AND RTRIM(LsLocCode) = ?",
        code(stockCode), code(location));
  }

  /**
   * A DOCUMENT row.
   *
   * @param ourRef the OurRef
   * @return the decoded columns, or empty
   */
  public Optional<Map<String, Object>> document(String ourRef) {
    return first("SELECT * FROM " + db.table("DOCUMENT") + " WHERE RTRIM(thOurRef) = ?", code(ourRef));
  }

  /**
   * The DETAILS rows of a document, by absolute line number.
   *
   * @param ourRef the OurRef
   * @return the decoded lines, possibly none
   */
  public List<Map<String, Object>> lines(String ourRef) {
    return rows("SELECT l.* FROM " + db.table("DETAILS") + " l JOIN " + db.table("DOCUMENT")
        + " d ON l.tlFolioNum = d.thFolioNum WHERE RTRIM(d.thOurRef) = ? ORDER BY l.tlABSLineNo", code(ourRef));
  }

  /**
   * DOCUMENT rows whose decoded {@code thLongYourRef} equals the key.
   *
   * @param longYourRef the key
   * @return the decoded rows, oldest first
   */
  public List<Map<String, Object>> documentsByLongYourRef(String longYourRef) {
    return rows("SELECT * FROM " + db.table("DOCUMENT") + " WHERE thLongYourRef = ? ORDER BY PositionId",
        Encodings.lengthPrefixed(longYourRef, 21));
  }

  /**
   * The next number of a document counter (EXCHQNUM {@code ssNextCount}).
   *
   * @param docType the three-letter type
   * @return the next counter value, 0 when there is no counter
   */
  public int nextDocumentNumber(String docType) {
    return first("SELECT ssNextCount FROM " + db.table("EXCHQNUM") + " WHERE RTRIM(ssCountType) = ?", code(docType))
        .map(row -> ((Number) row.get("ssNextCount")).intValue()).orElse(0);
  }

  /**
   * Rows in a company table.
   *
   * @param table the table name, e.g. {@code CUSTSUPP}
   * @return the row count
   */
  public int count(String table) {
    if (!table.matches("[A-Za-z]+")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    return ((Number) rows("SELECT COUNT(*) AS n FROM " + db.table(table)).get(0).get("n")).intValue();
  }

  /**
   * Any SELECT; {@code [!ActiveSchema!]} stands for the bracketed company schema, as in
   * Exchequer's own scripts.
   *
   * @param sql the query
   * @param args positional parameters
   * @return the decoded rows
   */
  public List<Map<String, Object>> rows(String sql, Object... args) {
    String resolved = sql.replace("[!ActiveSchema!]", db.table("X").replace(".[X]", ""));
    return db.read(connection -> {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> row : Db.query(connection, resolved, args)) {
        out.add(decoded(row));
      }
      return out;
    });
  }

  /**
   * Contract B: the current balance, {@code hiPurchases - hiSales} of the class-U, currency-0,
   * period-255 HISTORY row of the latest year (customers: positive = owed to us; suppliers:
   * negative = we owe them).
   *
   * @param accountCode the account
   * @return the balance in base currency, 2 decimals
   */
  public BigDecimal balance(String accountCode) {
    return first("SELECT TOP 1 hiSales, hiPurchases FROM " + db.table("HISTORY")
            + " WHERE hiExCLass = 85 AND hiCode = ? AND hiCurrency = 0 AND hiPeriod = 255 ORDER BY hiYear DESC",
            Encodings.traderHistoryCode(code(accountCode)))
        .map(row -> money(row, "hiPurchases").subtract(money(row, "hiSales")))
        .orElse(BigDecimal.ZERO.setScale(2));
  }

  /**
   * Contract B month-to-date: net sales of the current period (class W).
   *
   * @param accountCode the account
   * @return net sales in base currency
   */
  public BigDecimal monthToDate(String accountCode) {
    int[] current = currentPeriod();
    return netSales(accountCode, current[0], current[1], current[1]);
  }

  /**
   * Contract B year-to-date: net sales of periods 1..current of the current year.
   *
   * @param accountCode the account
   * @return net sales in base currency
   */
  public BigDecimal yearToDate(String accountCode) {
    int[] current = currentPeriod();
    return netSales(accountCode, current[0], 1, current[1]);
  }

  /**
   * Contract B last-year-to-date: net sales of periods 1..current of the previous year.
   *
   * @param accountCode the account
   * @return net sales in base currency
   */
  public BigDecimal lastYearToDate(String accountCode) {
    int[] current = currentPeriod();
    return netSales(accountCode, current[0] - 1, 1, current[1]);
  }

  /**
   * Contract B outstanding amount: round(total in base, 2) - round(thAmountSettled, 2) for
   * documents with {@code thRunNo >= 0}, otherwise 0.
   *
   * @param ourRef the document
   * @return the outstanding amount in base currency
   */
  public BigDecimal outstandingInBase(String ourRef) {
    Map<String, Object> doc = document(ourRef).orElseThrow(() -> new IllegalArgumentException("no document " + ourRef));
    if (((Number) doc.get("thRunNo")).intValue() < 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal total = money(doc, "thNetValue").subtract(money(doc, "thTotalLineDiscount")).add(money(doc, "thTotalVAT"))
        .subtract(money(doc, "thSettleDiscAmount").multiply(Boolean.TRUE.equals(doc.get("thSettleDiscTaken"))
            ? BigDecimal.ONE : BigDecimal.ZERO));
    double rate = ((Number) doc.get("thCompanyRate")).doubleValue();
    BigDecimal base = rate == 0 || rate == 1 ? total : total.divide(BigDecimal.valueOf(rate), 2, RoundingMode.HALF_UP);
    return base.setScale(2, RoundingMode.HALF_UP).subtract(money(doc, "thAmountSettled"));
  }

  /**
   * Whether an invoice is paid in the sense of seed 001: nothing outstanding in base currency.
   *
   * @param ourRef the document
   * @return true when the outstanding amount is zero
   */
  public boolean paid(String ourRef) {
    return outstandingInBase(ourRef).signum() == 0;
  }

  private BigDecimal netSales(String accountCode, int year, int fromPeriod, int toPeriod) {
    return rows("SELECT hiSales FROM " + db.table("HISTORY") + " WHERE hiExCLass = 87 AND hiCode = ? AND hiCurrency = 0"
            + " AND hiYear = ? AND hiPeriod BETWEEN ? AND ?",
        Encodings.traderHistoryCode(code(accountCode)), year, fromPeriod, toPeriod).stream()
        .map(row -> money(row, "hiSales"))
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  /** Current year (stored, year - 1900) and period from the EXCHQSS SYS record. */
  private int[] currentPeriod() {
    Map<String, Object> sys = first("SELECT CYr, CPr FROM " + db.table("EXCHQSS") + " WHERE IDCode = ?",
        Encodings.lengthPrefixed("SYS", 4)).orElseThrow();
    return new int[] {((Number) sys.get("CYr")).intValue(), ((Number) sys.get("CPr")).intValue()};
  }

  private Optional<Map<String, Object>> first(String sql, Object... args) {
    List<Map<String, Object>> rows = rows(sql, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static String code(String value) {
    return value.trim().toUpperCase(Locale.ROOT);
  }

  private static BigDecimal money(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? BigDecimal.ZERO.setScale(2) : Encodings.rounded(((Number) value).doubleValue(), 2);
  }

  /** Undoes the storage encodings of one row (see the class comment). */
  static Map<String, Object> decoded(Map<String, Object> row) {
    Map<String, Object> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, Object> entry : row.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof byte[]) {
        value = Encodings.decodeLengthPrefixed((byte[]) value);
      } else if (value instanceof String) {
        value = Encodings.clean((String) value);
      }
      out.put(entry.getKey(), value);
    }
    return out;
  }
}
