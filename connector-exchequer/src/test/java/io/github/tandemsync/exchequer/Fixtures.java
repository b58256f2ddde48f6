package io.github.tandemsync.exchequer;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Test support: a sandbox company, rows inserted as fixtures through the admin login (tests may
 * set up data directly; production code never writes SQL), and helpers to read a whole entity
 * through a connector.
 */
final class Fixtures {
  static final Charset ANSI = Charset.forName("windows-1252");
  /** 15 March 2026, 10:00 UTC: period 3 of 2026 in the sandbox's calendar-year company. */
  static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

  private Fixtures() {}

  static Clock clock() {
    return Clock.fixed(NOW, ZoneId.of("UTC"));
  }

  static ExchequerSandbox sandbox(long seed, boolean demo, Clock clock) {
    System.out.println("Exchequer sandbox seed " + seed);
    return ExchequerSandbox.builder().seed(seed).clock(clock).demoCompany(demo).build().start();
  }

  static ConnectorContext context(Clock clock) {
    return new ConnectorContext() {
      @Override
      public String originTag() {
        return "tandem-test";
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }

  /** Inserts one row; values are bound, names bracketed. */
  static void insert(DataSource admin, String company, String table, Map<String, ?> values) {
    StringBuilder sql = new StringBuilder("INSERT INTO [" + company + "].[" + table + "] (");
    StringBuilder marks = new StringBuilder();
    for (String column : values.keySet()) {
      sql.append(marks.length() == 0 ? "" : ", ").append('[').append(column).append(']');
      marks.append(marks.length() == 0 ? "?" : ", ?");
    }
    sql.append(") VALUES (").append(marks).append(')');
    try (Connection connection = admin.getConnection(); PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int i = 1;
      for (Object value : values.values()) {
        statement.setObject(i++, value);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("insert into " + table + " failed: " + e.getMessage(), e);
    }
  }

  static void execute(DataSource admin, String sql, Object... params) {
    try (Connection connection = admin.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Raw rows of a query (binary columns stay byte arrays). */
  static List<Map<String, Object>> select(DataSource admin, String sql, Object... params) {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection connection = admin.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (java.sql.ResultSet result = statement.executeQuery()) {
        java.sql.ResultSetMetaData meta = result.getMetaData();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.put(meta.getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
    return rows;
  }

  static void executeAll(DataSource admin, String... statements) {
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** A length-prefixed binary string of {@code width} bytes, padded with {@code pad}. */
  static byte[] prefixed(String text, int width, byte pad) {
    byte[] chars = text.getBytes(ANSI);
    byte[] value = new byte[width];
    Arrays.fill(value, pad);
    value[0] = (byte) chars.length;
    System.arraycopy(chars, 0, value, 1, chars.length);
    return value;
  }

  static byte[] prefixed(String text, int width) {
    return prefixed(text, width, (byte) 0);
  }

  /** A trader history code: 0x14, the account code padded to 6, 14 spaces. */
  static byte[] traderHistoryCode(String account) {
    String padded = (account + "      ").substring(0, 6) + " ".repeat(14);
    byte[] value = new byte[21];
    value[0] = 0x14;
    System.arraycopy(padded.getBytes(ANSI), 0, value, 1, 20);
    return value;
  }

  /** Reads an entity type from the start until the reader has no more; the latest change per id. */
  static <T> Map<String, Change<T>> readAll(Connector connector, EntityType<T> type, int pageSize) {
    ChangeReader<T> reader = connector.reader(type).orElseThrow();
    Map<String, Change<T>> latest = new LinkedHashMap<>();
    Watermark position = Watermark.initial();
    for (int pages = 0; pages < 10_000; pages++) {
      ChangePage<T> page = reader.read(position, pageSize);
      for (Change<T> change : page.changes()) {
        latest.put(change.nativeId(), change);
      }
      position = page.next();
      if (!page.hasMore()) {
        return latest;
      }
    }
    throw new AssertionError(type + " reader never finished");
  }

  /** Every change of one pass, in order. */
  static <T> List<Change<T>> pass(ChangeReader<T> reader, Watermark from, int pageSize, List<Watermark> ends) {
    List<Change<T>> changes = new ArrayList<>();
    Watermark position = from;
    for (int pages = 0; pages < 10_000; pages++) {
      ChangePage<T> page = reader.read(position, pageSize);
      changes.addAll(page.changes());
      position = page.next();
      if (!page.hasMore()) {
        ends.add(position);
        return changes;
      }
    }
    throw new AssertionError("reader never finished");
  }

  static Map<String, Object> row(Object... keyValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      row.put((String) keyValues[i], keyValues[i + 1]);
    }
    return row;
  }
}
