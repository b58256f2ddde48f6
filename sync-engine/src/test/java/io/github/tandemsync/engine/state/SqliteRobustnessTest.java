package io.github.tandemsync.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.engine.internal.jdbc.JdbcStateStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite under the conditions a single embedded node meets: concurrent threads, other processes, crashes. */
class SqliteRobustnessTest {
  private static final String FLOW = "accounts";

  @TempDir
  Path dir;

  private final ExecutorService executor = Executors.newFixedThreadPool(6);

  @AfterEach
  void stopThreads() {
    executor.shutdownNow();
  }

  private Path file() {
    return dir.resolve("tandem.db");
  }

  private static StateChanges generation(long generation) {
    StateChanges.Builder changes = StateChanges.forFlow(FLOW).watermark("generation", Watermark.of(Long.toString(generation)));
    for (int i = 0; i < 10; i++) {
      changes.putLink(new LinkRecord(FLOW, new SideState("L" + i, "g" + generation, "h", Optional.empty(), false),
          new SideState("R" + i, "g" + generation, "h", Optional.empty(), false), Instant.EPOCH));
    }
    return changes.build();
  }

  @Test
  void theFileIsInWalModeAndConnectionsAreConfiguredForSafety() throws Exception {
    List<Connection> opened = new CopyOnWriteArrayList<>();
    try (StateStore store = JdbcStateStores.sqlite(file(), Clock.systemUTC(), c -> {
      opened.add(c);
      return c;
    })) {
      store.watermark(FLOW, "any"); // opens a reader too
      Connection writer = opened.get(0);
      assertEquals("wal", pragma(writer, "journal_mode"));
      assertEquals("1", pragma(writer, "foreign_keys"));
      assertEquals("2", pragma(writer, "synchronous")); // FULL
      assertEquals("10000", pragma(writer, "busy_timeout"));
      Connection reader = opened.get(opened.size() - 1);
      assertEquals("1", pragma(reader, "query_only"));
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file())) {
      assertEquals("wal", pragma(raw, "journal_mode"), "WAL is a property of the file");
    }
  }

  private static String pragma(Connection connection, String name) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("PRAGMA " + name)) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void readersAreNotHeldUpByAWriteInFlightAndOtherWritersQueueBehindIt() throws Exception {
    Faults faults = new Faults();
    try (StateStore store = JdbcStateStores.sqlite(file(), Clock.systemUTC(), faults::wrap)) {
      Lease lease = store.acquireLease(FLOW, "node", Duration.ofHours(1)).orElseThrow();
      store.commit(lease, generation(1));

      faults.arm(3, Faults.Action.BLOCK);
      Future<?> writer = executor.submit(() -> store.commit(lease, generation(2)));
      assertTrue(faults.awaitBlocked(10), "the commit is half-way, holding the write lock");
      // another writer queues for the single write connection instead of failing as busy
      Future<Optional<Lease>> queued = executor.submit(() -> store.acquireLease("other", "node", Duration.ofHours(1)));

      // readers see the last committed state, at once, from several threads
      List<Future<String>> reads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        reads.add(executor.submit(() -> store.watermark(FLOW, "generation").orElseThrow().value()
            + " " + store.links(FLOW, Side.LEFT, "", 100).stream().map(l -> l.left().snapshot()).distinct().toList()));
      }
      for (Future<String> read : reads) {
        assertEquals("1 [g1]", read.get(10, TimeUnit.SECONDS));
      }
      assertTrue(!queued.isDone(), "the second writer waits for the first");

      faults.release();
      writer.get(10, TimeUnit.SECONDS);
      assertTrue(queued.get(10, TimeUnit.SECONDS).isPresent());
      assertEquals(Optional.of(Watermark.of("2")), store.watermark(FLOW, "generation"));
    }
  }

  @Test
  void concurrentReadersOnlyEverSeeWholeCommits() throws Exception {
    try (StateStore store = StateStores.sqlite(file())) {
      Lease lease = store.acquireLease(FLOW, "node", Duration.ofHours(1)).orElseThrow();
      store.commit(lease, generation(0));
      AtomicBoolean writing = new AtomicBoolean(true);
      List<String> problems = new CopyOnWriteArrayList<>();
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(executor.submit(() -> {
          int reads = 0;
          while (writing.get()) {
            List<LinkRecord> links = store.links(FLOW, Side.LEFT, "", 100);
            long generations = links.stream().map(l -> l.left().snapshot() + "|" + l.right().snapshot()).distinct().count();
            if (links.size() != 10 || generations != 1) {
              problems.add(links.size() + " links of " + generations + " generations");
            }
            reads++;
          }
          return reads;
        }));
      }
      for (long g = 1; g <= 200; g++) {
        store.commit(lease, generation(g));
      }
      writing.set(false);
      for (Future<Integer> reader : readers) {
        assertTrue(reader.get(30, TimeUnit.SECONDS) > 0);
      }
      assertEquals(List.of(), problems);
      assertEquals(Optional.of(Watermark.of("200")), store.watermark(FLOW, "generation"));
    }
  }

  @Test
  void anotherProcessHoldingTheWriteLockMakesACommitWaitNotFail() throws Exception {
    try (StateStore store = StateStores.sqlite(file());
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file())) {
      Lease lease = store.acquireLease(FLOW, "node", Duration.ofHours(1)).orElseThrow();
      try (Statement statement = other.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
        statement.execute("INSERT INTO tandem_watermark (flow, stream, value) VALUES ('x', 'y', 'z')");
      }
      CountDownLatch started = new CountDownLatch(1);
      Future<?> commit = executor.submit(() -> {
        started.countDown();
        store.commit(lease, generation(1));
        return null;
      });
      started.await();
      Thread.sleep(300);
      try (Statement statement = other.createStatement()) {
        statement.execute("COMMIT");
      }
      commit.get(20, TimeUnit.SECONDS); // busy_timeout waited for the lock instead of failing at once
      assertEquals(Optional.of(Watermark.of("1")), store.watermark(FLOW, "generation"));
      assertEquals(Optional.of(Watermark.of("z")), store.watermark("x", "y"));
    }
  }

  @Test
  void aProcessKilledMidCommitLeavesTheLastCommittedGeneration() throws Exception {
    long seed = Long.getLong("tandem.test.seed", System.nanoTime());
    System.out.println("aProcessKilledMidCommitLeavesTheLastCommittedGeneration seed " + seed
        + " (rerun with -Dtandem.test.seed=" + seed + ")");
    Random random = new Random(seed);
    long last = 0;
    for (int round = 0; round < 3; round++) {
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), SqliteCrashChild.class.getName(), file().toString())
          .redirectErrorStream(true)
          .start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null && !line.equals("committing")) {
          System.out.println("child: " + line);
        }
        assertEquals("committing", line, "the child started committing");
        Thread.sleep(20 + random.nextInt(150));
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no close
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      }

      try (StateStore store = StateStores.sqlite(file())) {
        long generation = Long.parseLong(store.watermark(SqliteCrashChild.FLOW, "generation").orElseThrow().value());
        long before = last;
        assertTrue(generation > before, () -> "progress: generation " + generation + " after " + before);
        List<String> ids = store.inbox(SqliteCrashChild.FLOW, 0, 1000).stream().map(e -> e.change().nativeId()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < SqliteCrashChild.ENTRIES; i++) {
          expected.add(generation + "-" + i);
        }
        assertEquals(expected, ids, "exactly the inbox of the last committed generation");
        List<LinkRecord> links = store.links(SqliteCrashChild.FLOW, Side.LEFT, "", 100);
        assertEquals(SqliteCrashChild.LINKS, links.size());
        for (LinkRecord link : links) {
          assertEquals(Long.toString(generation), link.left().snapshot());
        }
        // the lease survived the crash: the same owner (a restarted node) gets it back with its token
        assertEquals(1, store.acquireLease(SqliteCrashChild.FLOW, SqliteCrashChild.OWNER, Duration.ofHours(1))
            .orElseThrow().token());
        last = generation;
      }
    }
  }
}
