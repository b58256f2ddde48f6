package io.github.tandemsync.engine.state;

import io.github.tandemsync.engine.internal.InMemoryStateStore;
import io.github.tandemsync.engine.internal.jdbc.JdbcStateStores;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The state stores Tandem ships.
 *
 * <ul>
 *   <li>{@link #sqlite(Path)}: the default for one engine node: a single local file.
 *   <li>{@link #postgres(DataSource)}: production, and the only choice when several nodes (for
 *       example several instances of the host application) run the same flows: they share the
 *       store and take turns through leases with fencing tokens.
 *   <li>{@link #inMemory()}: tests and dry runs.
 * </ul>
 *
 * <p>The JDBC stores create or migrate their schema when opened and fail fast with a
 * {@link io.github.tandemsync.core.ConfigurationException} when it was changed or upgraded by a
 * newer Tandem. Failures later are {@link io.github.tandemsync.core.RetryableException}s (busy,
 * locked, connection lost) or {@link io.github.tandemsync.core.PermanentException}s.
 */
public final class StateStores {
  private StateStores() {}

  /**
   * A store in memory, for tests: everything is lost when the JVM stops.
   *
   * @return a new empty store
   */
  public static StateStore inMemory() {
    return new InMemoryStateStore(Clock.systemUTC());
  }

  /**
   * A store in memory whose lease expiry follows {@code clock}.
   *
   * @param clock the store's time
   * @return a new empty store
   */
  public static StateStore inMemory(Clock clock) {
    return new InMemoryStateStore(clock);
  }

  /**
   * A SQLite store in {@code file}, created (with its directory) when missing. For a single engine
   * node: SQLite has one writer at a time and its WAL mode needs shared memory, so the file must be
   * on a local disk of the machine running the engine — never on NFS, SMB or another network
   * share, and never shared by two machines. Close the store to release the file.
   *
   * @param file the database file, for example {@code Path.of("tandem-state.db")}
   * @return the store, its schema current
   */
  public static StateStore sqlite(Path file) {
    return JdbcStateStores.sqlite(file, Clock.systemUTC());
  }

  /**
   * A SQLite store in {@code file} whose lease expiry and staging times follow {@code clock}.
   *
   * @param file the database file
   * @param clock the store's time (tests use a controllable clock)
   * @return the store, its schema current
   * @see #sqlite(Path)
   */
  public static StateStore sqlite(Path file, Clock clock) {
    return JdbcStateStores.sqlite(file, clock);
  }

  /**
   * A PostgreSQL store in the schema {@code tandem} of the database behind {@code dataSource}.
   *
   * @param dataSource usually the application's connection pool; Tandem borrows a connection per
   *     call and returns it, and never closes the data source
   * @return the store, its schema current
   * @see #postgres(DataSource, String)
   */
  public static StateStore postgres(DataSource dataSource) {
    return JdbcStateStores.postgres(dataSource, "tandem");
  }

  /**
   * A PostgreSQL store in {@code schema} of the database behind {@code dataSource}. The schema is
   * created when missing (the login then needs {@code CREATE} on the database; otherwise create it
   * beforehand and grant the login {@code CREATE} and {@code USAGE} on it). Every node that runs
   * the same flows must use the same database and schema. Lease expiry follows the database's
   * clock, so the nodes' own clocks need not agree. PostgreSQL 10 or newer.
   *
   * @param dataSource usually the application's connection pool; never closed by Tandem
   * @param schema lower-case letters, digits and underscores, for example {@code "tandem"}
   * @return the store, its schema current
   * @throws io.github.tandemsync.core.ConfigurationException when the schema name is not valid
   */
  public static StateStore postgres(DataSource dataSource, String schema) {
    return JdbcStateStores.postgres(dataSource, schema);
  }
}
