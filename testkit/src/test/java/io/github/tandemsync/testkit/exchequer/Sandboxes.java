package io.github.tandemsync.testkit.exchequer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Shared fixtures: a fixed clock, the seed (printed), and raw SQL helpers that decode nothing. */
final class Sandboxes {
  /** Override with -Dexchequer.seed=N to explore other demo companies. */
  static final long SEED = Long.getLong("exchequer.seed", 7L);
  /** A Monday in March 2026, 10:15 UTC (10:15 in London, GMT). */
  static final Instant NOW = Instant.parse("2026-03-16T10:15:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The clock of {@link #sharedWritable()}; tests that assert stamps set it first. */
  static final MutableClock WRITABLE_CLOCK = new MutableClock(NOW);

  private static ExchequerSandbox shared;
  private static ExchequerSandbox writable;

  private Sandboxes() {}

  /** A demo company shared by read-only tests; never write to it. */
  static synchronized ExchequerSandbox sharedDemo() {
    if (shared == null) {
      System.out.println("Exchequer demo company seed " + SEED + " (override with -Dexchequer.seed=N)");
      shared = ExchequerSandbox.builder().seed(SEED).clock(CLOCK).build().start();
    }
    return shared;
  }

  /**
   * A second demo company shared by the test classes that write (each uses its own account codes
   * and asserts on differences), so the suite generates fewer companies.
   */
  static synchronized ExchequerSandbox sharedWritable() {
    if (writable == null) {
      System.out.println("Exchequer writable demo company seed " + SEED);
      writable = ExchequerSandbox.builder().seed(SEED).clock(WRITABLE_CLOCK).build().start();
    }
    return writable;
  }

  /** Rows as raw JDBC values (byte[] for binary columns, untrimmed strings), keyed by column label. */
  static List<Map<String, Object>> raw(DataSource dataSource, String sql, Object... args) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rows.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rows.getObject(i));
          }
          out.add(row);
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static int count(DataSource dataSource, String sql, Object... args) {
    return ((Number) raw(dataSource, sql, args).get(0).values().iterator().next()).intValue();
  }
}
