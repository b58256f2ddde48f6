package io.github.tandemsync.engine;

import static io.github.tandemsync.engine.Harness.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.engine.state.Lease;
import io.github.tandemsync.engine.state.StateChanges;
import io.github.tandemsync.testkit.fake.FakeSystem;
import io.github.tandemsync.testkit.fake.FakeSystem.SimulatedCrash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Crashes the process at every write and every commit of a 1,000-record sync — before and after
 * the write or commit takes effect — restarts, and checks that nothing was lost and nothing
 * duplicated.
 */
class CrashRecoveryTest {
  private static final int ERP_ONLY = 500;
  private static final int CRM_ONLY = 400;
  private static final int BOTH = 100;

  /** Counts commits; crashes at one of them, before or after it is applied. */
  private static final class CrashingStore extends ForwardingStateStore {
    private int commits;
    private int crashAt = -1;
    private boolean before;

    CrashingStore(io.github.tandemsync.engine.state.StateStore delegate) {
      super(delegate);
    }

    @Override
    public void commit(Lease lease, StateChanges changes) {
      commits++;
      if (commits == crashAt && before) {
        crashAt = -1;
        throw new SimulatedCrash("before commit " + commits);
      }
      super.commit(lease, changes);
      if (commits == crashAt) {
        crashAt = -1;
        throw new SimulatedCrash("after commit " + commits);
      }
    }

    @Override
    public void close() {
      // survives restarts: it is the durable store
    }
  }

  private static Harness scenario() {
    Harness h = new Harness().flow(b -> b.batchSize(100));
    for (int i = 0; i < ERP_ONLY; i++) {
      h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("E%04d", i), "Erp " + i));
    }
    for (int i = 0; i < CRM_ONLY; i++) {
      h.crm.userPut(EntityTypes.ACCOUNT, null, account(String.format("C%04d", i), "Crm " + i));
    }
    for (int i = 0; i < BOTH; i++) {
      h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("B%04d", i), "Both " + i).toBuilder().phone("erp " + i).build());
      h.crm.userPut(EntityTypes.ACCOUNT, null, account(String.format("B%04d", i), "Both " + i).toBuilder().email("crm" + i + "@x.example").build());
    }
    return h;
  }

  @Test
  void crashingAtAnyCommitLosesNothingAndDuplicatesNothing() {
    int commits = countCommits();
    assertTrue(commits > 10, "the scenario commits many times: " + commits);
    for (int point = 1; point <= commits; point++) {
      for (boolean before : new boolean[] {true, false}) {
        try (Harness h = scenario()) {
          CrashingStore store = new CrashingStore(h.store);
          h.store = store;
          store.crashAt = point;
          store.before = before;
          crashThenRecover(h, "commit " + point + (before ? " (before)" : " (after)"));
        }
      }
    }
  }

  @Test
  void crashingAtAnyWriteLosesNothingAndDuplicatesNothing() {
    int crmWrites;
    int erpWrites;
    try (Harness h = scenario()) {
      h.run();
      crmWrites = (int) h.crm.writesApplied();
      erpWrites = (int) h.erp.writesApplied();
    }
    for (FakeSystemSide side : FakeSystemSide.values()) {
      int applied = side == FakeSystemSide.CRM ? crmWrites : erpWrites;
      for (int point = 0; point < applied; point += 50) { // every write call: the fake applies 50 records per call
        for (boolean before : new boolean[] {true, false}) {
          try (Harness h = scenario()) {
            FakeSystem target = side == FakeSystemSide.CRM ? h.crm : h.erp;
            target.crashAt(point, before);
            crashThenRecover(h, side + " write call at record " + point + (before ? " (before applying)" : " (after applying)"));
          }
        }
      }
    }
  }

  private enum FakeSystemSide {
    ERP,
    CRM
  }

  private static int countCommits() {
    try (Harness h = scenario()) {
      CrashingStore store = new CrashingStore(h.store);
      h.store = store;
      h.run();
      return store.commits;
    }
  }

  private static void crashThenRecover(Harness h, String where) {
    try {
      h.run();
      fail("expected a simulated crash at " + where);
    } catch (SimulatedCrash expected) {
      // the process died here
    }
    h.restart();
    h.erp.noCrash();
    h.crm.noCrash();
    RunReport report = h.run();
    assertEquals(RunReport.Status.COMPLETED, report.status(), where + ": " + report.detail());
    RunReport settle = h.run();
    assertEquals(0, settle.writes(), where + ": settled after recovery, nothing left to write");
    assertComplete(h, where);
  }

  private static void assertComplete(Harness h, String where) {
    int total = ERP_ONLY + CRM_ONLY + BOTH;
    Map<String, List<Account>> erp = byCode(h.erpAccounts());
    Map<String, List<Account>> crm = byCode(h.crmAccounts());
    assertEquals(total, erp.size(), where + ": every account on the ERP");
    assertEquals(total, crm.size(), where + ": every account on the CRM");
    for (String code : erp.keySet()) {
      assertEquals(1, erp.get(code).size(), where + ": duplicate " + code + " on the ERP");
      assertEquals(1, crm.get(code).size(), where + ": duplicate " + code + " on the CRM");
      assertEquals(erp.get(code).get(0), crm.get(code).get(0), where + ": " + code + " differs between the systems");
    }
    for (int i = 0; i < BOTH; i++) {
      Account merged = erp.get(String.format("B%04d", i)).get(0);
      assertEquals(Optional.of("erp " + i), merged.phone(), where);
      assertEquals(Optional.of("crm" + i + "@x.example"), merged.email(), where);
    }
    assertEquals(0, h.store.quarantineSize("accounts"), where + ": nothing quarantined");
  }

  private static Map<String, List<Account>> byCode(Map<String, Account> accounts) {
    return accounts.values().stream().collect(Collectors.groupingBy(a -> a.code().orElse("?"), TreeMap::new,
        Collectors.toCollection(ArrayList::new)));
  }
}
