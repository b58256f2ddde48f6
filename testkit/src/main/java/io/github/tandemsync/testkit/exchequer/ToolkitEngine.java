package io.github.tandemsync.testkit.exchequer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The emulated COM Toolkit: the one place where the sandbox writes Exchequer data. Like the
 * real Toolkit it is single-threaded (calls are serialised), validates before storing, owns the
 * document counters, posting, HISTORY, stock levels and the change stamps. Every call runs in one
 * database transaction, rolled back when the call fails.
 */
final class ToolkitEngine {
  static final String DEFAULT_OPERATOR = "TOOLKIT";
  static final Set<String> VAT_CODES = Set.of(
      "S", "Z", "E", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "D", "T", "X");
  static final Set<String> COUNTRIES = new TreeSet<>(Set.of(Locale.getISOCountries()));

  final Db db;
  final String company;
  final Clock clock;
  final ZoneId zone;
  final Locks locks = new Locks();
  final Accounts accounts;
  final Documents documents;
  final Ledger ledger;
  final Counters counters;
  private volatile boolean creditLimitCheck;
  /** While the demo company is generated, Save results carry only the keys, not the whole record. */
  volatile boolean keysOnlyResults;
  private int syncedPeriodKey;

  ToolkitEngine(Db db, String company, Clock clock, ZoneId zone) {
    this.db = db;
    this.company = company;
    this.clock = clock;
    this.zone = zone;
    this.ledger = new Ledger(this);
    this.counters = new Counters(this);
    this.accounts = new Accounts(this);
    this.documents = new Documents(this);
  }

  /** The local wall-clock time of the workstation the Toolkit runs on (no zone is ever stored). */
  LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), zone).withNano(0);
  }

  boolean creditLimitCheck() {
    return creditLimitCheck;
  }

  void creditLimitCheck(boolean enabled) {
    this.creditLimitCheck = enabled;
  }

  /** Runs one Toolkit call in a transaction; a {@link Failure} becomes its result code. */
  synchronized ToolkitResult call(Db.Work<ToolkitResult> work) {
    try {
      return db.inTransaction(connection -> {
        followClock(connection);
        return work.run(connection);
      });
    } catch (Failure failure) {
      return failure.result();
    }
  }

  /** Runs a read without the Toolkit lock (readers never block in SQL Server either). */
  <T> T read(Db.Work<T> work) {
    return db.read(work);
  }

  /** The company's current year and period follow the sandbox clock (financial year = calendar year). */
  void followClock(Connection connection) throws SQLException {
    LocalDate today = now().toLocalDate();
    int key = today.getYear() * 100 + today.getMonthValue();
    if (key == syncedPeriodKey) {
      return;
    }
    Db.update(connection, "UPDATE " + db.table("EXCHQSS") + " SET CYr = ?, CPr = ? WHERE IDCode = ?",
        today.getYear() - 1900, today.getMonthValue(), Encodings.lengthPrefixed("SYS", 4));
    syncedPeriodKey = key;
  }

  // -- reference-data checks shared by accounts and transactions ------------------------------

  boolean locationExists(Connection connection, String code) throws SQLException {
    return Db.first(connection, "SELECT PositionId FROM " + db.table("Location") + " WHERE RTRIM(LoCode) = ?", code)
        .isPresent();
  }

  /** 0 when valid, 1 when unknown, 2 when inactive. */
  int costCentreState(Connection connection, char subType, String code) throws SQLException {
    Optional<Map<String, Object>> row = Db.first(connection,
        "SELECT HideAC FROM " + db.table("EXCHQCHK") + " WHERE RecPfix = 'C' AND SubType = ? AND EXCHQCHKcode1 = ?",
        (int) subType, Encodings.lengthPrefixed(code, 13));
    if (row.isEmpty()) {
      return 1;
    }
    return Db.integer(row.get(), "HideAC") != 0 ? 2 : 0;
  }

  /** Whether a GL code exists and can take postings (headings cannot). */
  boolean postableGl(Connection connection, int glCode) throws SQLException {
    Optional<Map<String, Object>> row =
        Db.first(connection, "SELECT glType FROM " + db.table("NOMINAL") + " WHERE glCode = ?", glCode);
    return row.isPresent() && !Db.str(row.get(), "glType").equals("H");
  }

  Optional<Map<String, Object>> currency(Connection connection, int code) throws SQLException {
    return Db.first(connection, "SELECT * FROM " + db.table("CURRENCY") + " WHERE CurrencyCode = ?", code);
  }

  Optional<Map<String, Object>> stockItem(Connection connection, String code) throws SQLException {
    return Db.first(connection, "SELECT * FROM " + db.table("STOCK") + " WHERE " + Db.codeIs("stCode"), Db.code(code));
  }

  Optional<Map<String, Object>> job(Connection connection, String code) throws SQLException {
    return Db.first(connection, "SELECT * FROM " + db.table("JOBHEAD") + " WHERE RTRIM(JobCode) = ?", code);
  }

  /** The first location, used when neither line, account nor stock item names one. */
  String defaultLocation(Connection connection) throws SQLException {
    return Db.first(connection, "SELECT TOP 1 LoCode FROM " + db.table("Location") + " ORDER BY PositionId")
        .map(row -> Db.str(row, "LoCode"))
        .orElse("");
  }

  /** Standard UK rates; the other codes carry no VAT in the demo company. */
  static java.math.BigDecimal vatRate(String code) {
    switch (code) {
      case "S":
        return new java.math.BigDecimal("0.20");
      case "1":
        return new java.math.BigDecimal("0.05");
      default:
        return java.math.BigDecimal.ZERO;
    }
  }
}
