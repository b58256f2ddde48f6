package io.github.tandemsync.engine.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;

/**
 * What differs between the databases a {@link JdbcStateStore} runs on. Everything else (the
 * statements, the lease logic, the migration runner) is shared, so both stores keep one behaviour.
 */
abstract sealed class Dialect permits SqliteDialect, PostgresDialect {

  /** The folder of this dialect's migration scripts, also used in messages. */
  abstract String name();

  /** A description of where the data lives, for messages and logs (never a credential). */
  abstract String location();

  /** The qualified name of one of the store's tables. */
  abstract String table(String name);

  /** Appended to a select to lock the rows it reads until the transaction ends (empty when the whole database is locked anyway). */
  abstract String lockRows();

  /** The store's current time: the database's clock for shared stores. */
  abstract Instant now(Connection connection) throws SQLException;

  /** {@code instant} at the precision the lease expiry column keeps. */
  abstract Instant leaseTime(Instant instant);

  abstract void setLeaseTime(PreparedStatement statement, int index, Instant instant) throws SQLException;

  abstract Instant getLeaseTime(ResultSet row, int column) throws SQLException;

  /** Replaces the placeholders of a migration script. */
  abstract String expand(String script);

  /**
   * Makes sure the version table exists and, inside the current write transaction, keeps every
   * other starter out of the migrations until it ends.
   */
  abstract void lockMigrations(Connection connection) throws SQLException;

  /** Whether any migration ran here yet. */
  abstract boolean versionTableExists(Connection connection) throws SQLException;

  /** Whether the same statement can succeed later without anything changing: busy, locked, disconnected. */
  boolean isTransient(SQLException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
    }
    return false;
  }
}
