package io.github.tandemsync.engine;

import static io.github.tandemsync.engine.Harness.CRM;
import static io.github.tandemsync.engine.Harness.ERP;
import static io.github.tandemsync.engine.Harness.account;
import static io.github.tandemsync.engine.Harness.prospect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.spi.FieldSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncEngineTest {

  @Test
  void createsRecordsBothWaysAndLinksThem() {
    try (Harness h = new Harness()) {
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("ABAP01", "Abacus Plumbing"));
      h.crm.userPut(EntityTypes.ACCOUNT, null, account("BRIG02", "Brighton Glass"));
      RunReport report = h.run();
      assertEquals(RunReport.Status.COMPLETED, report.status(), () -> report.detail().orElse(""));
      assertEquals(1, report.from(ERP).created());
      assertEquals(1, report.from(CRM).created());
      assertEquals(2, h.erpAccounts().size());
      assertEquals(2, h.crmAccounts().size());
      assertEquals("Abacus Plumbing", h.crmByCode("ABAP01").orElseThrow().name());
      assertEquals("Brighton Glass", h.erpByCode("BRIG02").orElseThrow().name());
    }
  }

  @Test
  void matchesExistingRecordsByNaturalKeyInsteadOfCreatingDuplicates() {
    try (Harness h = new Harness()) {
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("ABAP01", "Abacus Plumbing").toBuilder().phone("0161 111").build());
      h.crm.userPut(EntityTypes.ACCOUNT, null, account("abap01 ", "Abacus Plumbing Ltd").toBuilder().email("a@abacus.example").build());
      RunReport report = h.run();
      assertEquals(0, report.from(ERP).created() + report.from(CRM).created(), "matched, not created");
      assertEquals(1, h.erpAccounts().size());
      assertEquals(1, h.crmAccounts().size());
      Account crm = h.crmAccounts().values().iterator().next();
      Account erp = h.erpAccounts().values().iterator().next();
      assertEquals(Optional.of("0161 111"), crm.phone(), "a gap on one side is filled, never erased");
      assertEquals(Optional.of("a@abacus.example"), erp.email());
      assertEquals("Abacus Plumbing", crm.name(), "a real conflict goes to the default policy: preferred left (erp)");
      assertEquals(1, h.conflicts.stream().filter(c -> c.field().equals("name")).count());
    }
  }

  @Test
  void unchangedRecordsCostNoWritesAndEchoesAreDropped() {
    try (Harness h = new Harness()) {
      for (int i = 0; i < 30; i++) {
        h.erp.userPut(EntityTypes.ACCOUNT, null, account("E" + i, "Erp " + i));
        h.crm.userPut(EntityTypes.ACCOUNT, null, account("C" + i, "Crm " + i));
      }
      h.run();
      long erpWrites = h.erp.writeCalls();
      long crmWrites = h.crm.writeCalls();
      for (int i = 0; i < 5; i++) {
        RunReport again = h.run();
        assertEquals(0, again.writes(), "run " + i + " after the first sync writes nothing");
      }
      assertEquals(erpWrites, h.erp.writeCalls());
      assertEquals(crmWrites, h.crm.writeCalls());
    }
  }

  @Test
  void aOneSidedEditMovesAcrossAndOnlyTheChangedFieldIsSent() {
    try (Harness h = new Harness()) {
      String erpId = h.erp.userPut(EntityTypes.ACCOUNT, null, account("ABAP01", "Abacus"));
      h.run();
      h.crm.userPut(EntityTypes.ACCOUNT, h.crmIdOf("ABAP01"), h.crmByCode("ABAP01").orElseThrow().toBuilder().phone("0161 222").build());
      RunReport report = h.run();
      assertEquals(1, report.from(CRM).updated());
      assertEquals(Optional.of("0161 222"), h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow().phone());
      assertEquals(0, h.run().writes());
    }
  }

  @Test
  void fieldsAReaderDoesNotMapAreNeverTakenAsCleared() {
    FieldSet crmFields = FieldSet.of("code", "name", "role", "phone");
    try (Harness h = new Harness(crmFields, crmFields)) {
      // the fake stores whatever it is given, so model a CRM that drops unmapped fields on write
      h.crm.onWrite(EntityTypes.ACCOUNT, (old, incoming) -> Account.builder().code(incoming.code()).role(incoming.role())
          .name(incoming.name()).phone(incoming.phone()).build());
      String erpId = h.erp.userPut(EntityTypes.ACCOUNT, null, account("ABAP01", "Abacus").toBuilder().fax("0161 999").email("x@y.example").build());
      h.run();
      assertEquals(Optional.empty(), h.crmByCode("ABAP01").orElseThrow().fax(), "the CRM does not store fax");
      h.crm.userPut(EntityTypes.ACCOUNT, h.crmIdOf("ABAP01"), h.crmByCode("ABAP01").orElseThrow().toBuilder().phone("0161 333").build());
      h.run();
      Account erp = h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow();
      assertEquals(Optional.of("0161 999"), erp.fax(), "fax not cleared on the ERP");
      assertEquals(Optional.of("x@y.example"), erp.email());
      assertEquals(Optional.of("0161 333"), erp.phone());
      assertEquals(0, h.run().writes());
    }
  }

  @Test
  void nestedValuesMergeFieldByField() {
    try (Harness h = new Harness()) {
      Address address = Address.builder().line1("1 High St").town("Leeds").postcode("LS1 1AA").build();
      String erpId = h.erp.userPut(EntityTypes.ACCOUNT, null, account("ABAP01", "Abacus").toBuilder().billingAddress(address).build());
      h.run();
      String crmId = h.crmIdOf("ABAP01");
      h.erp.userPut(EntityTypes.ACCOUNT, erpId, h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow().toBuilder()
          .billingAddress(address.toBuilder().town("Bradford").build()).build());
      h.crm.userPut(EntityTypes.ACCOUNT, crmId, h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().toBuilder()
          .billingAddress(address.toBuilder().postcode("LS2 2BB").build()).build());
      h.run();
      Address merged = address.toBuilder().town("Bradford").postcode("LS2 2BB").build();
      assertEquals(Optional.of(merged), h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow().billingAddress());
      assertEquals(Optional.of(merged), h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().billingAddress());
      assertTrue(h.conflicts.isEmpty(), "different sub-fields are not a conflict");
    }
  }

  @Test
  void ownedFieldsWinConflictsAndOverrideEditsOnTheOtherSide() {
    try (Harness h = new Harness().flow(b -> b.defaultPolicy(FieldPolicy.preferred(CRM)).owner(ERP, "creditLimit", "onStop"))) {
      String erpId = h.erp.userPut(EntityTypes.ACCOUNT, null, account("ABAP01", "Abacus").toBuilder().creditLimit(Money.of("5000.00", "GBP")).build());
      h.run();
      String crmId = h.crmIdOf("ABAP01");
      // a CRM user edits an ERP-owned field: overridden with the owner's value
      h.crm.userPut(EntityTypes.ACCOUNT, crmId, h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().toBuilder()
          .creditLimit(Money.of("9999.00", "GBP")).onStop(true).build());
      h.run();
      assertEquals(Optional.of(Money.of("5000.00", "GBP")), h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().creditLimit());
      assertFalse(h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().onStop());
      assertFalse(h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow().onStop());
      assertTrue(h.conflicts.stream().anyMatch(c -> c.field().equals("creditLimit") && c.winner().equals(ERP)));
      // both edit: the owner wins the owned field, the preferred side the others
      h.erp.userPut(EntityTypes.ACCOUNT, erpId, h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow().toBuilder()
          .creditLimit(Money.of("6000.00", "GBP")).phone("ERP phone").build());
      h.crm.userPut(EntityTypes.ACCOUNT, crmId, h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().toBuilder()
          .creditLimit(Money.of("7000.00", "GBP")).phone("CRM phone").build());
      h.run();
      for (Account a : List.of(h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow(), h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow())) {
        assertEquals(Optional.of(Money.of("6000.00", "GBP")), a.creditLimit());
        assertEquals(Optional.of("CRM phone"), a.phone());
      }
      assertEquals(0, h.run().writes());
    }
  }

  @Test
  void lastWriterWinsByEachSidesChangeTimeWithATieBreaker() {
    try (Harness h = new Harness().flow(b -> b.defaultPolicy(FieldPolicy.lastWriterWins(ERP)))) {
      String erpId = h.erp.userPut(EntityTypes.ACCOUNT, null, account("ABAP01", "Abacus"));
      h.run();
      String crmId = h.crmIdOf("ABAP01");
      h.erp.userPut(EntityTypes.ACCOUNT, erpId, h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow().toBuilder().phone("first").build());
      h.clock.advance(Duration.ofSeconds(5));
      h.crm.userPut(EntityTypes.ACCOUNT, crmId, h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().toBuilder().phone("second").build());
      h.run();
      assertEquals(Optional.of("second"), h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow().phone(), "the later edit wins");
      // same instant: the tie-breaker decides
      h.erp.freezeTime(h.clock.instant());
      h.crm.freezeTime(h.clock.instant());
      h.erp.userPut(EntityTypes.ACCOUNT, erpId, h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow().toBuilder().phone("erp tie").build());
      h.crm.userPut(EntityTypes.ACCOUNT, crmId, h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().toBuilder().phone("crm tie").build());
      h.erp.unfreezeTime();
      h.crm.unfreezeTime();
      h.run();
      assertEquals(Optional.of("erp tie"), h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().phone());
      assertTrue(h.conflicts.stream().anyMatch(c -> c.rule().contains("breaks ties")));
    }
  }

  @Test
  void aCustomResolverSettlesConflicts() {
    ConflictResolver longest = c -> c.leftValue().orElse("").length() >= c.rightValue().orElse("").length()
        ? ConflictResolver.Winner.LEFT : ConflictResolver.Winner.RIGHT;
    try (Harness h = new Harness().flow(b -> b.field("name", FieldPolicy.resolvedBy(longest)))) {
      String erpId = h.erp.userPut(EntityTypes.ACCOUNT, null, account("ABAP01", "Abacus"));
      h.run();
      String crmId = h.crmIdOf("ABAP01");
      h.erp.userPut(EntityTypes.ACCOUNT, erpId, account("ABAP01", "Abacus Ltd"));
      h.crm.userPut(EntityTypes.ACCOUNT, crmId, account("ABAP01", "Abacus Plumbing Limited"));
      h.run();
      assertEquals("Abacus Plumbing Limited", h.erp.get(EntityTypes.ACCOUNT, erpId).orElseThrow().name());
      assertTrue(h.conflicts.stream().anyMatch(c -> c.rule().equals("custom resolver")));
    }
  }

  @Test
  void deletesPropagateUnlessTheCounterpartChanged() {
    try (Harness h = new Harness().flow(b -> b.deletes(DeletePolicy.propagate()))) {
      String a = h.erp.userPut(EntityTypes.ACCOUNT, null, account("A1", "One"));
      String b = h.erp.userPut(EntityTypes.ACCOUNT, null, account("B2", "Two"));
      h.run();
      h.erp.userDelete(EntityTypes.ACCOUNT, a);
      h.erp.userDelete(EntityTypes.ACCOUNT, b);
      String crmB = h.crmIdOf("B2");
      h.crm.userPut(EntityTypes.ACCOUNT, crmB, account("B2", "Two (edited)"));
      RunReport report = h.run();
      assertEquals(1, report.from(ERP).deleted());
      assertTrue(h.crmByCode("A1").isEmpty(), "the delete propagated");
      assertTrue(h.crmByCode("B2").isPresent(), "an edited counterpart is kept");
      assertTrue(h.conflicts.stream().anyMatch(c -> c.rule().contains("kept, unlinked")));
      assertEquals(0, h.run().writes());
    }
  }

  @Test
  void deletesCanBeIgnoredOrMarkInactive() {
    try (Harness h = new Harness().flow(b -> b.deletes(DeletePolicy.markInactive("closed", true)))) {
      String a = h.erp.userPut(EntityTypes.ACCOUNT, null, account("A1", "One"));
      h.run();
      h.erp.userDelete(EntityTypes.ACCOUNT, a);
      h.run();
      assertTrue(h.crmByCode("A1").orElseThrow().closed(), "marked inactive");
      String crmA = h.crmIdOf("A1");
      h.crm.userPut(EntityTypes.ACCOUNT, crmA, account("A1", "One again"));
      assertEquals(0, h.run().writes(), "changes to a record whose counterpart is gone are not synced back");
      assertTrue(h.erpByCode("A1").isEmpty());
    }
    try (Harness h = new Harness()) { // default: ignore
      String a = h.erp.userPut(EntityTypes.ACCOUNT, null, account("A1", "One"));
      h.run();
      h.erp.userDelete(EntityTypes.ACCOUNT, a);
      assertEquals(0, h.run().writes());
      assertTrue(h.crmByCode("A1").isPresent());
    }
  }

  @Test
  void aRecordWaitingForALaterRunIsNotRetriedWithinThisOneAndIsKept() {
    try (Harness h = new Harness()) {
      h.crm.waiting(EntityTypes.ACCOUNT, a -> a.name().contains("later"));
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("W1", "Comes later"));
      long callsBefore = h.crm.writeCalls();
      RunReport first = h.run();
      assertEquals(1, h.crm.writeCalls() - callsBefore, "one write call: no retries within the run");
      assertEquals(0, first.quarantined(), "not parked: it is retryable");
      assertEquals(1, first.pending(), "kept for the next run");
      assertTrue(h.crmByCode("W1").isEmpty());

      h.crm.waiting(EntityTypes.ACCOUNT, a -> false);
      RunReport second = h.run();
      assertEquals(1, second.from(ERP).created());
      assertTrue(h.crmByCode("W1").isPresent());
    }
  }

  @Test
  void aParkedRecordReportedAgainUnchangedIsNotWrittenAgainButAnEditIs() {
    try (Harness h = new Harness()) {
      h.crm.rejecting(EntityTypes.ACCOUNT, a -> a.name().contains("BAD"));
      String bad = h.erp.userPut(EntityTypes.ACCOUNT, null, account("B1", "BAD name"));
      assertEquals(1, h.run().quarantined());

      h.erp.userPut(EntityTypes.ACCOUNT, bad, account("B1", "BAD name")); // a rescan: the same record again
      long calls = h.crm.writeCalls();
      RunReport again = h.run();
      assertEquals(calls, h.crm.writeCalls(), "no write for a record that would fail the same way");
      assertEquals(1, again.quarantined(), "still parked for an operator");
      assertEquals(1, again.from(ERP).skipped());

      h.erp.userPut(EntityTypes.ACCOUNT, bad, account("B1", "Good name now")); // fixed at the source
      RunReport fixed = h.run();
      assertEquals(1, fixed.from(ERP).created());
      assertEquals(0, fixed.quarantined());
    }
  }

  @Test
  void deletesOfASourceWithoutADeleteLogAreFoundByReconcilingOnlyThatSide() {
    try (Harness h = new Harness()) {
      h.erp.withoutDeleteLog();
      h.flow(b -> b.deletes(DeletePolicy.propagate()).reconcileEvery(Duration.ofHours(6)));
      String gone = h.erp.userPut(EntityTypes.ACCOUNT, null, account("D1", "Deleted soon"));
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("K1", "Kept"));
      h.crm.userPut(EntityTypes.ACCOUNT, null, account("C1", "From the CRM"));
      h.run();
      assertEquals(3, h.crmAccounts().size());
      assertEquals(3, h.erpAccounts().size());

      h.erp.userDelete(EntityTypes.ACCOUNT, gone);
      h.clock.advance(Duration.ofHours(7)); // the reconciliation is due
      long crmReads = h.crm.readCalls();
      RunReport report = h.run();
      assertEquals(1, report.from(ERP).deleted(), "the delete the source never reported was found by key-set comparison");
      assertTrue(h.crmByCode("D1").isEmpty());
      assertTrue(h.crmByCode("K1").isPresent());
      // the CRM reports its own deletes: its side is read for changes, never fetched link by link
      assertEquals(1, h.crm.readCalls() - crmReads, "one change read of the CRM, no reconciliation fetches");
    }
  }

  @Test
  void permanentFailuresAreQuarantinedNamingTheRecordAndTheRestProceeds() {
    try (Harness h = new Harness()) {
      h.crm.rejecting(EntityTypes.ACCOUNT, a -> a.name().contains("BAD"));
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("G1", "Good one"));
      String bad = h.erp.userPut(EntityTypes.ACCOUNT, null, account("B1", "BAD name"));
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("G2", "Good two"));
      RunReport report = h.run();
      assertEquals(RunReport.Status.COMPLETED, report.status());
      assertEquals(2, report.from(ERP).created());
      assertEquals(1, report.from(ERP).failed());
      assertEquals(1, report.quarantined());
      List<QuarantinedRecord> parked = h.engine().quarantine().list("accounts", 0, 10);
      assertEquals(1, parked.size());
      QuarantinedRecord q = parked.get(0);
      assertEquals(bad, q.sourceId());
      assertEquals(Optional.of("name"), q.error().field());
      assertTrue(q.error().message().contains(bad), q.error().message());
      assertTrue(h.failures.stream().anyMatch(f -> f.quarantined() && f.sourceId().equals(bad)));
      // fix the data on the target's rules and retry
      h.crm.rejecting(EntityTypes.ACCOUNT, a -> false);
      assertTrue(h.engine().quarantine().retry("accounts", ERP, bad));
      RunReport retried = h.run();
      assertEquals(1, retried.from(ERP).created());
      assertEquals(0, h.engine().quarantine().count("accounts"));
      assertTrue(h.crmByCode("B1").isPresent());
    }
  }

  @Test
  void quarantinedRecordsCanBeDiscarded() {
    try (Harness h = new Harness()) {
      h.crm.rejecting(EntityTypes.ACCOUNT, a -> true);
      String id = h.erp.userPut(EntityTypes.ACCOUNT, null, account("B1", "BAD"));
      h.run();
      assertEquals(1, h.engine().quarantine().retryAll("accounts"));
      h.run();
      assertEquals(2, h.engine().quarantine().list("accounts", 0, 10).get(0).attempts());
      assertTrue(h.engine().quarantine().discard("accounts", ERP, id));
      assertFalse(h.engine().quarantine().discard("accounts", ERP, id));
      assertEquals(0, h.engine().quarantine().count("accounts"));
    }
  }

  @Test
  void ambiguousMatchesAreQuarantinedInsteadOfPickedAtRandom() {
    try (Harness h = new Harness()) {
      h.crm.userPut(EntityTypes.ACCOUNT, null, account("DUP1", "First copy"));
      h.crm.userPut(EntityTypes.ACCOUNT, null, account("DUP1", "Second copy"));
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("DUP1", "The ERP one"));
      h.flow(b -> b.rightToLeft(false));
      RunReport report = h.run();
      assertEquals(0, report.from(ERP).created());
      assertEquals(1, report.quarantined());
      assertEquals("AMBIGUOUS_MATCH", h.engine().quarantine().list("accounts", 0, 1).get(0).error().code());
      assertEquals(2, h.crmAccounts().size(), "no third copy created");
    }
  }

  @Test
  void transientFailuresAreRetriedWithoutLossOrDuplicates() {
    try (Harness h = new Harness()) {
      h.crm.seed(11).transientRecordFailures(0.3).transientBatchFailures(0.2).lostResponses(0.2);
      for (int i = 0; i < 200; i++) {
        h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("T%03d", i), "Account " + i));
      }
      for (int run = 0; run < 10 && h.crmAccounts().size() < 200 || h.store.inboxSize("accounts") > 0; run++) {
        h.run();
        if (run > 8) {
          h.crm.noFaults();
        }
      }
      assertEquals(200, h.crmAccounts().size(), "no loss, no duplicate");
      assertEquals(200, h.crmAccounts().values().stream().map(a -> a.code().orElseThrow()).distinct().count());
      h.crm.noFaults();
      assertEquals(0, h.run().writes());
    }
  }

  @Test
  void anExhaustedBudgetStopsCleanlyAndTheNextRunResumes() {
    try (Harness h = new Harness().flow(b -> b.leftToRight(true).rightToLeft(false))) {
      for (int i = 0; i < 120; i++) {
        h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("B%03d", i), "Account " + i));
      }
      h.crm.budget(2);
      RunReport first = h.run();
      assertEquals(RunReport.Status.BUDGET_EXHAUSTED, first.status());
      assertTrue(h.crmAccounts().size() < 120);
      h.crm.budget(Long.MAX_VALUE);
      RunReport second = h.run();
      assertEquals(RunReport.Status.COMPLETED, second.status());
      assertEquals(120, h.crmAccounts().size());
      assertEquals(120, h.crmAccounts().values().stream().map(a -> a.code().orElseThrow()).distinct().count());
    }
  }

  @Test
  void aDryRunPlansWithoutWritingAnything() {
    try (Harness h = new Harness()) {
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("ABAP01", "Abacus").toBuilder().phone("0161").build());
      h.crm.userPut(EntityTypes.ACCOUNT, null, account("BRIG02", "Brighton"));
      DryRunReport plan = h.engine().dryRun("accounts");
      assertEquals(2, plan.writes().size());
      PlannedWrite toCrm = plan.writes().stream().filter(w -> w.direction().to().equals(CRM)).findFirst().orElseThrow();
      assertEquals(PlannedWrite.Operation.CREATE, toCrm.operation());
      assertEquals(Optional.of("0161"), toCrm.fields().get("phone").after());
      assertEquals(0, h.erp.writeCalls() + h.crm.writeCalls(), "nothing written to the systems");
      assertEquals(0, h.store.inboxSize("accounts"), "nothing written to the state store");
      assertTrue(h.store.watermark("accounts", "changes:left").isEmpty());
      RunReport real = h.run();
      assertEquals(2, real.writes());
    }
  }

  @Test
  void aSwitchedOffDirectionNeitherReadsNorWrites() {
    try (Harness h = new Harness().flow(b -> b.rightToLeft(false))) {
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("E1", "Erp"));
      h.crm.userPut(EntityTypes.ACCOUNT, null, account("C1", "Crm"));
      RunReport report = h.run();
      assertEquals(1, report.from(ERP).created());
      assertEquals(1, h.erpAccounts().size(), "the CRM-only account did not move");
      assertEquals(0, h.erp.writeCalls());
    }
    try (Harness h = new Harness().flow(b -> b.rightToLeft(false).leftToRight(false).matchOn())) {
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("E1", "Erp"));
      h.run();
      assertEquals(0, h.erp.readCalls() + h.crm.readCalls() + h.erp.writeCalls() + h.crm.writeCalls(), "a flow switched off does nothing");
    }
  }

  @Test
  void createConditionsKeepIneligibleRecordsOnTheirSide() {
    try (Harness h = new Harness().flow(b -> b.createWhen(CRM, a -> a.role() == AccountRole.CUSTOMER))) {
      String p = h.crm.userPut(EntityTypes.ACCOUNT, null, prospect("Maybe Ltd"));
      RunReport report = h.run();
      assertEquals(0, report.from(CRM).created());
      assertTrue(h.erpAccounts().isEmpty());
      h.crm.userPut(EntityTypes.ACCOUNT, p, prospect("Maybe Ltd").toBuilder().role(AccountRole.CUSTOMER).build());
      assertEquals(1, h.run().from(CRM).created(), "becomes eligible once a customer");
    }
  }

  @Test
  void valuesTheTargetAssignsComeBackToTheSourceInTheSameRun() {
    try (Harness h = new Harness()) {
      // the ERP assigns account codes on save, as Exchequer does
      h.erp.onWrite(EntityTypes.ACCOUNT, (old, incoming) -> incoming.code().isPresent() ? incoming
          : incoming.toBuilder().code("GEN" + incoming.name().substring(0, 3).toUpperCase()).build());
      String crmId = h.crm.userPut(EntityTypes.ACCOUNT, null, account("X", "placeholder").toBuilder().code(Optional.empty()).name("Newco").build());
      RunReport report = h.run();
      assertEquals(1, report.from(CRM).created());
      assertEquals(Optional.of("GENNEW"), h.crm.get(EntityTypes.ACCOUNT, crmId).orElseThrow().code(), "the ERP's code is written back");
      assertEquals(0, h.run().writes(), "nothing left for the next run");
    }
  }

  @Test
  void manyChangesOnOneTimestampAcrossPagesAreNeitherLostNorStuck() {
    try (Harness h = new Harness().flow(b -> b.batchSize(37).rightToLeft(false))) {
      h.erp.freezeTime(h.clock.instant());
      for (int i = 0; i < 500; i++) {
        h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("S%04d", i), "Same time " + i));
      }
      RunReport report = h.run();
      assertEquals(RunReport.Status.COMPLETED, report.status());
      assertEquals(500, report.from(ERP).read());
      assertEquals(500, h.crmAccounts().size());
      // more changes on the very same timestamp after the watermark
      for (int i = 500; i < 520; i++) {
        h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("S%04d", i), "Same time " + i));
      }
      RunReport next = h.run();
      assertEquals(20, next.from(ERP).read(), "only the new changes are read");
      assertEquals(520, h.crmAccounts().size());
      assertEquals(0, h.run().from(ERP).read());
    }
  }

  @Test
  void twoEnginesOnOneStoreNeverRunTheSameFlowAtOnce() {
    try (Harness h = new Harness()) {
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("A1", "One"));
      SyncEngine other = SyncEngine.builder().connector(h.erp.connector()).connector(h.crm.connector())
          .stateStore(new Harness.UnclosableStore(h.store)).flow(h.buildFlow()).clock(h.clock).nodeId("other").build();
      var lease = h.store.acquireLease("accounts", "other", Duration.ofMinutes(5)).orElseThrow();
      assertEquals(RunReport.Status.LEASE_UNAVAILABLE, h.run().status());
      assertTrue(h.crmAccounts().isEmpty());
      h.store.releaseLease(lease);
      assertEquals(RunReport.Status.COMPLETED, other.runOnce("accounts").status());
      assertEquals(1, h.crmAccounts().size());
      other.close();
    }
  }

  @Test
  void configurationErrorsNameTheProblem() {
    try (Harness h = new Harness()) {
      ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> SyncEngine.builder().connector(h.erp.connector())
          .stateStore(h.store).flow(h.buildFlow()).build());
      assertTrue(unknown.getMessage().contains("'crm'"), unknown.getMessage());
      ConfigurationException policy = assertThrows(ConfigurationException.class, () -> Flow.builder("x", EntityTypes.ACCOUNT)
          .between(ERP, CRM).field("phone", FieldPolicy.ownedBy("salesforce")).build());
      assertTrue(policy.getMessage().contains("field.phone") && policy.getMessage().contains("'salesforce'"), policy.getMessage());
      assertThrows(ConfigurationException.class, () -> h.engine().runOnce("nope"));
    }
  }

  @Test
  void listenersSeeProgressAndTotals() {
    try (Harness h = new Harness()) {
      for (int i = 0; i < 120; i++) {
        h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("L%03d", i), "Account " + i));
      }
      List<Progress> progress = new java.util.ArrayList<>();
      List<RunReport> finished = new java.util.ArrayList<>();
      SyncEngine engine = SyncEngine.builder().connector(h.erp.connector()).connector(h.crm.connector()).stateStore(h.store)
          .flow(h.buildFlow()).clock(h.clock).listener(new SyncListener() {
            @Override
            public void progress(Progress p) {
              progress.add(p);
            }

            @Override
            public void runFinished(RunReport report) {
              finished.add(report);
            }
          }).build();
      engine.runOnce("accounts");
      assertTrue(progress.stream().anyMatch(p -> p.phase() == Progress.Phase.CAPTURE && p.connector().equals(Optional.of(ERP))));
      Progress lastWrite = progress.stream().filter(p -> p.phase() == Progress.Phase.WRITE).reduce((a, b) -> b).orElseThrow();
      assertEquals(lastWrite.total(), Optional.of(lastWrite.done()));
      assertEquals(1, finished.size());
      assertEquals(120, finished.get(0).from(ERP).created());
    }
  }

  @Test
  void scheduledRunsNeverOverlapAndStopIsGraceful() throws Exception {
    try (Harness h = new Harness()) {
      for (int i = 0; i < 50; i++) {
        h.erp.userPut(EntityTypes.ACCOUNT, null, account(String.format("P%03d", i), "Account " + i));
      }
      java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
      SyncEngine engine = SyncEngine.builder().connector(h.erp.connector()).connector(h.crm.connector()).stateStore(new Harness.UnclosableStore(h.store))
          .flow(Flow.builder("accounts", EntityTypes.ACCOUNT).between(ERP, CRM).runEvery(Duration.ofMillis(5)).build())
          .listener(new SyncListener() {
            @Override
            public void runStarted(String flow) {
              if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              runs.incrementAndGet();
            }

            @Override
            public void runFinished(RunReport report) {
              running.decrementAndGet();
            }
          }).build();
      engine.start();
      long deadline = System.currentTimeMillis() + 5_000;
      while (runs.get() < 10 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
        // a concurrent on-demand run must wait its turn, never overlap
        engine.runOnce("accounts");
      }
      engine.stop(Duration.ofSeconds(10));
      assertTrue(runs.get() >= 10, "the scheduler ran the flow repeatedly");
      assertEquals(0, overlaps.get(), "no two runs of the flow at once");
      assertEquals(50, h.crmAccounts().size());
      assertEquals(RunReport.Status.STOPPED, engine.runOnce("accounts").status(), "a stopped engine starts no runs");
    }
  }

  @Test
  void invalidRecordsFromAReaderAreQuarantinedAndTheRestSyncs() {
    try (Harness h = new Harness()) {
      h.erp.userPut(EntityTypes.ACCOUNT, null, account("G1", "Good"));
      String broken = h.erp.userPut(EntityTypes.ACCOUNT, null, account("X1", "Broken"));
      h.erp.corrupt(EntityTypes.ACCOUNT, broken, "acCreditLimit", "not a number: 'abc'");
      RunReport report = h.run();
      assertEquals(1, report.from(ERP).created());
      assertEquals(1, report.from(ERP).failed());
      QuarantinedRecord q = h.engine().quarantine().list("accounts", 0, 1).get(0);
      assertEquals(broken, q.sourceId());
      assertEquals(Optional.of("acCreditLimit"), q.error().field());
      // fixed in the source: a retry re-reads it
      h.erp.uncorrupt(EntityTypes.ACCOUNT, broken);
      h.engine().quarantine().retry("accounts", ERP, broken);
      assertEquals(1, h.run().from(ERP).created());
      assertEquals(2, h.crmAccounts().size());
      Map<String, Account> erp = h.erpAccounts();
      assertEquals(2, erp.size());
    }
  }

  @Test
  void resyncRestagesRecordsFromTheirSource() {
    try (Harness h = new Harness().flow(b -> b.createWhen(ERP, a -> a.phone().isPresent()))) {
      String id = h.erp.userPut(EntityTypes.ACCOUNT, null, account("R1", "Later"));
      assertEquals(0, h.run().writes(), "not eligible yet");
      // an id that no longer exists is staged as a delete
      assertEquals(2, h.engine().resync("accounts", ERP, List.of(id, "E-GONE")));
      assertEquals(0, h.run().writes(), "still not eligible: the condition is on the record");
      assertThrows(ConfigurationException.class, () -> h.engine().resync("accounts", "nope", List.of(id)));
    }
    try (Harness h = new Harness().flow(b -> b.createWhen(ERP, a -> a.phone().isPresent()))) {
      String id = h.erp.userPut(EntityTypes.ACCOUNT, null, account("R1", "Later"));
      h.run();
      h.flow(b -> b); // the condition is lifted by configuration: the record did not change
      assertEquals(1, h.engine().resync("accounts", ERP, List.of(id)));
      assertEquals(1, h.run().from(ERP).created());
      assertTrue(h.crmByCode("R1").isPresent());
    }
  }

  @Test
  void aSourceThatLostItsDeleteHistoryIsReconciledByKeySets() {
    try (Harness h = new Harness().flow(b -> b.deletes(DeletePolicy.propagate()))) {
      String keep = h.erp.userPut(EntityTypes.ACCOUNT, null, account("K1", "Kept"));
      String gone = h.erp.userPut(EntityTypes.ACCOUNT, null, account("G1", "Gone"));
      h.run();
      h.erp.userDelete(EntityTypes.ACCOUNT, gone);
      h.erp.userPut(EntityTypes.ACCOUNT, keep, account("K1", "Kept and edited"));
      h.erp.loseHistory(); // the delete is no longer reported by the change stream
      RunReport report = h.run();
      assertEquals(RunReport.Status.COMPLETED, report.status(), report.detail().orElse(""));
      assertTrue(h.crmByCode("G1").isEmpty(), "the reconciliation found the delete");
      assertEquals("Kept and edited", h.crmByCode("K1").orElseThrow().name(), "reading resumed after reconciling");
      assertEquals(0, h.run().writes());
    }
  }
}
