package io.github.tandemsync.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.BudgetExhaustedException;
import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorProvider;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.testkit.salesforce.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConnectorLifecycleTest {

  @Test
  void aHiddenFieldFailsStartNamingObjectAndField() {
    try (SandboxFixture f = new SandboxFixture(7L)) {
      f.sandbox.hideField("Account", "ERP_Credit_Limit__c");
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> f.started(f.connector().entities(EntityTypes.ACCOUNT)));
      assertTrue(e.getMessage().contains("Account.ERP_Credit_Limit__c"), e.getMessage());
    }
  }

  @Test
  void customizerFieldsAreDescribedSelectedAndWritten() {
    try (SandboxFixture f = new SandboxFixture(8L)) {
      MappingCustomizer<Account> region = new MappingCustomizer<>() {
        @Override
        public void beforeWrite(Account value, io.github.tandemsync.core.spi.NativeRecord target) {
          target.put("Region__c", "North");
        }
      };
      ConfigurationException e = assertThrows(ConfigurationException.class,
          () -> f.started(f.connector().entities(EntityTypes.ACCOUNT).customize(EntityTypes.ACCOUNT, region, "Region__c")));
      assertTrue(e.getMessage().contains("Account.Region__c"), e.getMessage());
      // A customizer using a deployed field works, both ways.
      MappingCustomizer<Account> phoneNote = new MappingCustomizer<>() {
        @Override
        public Account afterRead(io.github.tandemsync.core.spi.NativeRecord source, Account mapped) {
          return source.text("ERP_VAT_Registration__c").map(v -> mapped.toBuilder().extension("vatCopy", v).build()).orElse(mapped);
        }
      };
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT).customize(EntityTypes.ACCOUNT, phoneNote));
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(List.of(WriteRequest.create(
          WritingTest.account(1).toBuilder().vatRegistration("GB123").build(), "k")));
      f.clock.advance(Duration.ofSeconds(5));
      ChangePage<Account> page = c.reader(EntityTypes.ACCOUNT).orElseThrow().read(Watermark.initial(), 10);
      assertEquals("GB123", page.changes().get(0).value().orElseThrow().extensions().get("vatCopy").raw());
    }
  }

  @Test
  void budgetReserveStopsWritesCleanlyAndALaterRunResumes() {
    try (SandboxFixture f = new SandboxFixture(60L, 120, false)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT)
          .budget(ApiBudget.withReserve(112).withRecheckAfter(Duration.ofMinutes(15))));
      List<WriteRequest<Account>> all = WritingTest.creates(2_000);
      int written = 0;
      BudgetExhaustedException stop = null;
      for (int i = 0; i < all.size(); i += 200) {
        try {
          c.writer(EntityTypes.ACCOUNT).orElseThrow().write(all.subList(i, i + 200));
          written = i + 200;
        } catch (BudgetExhaustedException e) {
          stop = e;
          break;
        }
      }
      assertTrue(stop != null, "the reserve stopped the run");
      assertTrue(stop.retryAfter().isPresent());
      long used = f.sandbox.usage().used();
      assertEquals(120 - 112, used, "stopped exactly at limit minus reserve");
      assertFalse(c.health().status() == Health.Status.UP);
      // A later run: the rolling window has moved on.
      f.sandbox.resetUsage();
      f.clock.advance(Duration.ofMinutes(16));
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(all.subList(written, written + 200));
      assertEquals(written + 200, f.sandbox.data().list("Account").size());
    }
  }

  @Test
  void ownDailyCapStopsBeforeTheOrgLimit() {
    try (SandboxFixture f = new SandboxFixture(61L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT).budget(ApiBudget.unlimited().withDailyCalls(40)));
      assertThrows(BudgetExhaustedException.class, () -> {
        for (int i = 0; i < 100; i++) {
          c.writer(EntityTypes.ACCOUNT).orElseThrow().write(List.of(WriteRequest.create(WritingTest.account(i), "x" + i)));
        }
      });
      assertEquals(40, c.apiUsage().ownCallsLast24h());
    }
  }

  @Test
  void healthReportsUsage() {
    try (SandboxFixture f = new SandboxFixture(62L, 100, false)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT).budget(ApiBudget.withReserve(10)));
      Health h = c.health();
      assertEquals(Health.Status.UP, h.status(), h.detail());
      assertTrue(h.detail().contains("api-usage"));
      for (int i = 0; i < 80 && f.sandbox.usage().used() < 85; i++) {
        c.writer(EntityTypes.ACCOUNT).orElseThrow().write(List.of(WriteRequest.create(WritingTest.account(i), "h" + i)));
      }
      assertEquals(Health.Status.DEGRADED, c.health().status());
      assertTrue(c.apiUsage().orgUsed().isPresent());
    }
  }

  @Test
  void twentyPercentTransientFaultsLoseNothingAndDuplicateNothing() {
    try (SandboxFixture f = new SandboxFixture(2_020L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT).queryBatchSize(200));
      f.sandbox.faults(FaultPlan.builder().seed(f.seed).serverUnavailableRate(0.08).lockRowRate(0.06).connectionResetRate(0.06)
          .resetTiming(FaultPlan.ResetTiming.EITHER).build());
      List<WriteRequest<Account>> pending = new ArrayList<>(WritingTest.creates(600));
      Map<String, String> written = new HashMap<>();
      for (int round = 0; round < 20 && !pending.isEmpty(); round++) {
        List<WriteRequest<Account>> next = new ArrayList<>();
        for (int i = 0; i < pending.size(); i += 200) {
          List<WriteRequest<Account>> batch = pending.subList(i, Math.min(pending.size(), i + 200));
          List<WriteOutcome<Account>> out;
          try {
            out = c.writer(EntityTypes.ACCOUNT).orElseThrow().write(batch);
          } catch (io.github.tandemsync.core.RetryableException e) {
            next.addAll(batch); // the engine replays a batch that failed as a whole
            continue;
          }
          for (int j = 0; j < batch.size(); j++) {
            WriteOutcome<Account> o = out.get(j);
            if (o.isSuccess()) {
              written.put(batch.get(j).idempotencyKey(), o.nativeId().orElseThrow());
            } else {
              assertTrue(o.error().orElseThrow().retryable(), "only transient failures: " + o);
              next.add(batch.get(j));
            }
          }
        }
        pending = next;
      }
      assertTrue(pending.isEmpty(), "every record written eventually");
      f.sandbox.faults(FaultPlan.none());
      var accounts = f.sandbox.data().list("Account");
      assertEquals(600, accounts.size(), "no duplicate, no loss");
      Set<String> keys = accounts.stream().map(r -> r.string("ERP_Id__c").orElseThrow()).collect(Collectors.toSet());
      assertEquals(600, keys.size());
      for (var r : accounts) {
        int i = Integer.parseInt(r.string("ERP_Id__c").orElseThrow().substring(3));
        assertEquals("Customer " + i, r.string("Name").orElseThrow());
      }
      // Reading under faults too.
      f.clock.advance(Duration.ofSeconds(5));
      f.sandbox.faults(FaultPlan.builder().seed(f.seed + 1).serverUnavailableRate(0.1).connectionResetRate(0.1).build());
      List<Change<Account>> read = ChangeReadingTest.drain(c.reader(EntityTypes.ACCOUNT).orElseThrow(), Watermark.initial(), 250,
          new ArrayList<>());
      assertEquals(600, read.stream().map(Change::nativeId).distinct().count());
      f.sandbox.faults(FaultPlan.none());
    }
  }

  @Test
  void providerBuildsFromSettingsAndNamesBadKeys() {
    ConnectorProvider provider = ServiceLoader.load(ConnectorProvider.class, getClass().getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.type().equals("salesforce")).findFirst().orElseThrow();
    try (SandboxFixture f = new SandboxFixture(63L)) {
      Map<String, String> settings = new HashMap<>(Map.of("salesforce.loginUrl", f.sandbox.baseUrl(), "salesforce.auth",
          "client-credentials", "salesforce.clientId", SandboxFixture.CLIENT_ID, "salesforce.clientSecret", SandboxFixture.CLIENT_SECRET,
          "salesforce.entities", "account,contact", "salesforce.budget.reserve", "10"));
      Connector c = provider.create("sf", settings);
      c.start(f.context());
      assertEquals("sf", c.name());
      assertTrue(c.writer(EntityTypes.CONTACT).isPresent());
      assertTrue(c.writer(EntityTypes.ORDER).isEmpty());
      Map<String, String> typo = new HashMap<>(settings);
      typo.put("salesforce.bulkTreshold", "5");
      assertTrue(assertThrows(ConfigurationException.class, () -> provider.create("sf", typo)).getMessage().contains("salesforce.bulkTreshold"));
      Map<String, String> badAuth = new HashMap<>(settings);
      badAuth.put("salesforce.auth", "magic");
      assertTrue(assertThrows(ConfigurationException.class, () -> provider.create("sf", badAuth)).getMessage().contains("salesforce.auth"));
      Map<String, String> missing = new HashMap<>(settings);
      missing.remove("salesforce.clientSecret");
      assertTrue(assertThrows(ConfigurationException.class, () -> provider.create("sf", missing)).getMessage().contains("salesforce.clientSecret"));
      Map<String, String> badNumber = new HashMap<>(settings);
      badNumber.put("salesforce.budget.reserve", "lots");
      assertTrue(assertThrows(ConfigurationException.class, () -> provider.create("sf", badNumber)).getMessage().contains("salesforce.budget.reserve"));
    }
  }
}
