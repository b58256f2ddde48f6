package io.github.tandemsync.testkit.exchequer;

import io.github.tandemsync.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import javax.sql.DataSource;

/** Small JDBC helper over the sandbox's admin connection: rows as maps keyed by declared column name. */
final class Db {
  /** One unit of work on a connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final String schema;

  Db(DataSource dataSource, String companyCode) {
    this.dataSource = dataSource;
    this.schema = "[" + companyCode + "]";
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** A company table, bracketed like Exchequer's scripts: {@code [ZZZZ01].[CUSTSUPP]}. */
  String table(String name) {
    return schema + ".[" + name + "]";
  }

  <T> T inTransaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Exchequer sandbox database failure: " + e.getMessage(), e);
    }
  }

  <T> T read(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Exchequer sandbox database failure: " + e.getMessage(), e);
    }
  }

  static List<Map<String, Object>> query(Connection connection, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, args);
      try (ResultSet rows = statement.executeQuery()) {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rows.next()) {
          // Labels come back as declared (DATABASE_TO_UPPER=FALSE); callers use the declared names.
          Map<String, Object> row = new HashMap<>(meta.getColumnCount() * 2);
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rows.getObject(i);
            if (value != null) {
              row.put(meta.getColumnLabel(i), value);
            }
          }
          out.add(row);
        }
        return out;
      }
    }
  }

  static Optional<Map<String, Object>> first(Connection connection, String sql, Object... args) throws SQLException {
    List<Map<String, Object>> rows = query(connection, sql, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  static int update(Connection connection, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, args);
      return statement.executeUpdate();
    }
  }

  /** Inserts one row and returns its {@code PositionId}. */
  int insert(Connection connection, String tableName, Map<String, ?> columns) throws SQLException {
    StringBuilder names = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    List<Object> values = new ArrayList<>();
    for (Map.Entry<String, ?> column : columns.entrySet()) {
      if (names.length() > 0) {
        names.append(", ");
        marks.append(", ");
      }
      names.append('[').append(column.getKey()).append(']');
      marks.append('?');
      values.add(column.getValue());
    }
    String sql = "INSERT INTO " + table(tableName) + " (" + names + ") VALUES (" + marks + ")";
    try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(statement, values.toArray());
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        return keys.next() ? keys.getInt(1) : 0;
      }
    }
  }

  /** Updates the given columns of the row with this {@code PositionId}. */
  void updateRow(Connection connection, String tableName, int positionId, Map<String, ?> columns) throws SQLException {
    if (columns.isEmpty()) {
      return;
    }
    StringBuilder sets = new StringBuilder();
    List<Object> values = new ArrayList<>();
    for (Map.Entry<String, ?> column : columns.entrySet()) {
      if (sets.length() > 0) {
        sets.append(", ");
      }
      sets.append('[').append(column.getKey()).append("] = ?");
      values.add(column.getValue());
    }
    values.add(positionId);
    update(connection, "UPDATE " + table(tableName) + " SET " + sets + " WHERE PositionId = ?", values.toArray());
  }

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
  }

  /** Runs a SQL resource (statements separated by ';' at line ends, '--' comments). */
  static void runScript(Connection connection, String resource, Map<String, String> placeholders) throws SQLException {
    String script;
    try (InputStream in = Db.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigurationException("Missing sandbox resource " + resource);
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read sandbox resource " + resource, e);
    }
    for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
      script = script.replace(placeholder.getKey(), placeholder.getValue());
    }
    StringBuilder current = new StringBuilder();
    try (Statement statement = connection.createStatement()) {
      for (String line : script.split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("--") || trimmed.isEmpty()) {
          continue;
        }
        current.append(line).append('\n');
        if (trimmed.endsWith(";")) {
          String sql = current.toString().strip();
          statement.execute(sql.substring(0, sql.length() - 1));
          current.setLength(0);
        }
      }
    }
  }

  /**
   * A code column equal to {@code code} once trailing blanks are trimmed, written so the index on
   * the column is used: a range on the code as prefix, then the trimmed comparison.
   */
  static String codeIs(String column) {
    return "(" + column + " >= ? AND " + column + " < ? AND RTRIM(" + column + ") = ?)";
  }

  /** The three parameters of {@link #codeIs(String)}. */
  static Object[] code(String code) {
    return new Object[] {code, code + '\uffff', code};
  }

  static Object[] args(Object[] first, Object... rest) {
    Object[] out = java.util.Arrays.copyOf(first, first.length + rest.length);
    System.arraycopy(rest, 0, out, first.length, rest.length);
    return out;
  }

  // -- typed access to row values --------------------------------------------------------------

  static String str(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? "" : Encodings.clean(value.toString());
  }

  static int integer(Map<String, Object> row, String column) {
    Object value = row.get(column);
    if (value instanceof Boolean) {
      return ((Boolean) value) ? 1 : 0;
    }
    return value == null ? 0 : ((Number) value).intValue();
  }

  static double dbl(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? 0.0 : ((Number) value).doubleValue();
  }

  static boolean bool(Map<String, Object> row, String column) {
    Object value = row.get(column);
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    return value != null && ((Number) value).intValue() != 0;
  }

  static byte[] bytes(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? new byte[0] : (byte[]) value;
  }
}
