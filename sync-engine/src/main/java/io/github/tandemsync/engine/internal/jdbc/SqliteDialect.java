package io.github.tandemsync.engine.internal.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite: one local file, one writer at a time, time from the injected clock (a single node). */
final class SqliteDialect extends Dialect {

  private final Path file;
  private final Clock clock;

  SqliteDialect(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  @Override
  String name() {
    return "sqlite";
  }

  @Override
  String location() {
    return "SQLite file " + file;
  }

  @Override
  String table(String name) {
    return name;
  }

  @Override
  String lockRows() {
    // BEGIN IMMEDIATE already holds the database's single write lock
    return "";
  }

  @Override
  Instant now(Connection connection) {
    return clock.instant();
  }

  @Override
  Instant leaseTime(Instant instant) {
    return instant;
  }

  @Override
  void setLeaseTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setString(index, instant.toString());
  }

  @Override
  Instant getLeaseTime(ResultSet row, int column) throws SQLException {
    return Instant.parse(row.getString(column));
  }

  @Override
  String expand(String script) {
    return script;
  }

  @Override
  void lockMigrations(Connection connection) throws SQLException {
    // the write transaction (BEGIN IMMEDIATE) is the lock; other processes wait in busy_timeout
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS tandem_schema_version ("
          + " version INTEGER NOT NULL PRIMARY KEY,"
          + " script TEXT NOT NULL,"
          + " checksum TEXT NOT NULL,"
          + " installed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
    }
  }

  @Override
  boolean versionTableExists(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tandem_schema_version'")) {
      return row.next();
    }
  }

  @Override
  boolean isTransient(SQLException failure) {
    if (failure instanceof SQLiteException sqlite) {
      SQLiteErrorCode code = sqlite.getResultCode();
      // extended codes (SQLITE_BUSY_SNAPSHOT, ...) share the primary code in their low byte
      int primary = code == null ? failure.getErrorCode() & 0xff : code.code & 0xff;
      if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
        return true;
      }
    }
    return super.isTransient(failure);
  }
}
