package io.github.tandemsync.engine.state;

import io.github.tandemsync.engine.internal.jdbc.JdbcStateStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store against the contract, on a temporary file. */
class SqliteStateStoreTest extends JdbcStateStoreContract {
  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T09:00:00Z"));

  private Path file() {
    return dir.resolve("state").resolve("tandem.db");
  }

  @Override
  protected StateStore openStore() {
    return StateStores.sqlite(file(), clock);
  }

  @Override
  protected StateStore reopen(UnaryOperator<Connection> decorator) {
    store.close();
    return JdbcStateStores.sqlite(file(), clock, decorator);
  }

  @Override
  protected Connection rawConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }

  @Override
  protected String table(String name) {
    return name;
  }

  @Override
  protected String dialect() {
    return "sqlite";
  }

  @Override
  protected Instant storeNow() {
    return clock.instant();
  }

  @Override
  protected Duration ttl() {
    return Duration.ofSeconds(30);
  }

  @Override
  protected void passBeyond(Instant instant) {
    clock.set(instant.plusMillis(1));
  }
}
