package io.github.tandemsync.engine.internal.jdbc;

import io.github.tandemsync.engine.state.StateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Builds the JDBC state stores for {@link io.github.tandemsync.engine.state.StateStores}. Not API.
 */
public final class JdbcStateStores {
  private JdbcStateStores() {}

  /**
   * Opens (creating when missing) a SQLite store in {@code file} and migrates its schema.
   *
   * @param file the database file; its directory is created when missing
   * @param clock the store's time, for lease expiry and staging times
   * @return the store; close it to release the file
   */
  public static StateStore sqlite(Path file, Clock clock) {
    return sqlite(file, clock, UnaryOperator.identity());
  }

  /**
   * As {@link #sqlite(Path, Clock)}, with every connection the store opens passed through
   * {@code decorator} first: a seam for fault-injection tests (a connection that fails or dies
   * mid-commit).
   *
   * @param file the database file
   * @param clock the store's time
   * @param decorator wraps each new connection
   * @return the store
   */
  public static StateStore sqlite(Path file, Clock clock, UnaryOperator<Connection> decorator) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(decorator, "decorator");
    Path absolute = file.toAbsolutePath().normalize();
    SqliteDialect dialect = new SqliteDialect(absolute, clock);
    return JdbcStateStore.open(dialect, SqliteConnections.open(absolute, dialect, decorator));
  }

  /**
   * Opens a PostgreSQL store in {@code schema} of the database behind {@code dataSource},
   * creating the schema when missing and migrating it.
   *
   * @param dataSource where connections come from; the caller owns and closes it
   * @param schema the schema holding the store's tables
   * @return the store
   */
  public static StateStore postgres(DataSource dataSource, String schema) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(schema, "schema");
    PostgresDialect dialect = new PostgresDialect(schema);
    return JdbcStateStore.open(dialect, new DataSourceConnections(dataSource, dialect));
  }
}
