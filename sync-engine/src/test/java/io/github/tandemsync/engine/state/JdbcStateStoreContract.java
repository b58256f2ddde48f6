package io.github.tandemsync.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.spi.Watermark;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC stores owe beyond the SPI contract: durability across reopening, the migration
 * runner's rules, and all-or-nothing commits when the database itself fails half-way.
 */
public abstract class JdbcStateStoreContract extends StateStoreContract {

  /** Closes {@link #store} and opens the same data again, every new connection passed through {@code decorator}. */
  protected abstract StateStore reopen(UnaryOperator<Connection> decorator);

  /** A connection of the test's own to the store's database. */
  protected abstract Connection rawConnection() throws SQLException;

  /** The qualified name of a store table. */
  protected abstract String table(String name);

  /** The dialect's migration script folder. */
  protected abstract String dialect();

  private void reopen() {
    store = reopen(UnaryOperator.identity());
  }

  @Test
  void committedStateSurvivesReopening() {
    commitSomeOfEverything();
    Map<String, Object> before = visibleState(FLOW);
    reopen();
    assertEquals(before, visibleState(FLOW));
    // the lease is durable too: still node A's, and its commits are still accepted
    assertEquals(Optional.empty(), store.acquireLease(FLOW, NODE_B, ttl()));
    commit(c -> c.watermark("s2", Watermark.of("after reopen")));
    assertEquals(Optional.of(Watermark.of("after reopen")), store.watermark(FLOW, "s2"));
  }

  @Test
  void aSeqIsNeverReusedAcrossReopening() {
    commit(c -> c.stage(upsert(Side.LEFT, "a", "{}")));
    long first = store.inboxEntry(FLOW, Side.LEFT, "a").orElseThrow().seq();
    commit(c -> c.unstage(Side.LEFT, "a", -1));
    reopen();
    commit(c -> c.stage(upsert(Side.LEFT, "b", "{}")));
    assertTrue(store.inboxEntry(FLOW, Side.LEFT, "b").orElseThrow().seq() > first);
  }

  @Test
  void theSchemaVersionIsRecordedOnceAndReopeningLeavesItAlone() throws Exception {
    List<List<String>> rows = versionRows();
    assertEquals(List.of(List.of("1", "V1__initial.sql", checksum("V1__initial.sql"))), rows.stream().map(r -> r.subList(0, 3)).toList());
    reopen();
    assertEquals(rows, versionRows(), "reopening a current store changes nothing");
  }

  @Test
  void aChangedAppliedMigrationFailsFast() throws Exception {
    execute("UPDATE " + table("tandem_schema_version") + " SET checksum = 'sha256:0000' WHERE version = 1");
    ConfigurationException failure = assertThrows(ConfigurationException.class, this::reopen);
    assertTrue(failure.getMessage().contains("V1__initial.sql"), failure::getMessage);
    assertTrue(failure.getMessage().contains("sha256:0000"), failure::getMessage);
    store = null;
  }

  @Test
  void aStoreMigratedByANewerTandemIsRefused() throws Exception {
    execute("INSERT INTO " + table("tandem_schema_version") + " (version, script, checksum) VALUES (99, 'V99__future.sql', 'sha256:99')");
    ConfigurationException failure = assertThrows(ConfigurationException.class, this::reopen);
    assertTrue(failure.getMessage().contains("version 99"), failure::getMessage);
    store = null;
  }

  @Test
  void aStatementFailingHalfWayThroughACommitAppliesNothing() {
    commitSomeOfEverything();
    Map<String, Object> before = visibleState(FLOW);
    Faults faults = new Faults();
    store = reopen(faults::wrap);
    faults.arm(4, Faults.Action.THROW);
    PermanentException failure = assertThrows(PermanentException.class, this::commitManyThings);
    assertTrue(failure.getMessage().contains("commit to flow '" + FLOW + "'"), failure::getMessage);
    assertEquals(before, visibleState(FLOW));
    commitManyThings();
    assertEquals(Optional.of(Watermark.of("many")), store.watermark(FLOW, "s1"));
  }

  @Test
  void aConnectionDyingHalfWayThroughACommitAppliesNothingAndTheStoreRecovers() {
    commitSomeOfEverything();
    Map<String, Object> before = visibleState(FLOW);
    Faults faults = new Faults();
    store = reopen(faults::wrap);
    faults.arm(5, Faults.Action.KILL);
    RetryableException failure = assertThrows(RetryableException.class, this::commitManyThings);
    assertInstanceOf(SQLException.class, failure.getCause());
    assertEquals(before, visibleState(FLOW));
    commitManyThings();
    assertEquals(Optional.of(Watermark.of("many")), store.watermark(FLOW, "s1"));
    assertEquals(Optional.empty(), store.link(FLOW, Side.LEFT, "a1"));
  }

  private void commitManyThings() {
    commit(c -> c.watermark("s1", Watermark.of("many"))
        .stage(upsert(Side.LEFT, "m1", "{}"))
        .stage(upsert(Side.LEFT, "m2", "{}"))
        .unstage(Side.LEFT, "a1", -1)
        .putLink(link("a2", "b1"))
        .removeIntent(Side.RIGHT, "src-1")
        .release(Side.LEFT, "q1")
        .quarantine(parked(Side.RIGHT, "q2", "E")));
  }

  @Test
  void aNulCharacterIsRefusedNamingTheRecordAndFieldAndNothingIsApplied() {
    commitSomeOfEverything();
    Map<String, Object> before = visibleState(FLOW);
    InvalidRecordException failure = assertThrows(InvalidRecordException.class, () -> commit(c -> c
        .watermark("s1", Watermark.of("w2"))
        .stage(upsert(Side.LEFT, "ok", "{}"))
        .stage(upsert(Side.RIGHT, "CUST\u0000001", "{}"))));
    assertEquals(Optional.of("nativeId"), failure.field());
    assertTrue(failure.getMessage().contains("CUST\\u0000001"), failure::getMessage);
    assertTrue(failure.getMessage().contains("operation 2"), failure::getMessage);
    assertFalse(failure.getMessage().contains("\u0000"));
    assertEquals(before, visibleState(FLOW));
    assertEquals(Optional.empty(), store.inboxEntry(FLOW, Side.RIGHT, "CUST\u0000001"));
    assertEquals(Optional.empty(), store.link(FLOW, Side.LEFT, "a\u0000"));
  }

  @Test
  void anOperationOfAnotherFlowIsRefusedAndNothingIsApplied() {
    Map<String, Object> before = visibleState(FLOW);
    LinkRecord foreign = new LinkRecord(OTHER_FLOW, side("x", "{}"), side("y", "{}"), T1);
    StateChanges changes = new StateChanges(FLOW, List.of(
        new StateChanges.PutWatermark("s1", Watermark.of("w")), new StateChanges.PutLink(foreign)));
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> store.commit(lease, changes));
    assertTrue(failure.getMessage().contains(OTHER_FLOW), failure::getMessage);
    assertEquals(before, visibleState(FLOW));
  }

  @Test
  void aClosedStoreRefusesToWork() {
    store.close();
    assertThrows(IllegalStateException.class, () -> store.watermark(FLOW, "s1"));
    assertThrows(IllegalStateException.class, () -> commit(c -> c.watermark("s1", Watermark.of("x"))));
    assertThrows(IllegalStateException.class, () -> store.acquireLease(FLOW, NODE_A, ttl()));
    store.close(); // twice is fine
  }

  // ---- helpers ----

  private List<List<String>> versionRows() throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = rawConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT version, script, checksum, installed_at FROM " + table("tandem_schema_version") + " ORDER BY version")) {
      while (result.next()) {
        rows.add(List.of(result.getString(1), result.getString(2), result.getString(3), result.getString(4)));
      }
    }
    return rows;
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private String checksum(String script) throws IOException, java.security.NoSuchAlgorithmException {
    String path = "/io/github/tandemsync/engine/state/migrations/" + dialect() + "/" + script;
    try (InputStream in = getClass().getResourceAsStream(path)) {
      assertTrue(in != null, path + " is on the classpath");
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
