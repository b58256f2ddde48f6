package io.github.tandemsync.engine;

import static io.github.tandemsync.engine.Harness.CRM;
import static io.github.tandemsync.engine.Harness.ERP;
import static io.github.tandemsync.engine.Harness.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.engine.state.EmbeddedPostgresSupport;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.testkit.fake.FakeSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Two engines — two nodes — sharing one real PostgreSQL state store. */
class TwoEnginesOnPostgresTest {

  private static SyncEngine node(String id, String schema, FakeSystem erp, FakeSystem crm, Duration leaseTtl, SyncListener listener) {
    DataSource ds = EmbeddedPostgresSupport.dataSource();
    return SyncEngine.builder().connector(erp.connector()).connector(crm.connector()).stateStore(StateStores.postgres(ds, schema))
        .flow(Flow.builder("accounts", EntityTypes.ACCOUNT).between(ERP, CRM).matchOn("code").batchSize(40).build())
        .nodeId(id).leaseTtl(leaseTtl).listener(listener)
        .retry(RetrySettings.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build())
        .build();
  }

  @Test
  void twoNodesNeverRunTheSameFlowAtOnce() throws Exception {
    String schema = EmbeddedPostgresSupport.freshSchema();
    FakeSystem erp = FakeSystem.named(ERP).supports(EntityTypes.ACCOUNT);
    FakeSystem crm = FakeSystem.named(CRM).supports(EntityTypes.ACCOUNT);
    crm.beforeEachWriteCall(() -> sleep(5)); // slow writes widen the window for overlaps
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    SyncListener watch = new SyncListener() {
      @Override
      public void runStarted(String flow) {
        if (running.incrementAndGet() > 1) {
          overlaps.incrementAndGet();
        }
      }

      @Override
      public void runFinished(RunReport report) {
        if (report.status() != RunReport.Status.LEASE_UNAVAILABLE) {
          running.decrementAndGet();
          completed.incrementAndGet();
        }
      }
    };
    try (SyncEngine a = node("node-a", schema, erp, crm, Duration.ofMinutes(1), watch);
        SyncEngine b = node("node-b", schema, erp, crm, Duration.ofMinutes(1), watch)) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      AtomicBoolean editing = new AtomicBoolean(true);
      List<Future<List<RunReport.Status>>> jobs = new ArrayList<>();
      for (SyncEngine node : List.of(a, b)) {
        jobs.add(pool.submit(() -> {
          List<RunReport.Status> statuses = new ArrayList<>();
          for (int i = 0; i < 12; i++) {
            if (editing.get()) {
              erp.userPut(EntityTypes.ACCOUNT, null, account("N" + System.nanoTime(), "Node edit"));
            }
            statuses.add(node.runOnce("accounts").status());
            sleep(15); // as a scheduler would pause between runs; without it one node could starve the other
          }
          return statuses;
        }));
      }
      List<RunReport.Status> all = new ArrayList<>();
      for (Future<List<RunReport.Status>> job : jobs) {
        List<RunReport.Status> statuses = job.get(120, TimeUnit.SECONDS);
        assertTrue(statuses.contains(RunReport.Status.COMPLETED), "each node got a turn: " + statuses);
        all.addAll(statuses);
      }
      pool.shutdown();
      editing.set(false);
      a.runOnce("accounts");
      assertEquals(0, overlaps.get(), "a run of the flow started while another node's run was going");
      assertTrue(all.contains(RunReport.Status.LEASE_UNAVAILABLE), "the nodes did contend for the flow: " + all);
      assertEquals(erp.all(EntityTypes.ACCOUNT).size(), crm.all(EntityTypes.ACCOUNT).size());
      assertEquals(crm.all(EntityTypes.ACCOUNT).size(), crm.all(EntityTypes.ACCOUNT).values().stream().map(x -> x.code().orElseThrow())
          .collect(Collectors.toSet()).size(), "no duplicates");
    }
  }

  @Test
  void aNodeThatLostItsLeaseMidRunHasItsCommitRejectedAndNothingIsDuplicated() throws Exception {
    String schema = EmbeddedPostgresSupport.freshSchema();
    FakeSystem erp = FakeSystem.named(ERP).supports(EntityTypes.ACCOUNT);
    FakeSystem crm = FakeSystem.named(CRM).supports(EntityTypes.ACCOUNT);
    for (int i = 0; i < 30; i++) {
      erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("F%03d", i), "Fenced " + i));
    }
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean holdFirstWrite = new AtomicBoolean(true);
    crm.beforeEachWriteCall(() -> {
      if (Thread.currentThread().getName().equals("stale-node") && holdFirstWrite.getAndSet(false)) {
        stuck.countDown();
        await(release); // a long GC pause or a network partition, past the lease's expiry
      }
    });
    try (SyncEngine stale = node("stale", schema, erp, crm, Duration.ofMillis(800), SyncListenerNone.INSTANCE);
        SyncEngine fresh = node("fresh", schema, erp, crm, Duration.ofMinutes(1), SyncListenerNone.INSTANCE)) {
      ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "stale-node"));
      Future<RunReport> staleRun = pool.submit(() -> stale.runOnce("accounts"));
      assertTrue(stuck.await(30, TimeUnit.SECONDS), "the stale node reached its first write");
      Thread.sleep(1_500); // its lease expires (database time)
      RunReport freshRun = fresh.runOnce("accounts");
      assertEquals(RunReport.Status.COMPLETED, freshRun.status(), freshRun.detail().orElse(""));
      assertEquals(30, crm.all(EntityTypes.ACCOUNT).size());
      release.countDown();
      RunReport staleReport = staleRun.get(30, TimeUnit.SECONDS);
      pool.shutdown();
      assertEquals(RunReport.Status.LEASE_LOST, staleReport.status(), "the stale owner's commit is rejected: " + staleReport);
      assertEquals(30, crm.all(EntityTypes.ACCOUNT).size(), "its replayed creates found the records made by the new owner");
      assertEquals(0, fresh.runOnce("accounts").writes(), "the state the new owner committed is intact");
      assertEquals(30, crm.all(EntityTypes.ACCOUNT).values().stream().map(Account::code).distinct().count());
    }
  }

  private enum SyncListenerNone implements SyncListener {
    INSTANCE
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
