package io.github.tandemsync.engine.state;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (binaries from Maven Central) for the whole test JVM, started on
 * first use and stopped at exit; each test works in a schema of its own.
 */
public final class EmbeddedPostgresSupport {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static volatile EmbeddedPostgres server;

  private EmbeddedPostgresSupport() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException e) {
            // the JVM is going anyway
          }
        }));
        server = started;
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  /** A new unpooled data source: every one stands for a separate node. */
  public static DataSource dataSource() {
    return server().getPostgresDatabase();
  }

  /** A data source logging in as {@code user} (the server trusts local logins). */
  static DataSource dataSource(String user) {
    return server().getDatabase(user, "postgres");
  }

  /** Runs statements as the superuser. */
  static void execute(String... statements) {
    try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A schema name no test used yet. */
  public static String freshSchema() {
    return "store_" + SCHEMAS.incrementAndGet();
  }

  /** The database's clock. */
  static Instant now() {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
      row.next();
      return row.getObject(1, OffsetDateTime.class).toInstant();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the database's clock is past {@code instant}. */
  static void waitPast(Instant instant) {
    while (!now().isAfter(instant)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
