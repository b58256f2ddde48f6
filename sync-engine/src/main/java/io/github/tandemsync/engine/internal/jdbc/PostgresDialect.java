package io.github.tandemsync.engine.internal.jdbc;

import io.github.tandemsync.core.ConfigurationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * PostgreSQL: tables in one schema of the partner's database, row locks for fencing, and time from
 * the database's clock so that nodes with skewed clocks still agree on lease expiry.
 */
final class PostgresDialect extends Dialect {

  // unquoted-identifier shape, so the schema can never inject SQL and needs no case games
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final String schema;
  private final String qualifier;
  private final long migrationLockKey;

  PostgresDialect(String schema) {
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new ConfigurationException("PostgreSQL state store schema '" + schema
          + "' is not valid: use 1 to 63 lower-case letters, digits or underscores, not starting with a digit");
    }
    this.schema = schema;
    this.qualifier = '"' + schema + "\".";
    this.migrationLockKey = lockKey("io.github.tandemsync.engine.state.migrations/" + schema);
  }

  String schema() {
    return schema;
  }

  @Override
  String name() {
    return "postgresql";
  }

  @Override
  String location() {
    return "PostgreSQL schema " + schema;
  }

  @Override
  String table(String name) {
    return qualifier + name;
  }

  @Override
  String lockRows() {
    return " FOR UPDATE";
  }

  @Override
  Instant now(Connection connection) throws SQLException {
    // clock_timestamp, not now(): the time after any wait for a row lock, not at transaction start
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
      row.next();
      return row.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  @Override
  Instant leaseTime(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  void setLeaseTime(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  @Override
  Instant getLeaseTime(ResultSet row, int column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  @Override
  String expand(String script) {
    return script.replace("${schema}", '"' + schema + '"');
  }

  @Override
  void lockMigrations(Connection connection) throws SQLException {
    // a transaction-level advisory lock: released at commit, so it also works behind PgBouncer
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, migrationLockKey);
      lock.executeQuery().close();
    }
    boolean exists;
    try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      find.setString(1, schema);
      try (ResultSet row = find.executeQuery()) {
        exists = row.next();
      }
    }
    try (Statement statement = connection.createStatement()) {
      if (!exists) {
        // only when missing: a login without CREATE on the database can use a schema made for it
        statement.execute("CREATE SCHEMA \"" + schema + '"');
      }
      if (!versionTableExists(connection)) {
        statement.execute("CREATE TABLE " + table("tandem_schema_version") + " ("
            + " version INTEGER NOT NULL PRIMARY KEY,"
            + " script TEXT NOT NULL,"
            + " checksum TEXT NOT NULL,"
            + " installed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
      }
    }
  }

  @Override
  boolean versionTableExists(Connection connection) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      find.setString(1, table("tandem_schema_version"));
      try (ResultSet row = find.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  @Override
  boolean isTransient(SQLException failure) {
    String state = failure.getSQLState();
    if (state != null) {
      if (state.startsWith("08") // connection exception
          || state.equals("40001") // serialization failure
          || state.equals("40P01") // deadlock detected
          || state.startsWith("53") // insufficient resources
          || state.equals("55P03") // lock not available
          || state.equals("57014") // query canceled (statement timeout)
          || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) { // shutdown, crash, cannot connect now
        return true;
      }
    }
    return super.isTransient(failure);
  }

  private static long lockKey(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
