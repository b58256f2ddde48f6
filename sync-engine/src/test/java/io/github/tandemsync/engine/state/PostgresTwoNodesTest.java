package io.github.tandemsync.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.Watermark;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engine nodes sharing one PostgreSQL store: two {@link StateStore}s, each on its own data
 * source (its own connections, as two machines would have), on one schema.
 */
class PostgresTwoNodesTest {
  private static final String FLOW = "orders";

  private final String schema = EmbeddedPostgresSupport.freshSchema();
  private final List<TestPool> pools = new CopyOnWriteArrayList<>();
  private final List<StateStore> stores = new CopyOnWriteArrayList<>();
  private StateStore nodeA;
  private StateStore nodeB;

  @BeforeEach
  void startTwoNodes() {
    nodeA = node(schema);
    nodeB = node(schema);
  }

  private StateStore node(String schemaName) {
    TestPool pool = new TestPool(EmbeddedPostgresSupport.dataSource());
    pools.add(pool);
    StateStore store = StateStores.postgres(pool, schemaName);
    stores.add(store);
    return store;
  }

  @AfterEach
  void stopNodes() {
    stores.forEach(StateStore::close);
    for (TestPool pool : pools) {
      assertEquals(List.of(), pool.violations());
      pool.close();
    }
  }

  @Test
  void manyThreadsOnTwoNodesRaceForALeaseAndExactlyOneWins() throws Exception {
    int threads = 16;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 10; round++) {
        String flow = "race-" + round;
        long expectedToken = 1;
        if (round % 2 == 1) {
          // race for an expired lease (the update path) as well as for a flow nobody leased yet (the insert path)
          Lease old = nodeA.acquireLease(flow, "old-holder", Duration.ofMillis(1)).orElseThrow();
          EmbeddedPostgresSupport.waitPast(old.expiresAt());
          expectedToken = 2;
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Optional<Lease>>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          StateStore node = i % 2 == 0 ? nodeA : nodeB;
          String owner = (i % 2 == 0 ? "a-" : "b-") + i;
          attempts.add(executor.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            return node.acquireLease(flow, owner, Duration.ofSeconds(30));
          }));
        }
        List<Lease> winners = new ArrayList<>();
        for (Future<Optional<Lease>> attempt : attempts) {
          attempt.get(30, TimeUnit.SECONDS).ifPresent(winners::add);
        }
        assertEquals(1, winners.size(), () -> flow + " winners: " + winners);
        assertEquals(expectedToken, winners.get(0).token());
        // both nodes agree on who holds it
        assertEquals(Optional.empty(), nodeA.acquireLease(flow, "latecomer", Duration.ofSeconds(30)));
        assertEquals(Optional.empty(), nodeB.acquireLease(flow, "latecomer", Duration.ofSeconds(30)));
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void theSecondNodeTakesOverOnlyAfterTheLeaseExpiresInDatabaseTime() {
    Lease a = nodeA.acquireLease(FLOW, "node-a", Duration.ofSeconds(1)).orElseThrow();
    assertEquals(Optional.empty(), nodeB.acquireLease(FLOW, "node-b", Duration.ofSeconds(1)));
    EmbeddedPostgresSupport.waitPast(a.expiresAt());
    Lease b = nodeB.acquireLease(FLOW, "node-b", Duration.ofSeconds(30)).orElseThrow();
    assertEquals(a.token() + 1, b.token());
    assertEquals(Optional.empty(), nodeA.acquireLease(FLOW, "node-a", Duration.ofSeconds(1)));
  }

  @Test
  void aStaleNodesCommitIsRejectedAndAppliesNothing() {
    Lease a = nodeA.acquireLease(FLOW, "node-a", Duration.ofSeconds(1)).orElseThrow();
    nodeA.commit(a, StateChanges.forFlow(FLOW).watermark("left", Watermark.of("a-1")).build());
    EmbeddedPostgresSupport.waitPast(a.expiresAt()); // node A "pauses" past its lease
    Lease b = nodeB.acquireLease(FLOW, "node-b", Duration.ofSeconds(30)).orElseThrow();

    assertThrows(LeaseLostException.class, () -> nodeA.commit(a, StateChanges.forFlow(FLOW)
        .watermark("left", Watermark.of("a-2"))
        .stage(change("from-a"))
        .build()));
    assertEquals(Optional.of(Watermark.of("a-1")), nodeB.watermark(FLOW, "left"));
    assertEquals(0, nodeB.inboxSize(FLOW));
    assertEquals(Optional.empty(), nodeA.renewLease(a, Duration.ofSeconds(30)));
    nodeA.releaseLease(a); // no effect: not node A's any more

    nodeB.commit(b, StateChanges.forFlow(FLOW).watermark("left", Watermark.of("b-1")).build());
    assertEquals(Optional.of(Watermark.of("b-1")), nodeA.watermark(FLOW, "left"));
    assertEquals(Optional.empty(), nodeA.acquireLease(FLOW, "node-a", Duration.ofSeconds(1)));
  }

  @Test
  void renewingOrReacquiringUnderTheSameOwnerKeepsTheToken() {
    Lease a = nodeA.acquireLease(FLOW, "node-a", Duration.ofSeconds(30)).orElseThrow();
    Lease renewed = nodeA.renewLease(a, Duration.ofSeconds(60)).orElseThrow();
    assertEquals(a.token(), renewed.token());
    assertTrue(renewed.expiresAt().isAfter(a.expiresAt()));
    // the same node id through another store instance (say, after a restart) is the same holder
    StateStore restarted = node(schema);
    Lease again = restarted.acquireLease(FLOW, "node-a", Duration.ofSeconds(90)).orElseThrow();
    assertEquals(a.token(), again.token());
    restarted.commit(again, StateChanges.forFlow(FLOW).watermark("left", Watermark.of("x")).build());
    assertEquals(Optional.of(Watermark.of("x")), nodeA.watermark(FLOW, "left"));
  }

  @Test
  void commitsFromBothNodesNeverInterleaveAndTokensOnlyGrow() throws Exception {
    long seed = Long.getLong("tandem.test.seed", System.nanoTime());
    System.out.println("commitsFromBothNodesNeverInterleaveAndTokensOnlyGrow seed " + seed
        + " (rerun with -Dtandem.test.seed=" + seed + ")");
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    List<String> problems = new CopyOnWriteArrayList<>();
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> workers = List.of(
          executor.submit(() -> work(nodeA, "node-a", new Random(seed), accepted, rejected)),
          executor.submit(() -> work(nodeB, "node-b", new Random(seed + 1), accepted, rejected)));
      Future<?> reader = executor.submit(() -> {
        while (running.get()) {
          for (StateStore node : List.of(nodeA, nodeB)) {
            List<LinkRecord> links = node.links(FLOW, Side.LEFT, "", 100);
            if (!links.isEmpty()) {
              long generations = links.stream().flatMap(l -> List.of(l.left().snapshot(), l.right().snapshot()).stream())
                  .distinct().count();
              if (links.size() != 10 || generations != 1) {
                problems.add("a reader saw a partial commit: " + links.size() + " links of " + generations + " generations");
              }
            }
          }
        }
        return null;
      });
      for (Future<?> worker : workers) {
        worker.get(60, TimeUnit.SECONDS);
      }
      running.set(false);
      reader.get(30, TimeUnit.SECONDS);
    } finally {
      running.set(false);
      executor.shutdownNow();
    }
    System.out.println("accepted " + accepted + " commits, rejected " + rejected + " stale ones");
    assertEquals(List.of(), problems);
    assertTrue(accepted.get() > 0);
    assertTrue(rejected.get() > 0, "some pause outlived a lease and the stale commit was fenced off");

    // every accepted commit left exactly its marker; no rejected commit left anything
    List<InboxEntry> markers = nodeA.inbox(FLOW, 0, 100_000);
    assertEquals(accepted.get(), markers.size());
    long token = 0;
    for (InboxEntry marker : markers) {
      long markerToken = Long.parseLong(marker.change().valueJson().orElseThrow());
      assertTrue(markerToken >= token, () -> "token " + markerToken + " committed after a higher one: " + marker);
      token = markerToken;
    }
    // and the state is that of the last accepted commit, whole
    String last = markers.get(markers.size() - 1).change().nativeId().substring("commit ".length());
    assertEquals(Optional.of(Watermark.of(last)), nodeB.watermark(FLOW, "generation"));
    for (LinkRecord link : nodeB.links(FLOW, Side.LEFT, "", 100)) {
      assertEquals(last, link.left().snapshot());
    }
  }

  /** Holds the lease {@code TERMS} times, committing whole generations, sometimes pausing past its expiry. */
  private static Void work(StateStore node, String owner, Random random, AtomicInteger accepted, AtomicInteger rejected)
      throws InterruptedException {
    int terms = 0;
    for (int attempt = 0; terms < 6 && attempt < 5_000; attempt++) {
      Optional<Lease> acquired = node.acquireLease(FLOW, owner, Duration.ofMillis(200));
      if (acquired.isEmpty()) {
        Thread.sleep(random.nextInt(30));
        continue;
      }
      terms++;
      Lease lease = acquired.get();
      for (int step = 0; step < 4; step++) {
        String generation = owner + "/" + lease.token() + "/" + attempt + "/" + step;
        StateChanges.Builder changes = StateChanges.forFlow(FLOW).watermark("generation", Watermark.of(generation));
        for (int i = 0; i < 10; i++) {
          changes.putLink(new LinkRecord(FLOW,
              new SideState("L" + i, generation, "h", Optional.empty(), false),
              new SideState("R" + i, generation, "h", Optional.empty(), false), Instant.EPOCH));
        }
        changes.stage(new StagedChange(Side.LEFT, "commit " + generation, Change.Kind.UPSERT,
            Optional.of(Long.toString(lease.token())), Optional.empty(), Optional.empty(), Optional.empty()));
        try {
          node.commit(lease, changes.build());
          accepted.incrementAndGet();
        } catch (LeaseLostException e) {
          rejected.incrementAndGet();
          break;
        }
        if (step < 3 && random.nextInt(3) == 0) {
          // a pause (GC, network) past the lease's expiry: the other node takes over meanwhile
          EmbeddedPostgresSupport.waitPast(lease.expiresAt());
          Thread.sleep(80);
        }
      }
      if (random.nextBoolean()) {
        node.releaseLease(lease);
      }
    }
    return null;
  }

  @Test
  void nodesStartingAtOnceOnAFreshSchemaMigrateItOnce() throws Exception {
    String fresh = EmbeddedPostgresSupport.freshSchema();
    int nodes = 6;
    ExecutorService executor = Executors.newFixedThreadPool(nodes);
    try {
      CyclicBarrier start = new CyclicBarrier(nodes);
      List<Future<StateStore>> starting = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        starting.add(executor.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          return node(fresh);
        }));
      }
      List<StateStore> started = new ArrayList<>();
      for (Future<StateStore> node : starting) {
        started.add(node.get(60, TimeUnit.SECONDS));
      }
      Lease lease = started.get(0).acquireLease(FLOW, "n0", Duration.ofSeconds(30)).orElseThrow();
      started.get(1).commit(lease, StateChanges.forFlow(FLOW).watermark("left", Watermark.of("ok")).build());
      assertEquals(Optional.of(Watermark.of("ok")), started.get(nodes - 1).watermark(FLOW, "left"));
    } finally {
      executor.shutdownNow();
    }
    try (Connection connection = EmbeddedPostgresSupport.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM \"" + fresh + "\".tandem_schema_version")) {
      List<Integer> versions = new ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
      assertEquals(List.of(1), versions);
    }
    assertFalse(stores.isEmpty());
  }

  private static StagedChange change(String id) {
    return new StagedChange(Side.LEFT, id, Change.Kind.DELETE, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
