package io.github.tandemsync.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * The PostgreSQL store against the contract, on a real server, in a fresh schema per test, with
 * lease expiry in database time.
 */
class PostgresStateStoreTest extends JdbcStateStoreContract {
  private final String schema = EmbeddedPostgresSupport.freshSchema();
  private TestPool pool;

  @Override
  protected StateStore openStore() {
    pool = new TestPool(EmbeddedPostgresSupport.dataSource());
    return StateStores.postgres(pool, schema);
  }

  @Override
  protected StateStore reopen(UnaryOperator<Connection> decorator) {
    store.close();
    checkAndClosePool();
    pool = new TestPool(EmbeddedPostgresSupport.dataSource(), decorator);
    return StateStores.postgres(pool, schema);
  }

  @AfterEach
  void checkAndClosePool() {
    if (pool != null) {
      assertEquals(List.of(), pool.violations(), "connections handed back to the pool");
      pool.close();
    }
  }

  @Override
  protected Connection rawConnection() throws SQLException {
    return EmbeddedPostgresSupport.dataSource().getConnection();
  }

  @Override
  protected String table(String name) {
    return '"' + schema + "\"." + name;
  }

  @Override
  protected String dialect() {
    return "postgresql";
  }

  @Override
  protected Instant storeNow() {
    return EmbeddedPostgresSupport.now();
  }

  @Override
  protected Duration ttl() {
    return Duration.ofSeconds(1);
  }

  @Override
  protected void passBeyond(Instant instant) {
    EmbeddedPostgresSupport.waitPast(instant);
  }
}
