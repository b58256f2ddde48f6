package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.TandemException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only access to one Exchequer company schema through the partner's {@link DataSource}: one
 * connection per query, bound parameters, failures classified as retryable (connection, timeout,
 * deadlock) or permanent (missing tables, permissions, bad SQL).
 */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final Pattern SCHEMA = Pattern.compile("[A-Za-z0-9_]{1,30}");

  private final DataSource dataSource;
  private final String company;
  private final Duration queryTimeout;
  private volatile @Nullable Catalog catalog;

  public Database(DataSource dataSource, String company, Duration queryTimeout) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (!SCHEMA.matcher(company).matches()) {
      throw new ConfigurationException("company must be an Exchequer company code such as ZZZZ01, was '" + company + "'");
    }
    this.company = company;
    this.queryTimeout = queryTimeout;
  }

  public String company() {
    return company;
  }

  /** The company schema's tables and columns, read once. */
  public Catalog catalog() {
    Catalog known = catalog;
    if (known == null) {
      synchronized (this) {
        known = catalog;
        if (known == null) {
          known = loadCatalog();
          catalog = known;
        }
      }
    }
    return known;
  }

  private Catalog loadCatalog() {
    List<String[]> pairs = new ArrayList<>();
    String[] spelling = {company};
    run("INFORMATION_SCHEMA", connection -> {
      String sql = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_SCHEMA) = UPPER(?)";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setQueryTimeout(seconds());
        statement.setString(1, company);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            spelling[0] = rows.getString(1);
            pairs.add(new String[] {rows.getString(2), rows.getString(3)});
          }
        }
      }
      return null;
    });
    if (pairs.isEmpty()) {
      throw new ConfigurationException("no Exchequer company schema [" + company
          + "] is visible to this login (check the company code and that the login may read the schema)");
    }
    LOG.debug("Exchequer schema [{}]: {} columns", spelling[0], pairs.size());
    return Catalog.of(spelling[0], pairs);
  }

  /** Runs a select and returns its rows, keyed by column name. */
  public List<Row> query(Select select) {
    Catalog known = catalog();
    String sql = select.sql(known);
    List<Object> params = select.params();
    return run(select.table(), connection -> {
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setQueryTimeout(seconds());
        for (int i = 0; i < params.size(); i++) {
          bind(statement, i + 1, params.get(i));
        }
        try (ResultSet result = statement.executeQuery()) {
          ResultSetMetaData meta = result.getMetaData();
          int count = meta.getColumnCount();
          while (result.next()) {
            Row row = new Row(select.table());
            for (int c = 1; c <= count; c++) {
              row.put(meta.getColumnLabel(c), result.getObject(c));
            }
            rows.add(row);
          }
        }
      }
      return rows;
    });
  }

  /** A cheap round trip proving the connection and the schema. */
  public void ping() {
    query(Select.from("CUSTSUPP").columns("PositionId").top(1));
  }

  private static void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, java.sql.Types.VARCHAR);
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof Integer number) {
      statement.setInt(index, number);
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (value instanceof BigDecimal decimal) {
      statement.setBigDecimal(index, decimal);
    } else if (value instanceof Double number) {
      statement.setDouble(index, number);
    } else if (value instanceof Boolean flag) {
      statement.setBoolean(index, flag);
    } else {
      throw new IllegalArgumentException("cannot bind " + value.getClass().getName());
    }
  }

  private int seconds() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, queryTimeout.toSeconds()));
  }

  /** Work on one connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T run(String table, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      try {
        connection.setReadOnly(true);
      } catch (SQLException unsupported) {
        // A hint only; the login's permissions are what keep the connector read-only.
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw classify(table, e);
    }
  }

  /** Retryable for connection loss, timeouts and deadlocks; configuration faults name the cause. */
  static TandemException classify(String table, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    int code = e.getErrorCode();
    String what = "Exchequer SQL read of " + table + " failed (SQLState " + state + ", error " + code + "): " + e.getMessage();
    if (e instanceof SQLTransientException || e instanceof SQLRecoverableException || e instanceof SQLTimeoutException
        || state.startsWith("08") || state.equals("40001") || state.equals("HYT00") || state.equals("HYT01")
        || code == 1205 || code == -2) {
      return new RetryableException(what, e);
    }
    if (state.equals("28000") || code == 18456 || code == 229 || code == 230 || state.startsWith("42")) {
      return new ConfigurationException(what, e);
    }
    return new PermanentException(what, e);
  }
}
