package io.github.tandemsync.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.spi.Watermark;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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

  @Test
  void idColumnsCompareInCodePointOrderWhateverTheDatabaseLocale() throws SQLException {
    // the test server runs in the C locale, where paging order would look right anyway
    try (Connection connection = rawConnection();
        PreparedStatement select = connection.prepareStatement("SELECT column_name, collation_name"
            + " FROM information_schema.columns WHERE table_schema = ? AND table_name = 'tandem_link'"
            + " AND column_name IN ('left_id', 'right_id') ORDER BY column_name")) {
      select.setString(1, schema);
      try (ResultSet rows = select.executeQuery()) {
        List<String> collations = new ArrayList<>();
        while (rows.next()) {
          collations.add(rows.getString(1) + " " + rows.getString(2));
        }
        assertEquals(List.of("left_id C", "right_id C"), collations);
      }
    }
  }

  @Test
  void aSchemaNameThatIsNotAPlainIdentifierIsAConfigurationError() {
    for (String bad : List.of("", "Tandem", "tandem-state", "x\"; DROP TABLE y; --", "1tandem", "a".repeat(64))) {
      ConfigurationException failure = assertThrows(ConfigurationException.class,
          () -> StateStores.postgres(EmbeddedPostgresSupport.dataSource(), bad));
      assertTrue(failure.getMessage().contains("schema"), failure::getMessage);
    }
  }

  @Test
  void theDefaultSchemaIsTandem() throws SQLException {
    try (TestPool own = new TestPool(EmbeddedPostgresSupport.dataSource());
        StateStore inTandem = StateStores.postgres(own)) {
      Lease held = inTandem.acquireLease("default-schema-test", NODE_A, ttl()).orElseThrow();
      inTandem.commit(held, StateChanges.forFlow("default-schema-test").watermark("s", Watermark.of("here")).build());
      try (Connection connection = rawConnection();
          ResultSet row = connection.createStatement().executeQuery(
              "SELECT value FROM tandem.tandem_watermark WHERE flow = 'default-schema-test'")) {
        assertTrue(row.next());
        assertEquals("here", row.getString(1));
      }
    }
  }

  @Test
  void aLoginWithoutCreateOnTheDatabaseUsesASchemaMadeForIt() {
    String role = schema + "_owner";
    String own = schema + "_premade";
    EmbeddedPostgresSupport.execute("CREATE ROLE " + role + " LOGIN", "CREATE SCHEMA " + own + " AUTHORIZATION " + role);
    try (StateStore premade = StateStores.postgres(EmbeddedPostgresSupport.dataSource(role), own)) {
      Lease held = premade.acquireLease(FLOW, NODE_A, ttl()).orElseThrow();
      premade.commit(held, StateChanges.forFlow(FLOW).watermark("s1", Watermark.of("ok")).build());
      assertEquals(Optional.of(Watermark.of("ok")), premade.watermark(FLOW, "s1"));
    }
  }

  @Test
  void aLoginWithDataRightsOnlyWorksOnAMigratedSchema() {
    String role = schema + "_app";
    EmbeddedPostgresSupport.execute("CREATE ROLE " + role + " LOGIN",
        "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
    try (StateStore app = StateStores.postgres(EmbeddedPostgresSupport.dataSource(role), schema)) {
      app.commit(lease, StateChanges.forFlow(FLOW)
          .watermark("s1", Watermark.of("dml only"))
          .stage(upsert(io.github.tandemsync.engine.state.Side.LEFT, "a", "{}"))
          .quarantine(parked(io.github.tandemsync.engine.state.Side.LEFT, "q", "E"))
          .build());
      assertEquals(Optional.of(Watermark.of("dml only")), app.watermark(FLOW, "s1"));
      assertEquals(1, app.inboxSize(FLOW));
    }
  }
}
