package io.github.tandemsync.salesforce.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.BudgetExhaustedException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.salesforce.ApiBudget;
import io.github.tandemsync.salesforce.SalesforceAuth;
import io.github.tandemsync.salesforce.SalesforceMetadata;
import io.github.tandemsync.testkit.salesforce.FaultPlan;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.SalesforceSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transport's retry rules against the sandbox's fault injection. */
class TransportSandboxTest {

  private static RestApi rest(SalesforceSandbox sandbox, ApiBudget budget) {
    Clock clock = Clock.systemUTC();
    ApiMeter meter = new ApiMeter(budget, clock);
    HttpClient http = HttpClient.newHttpClient();
    TokenService tokens = new TokenService(SalesforceAuth.clientCredentials("app", "secret"), URI.create(sandbox.baseUrl()), http,
        Duration.ofSeconds(10), meter, clock, Duration.ofMillis(1));
    return new RestApi(new Transport(http, tokens, meter, "v66.0", "tandem-t", Duration.ofSeconds(10), 4, Duration.ofMillis(1),
        Duration.ofMillis(5), clock));
  }

  private static SalesforceSandbox sandbox(long seed, long limit) {
    System.out.println("seed=" + seed);
    SalesforceSandbox s = SalesforceSandbox.builder().seed(seed).dailyApiLimit(limit).deployMetadata(SalesforceMetadata.sourceDirectory())
        .build().start();
    s.registerClientCredentials("app", "secret", "integration@t.example");
    return s;
  }

  private static List<ObjectNode> accounts(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> Json.object().put("Name", "T" + i).put("ERP_Id__c", "C-T" + i)).toList();
  }

  @Test
  void aCreateWhoseResponseIsLostIsNeverReplayed() {
    try (SalesforceSandbox s = sandbox(1L, 15_000)) {
      RestApi api = rest(s, ApiBudget.unlimited());
      s.faults(FaultPlan.builder().seed(1).connectionResetRate(1.0).resetTiming(FaultPlan.ResetTiming.AFTER_PROCESSING)
          .onlyFor(ResourceKind.COLLECTIONS).build());
      assertThrows(OutcomeUnknownException.class, () -> api.createCollection("Account", accounts(3), "account"));
      s.faults(FaultPlan.none());
      assertEquals(3, s.data().list("Account").size(), "applied once, not replayed");
    }
  }

  @Test
  void anUpsertWhoseResponseIsLostIsReplayedSafely() {
    try (SalesforceSandbox s = sandbox(2L, 15_000)) {
      RestApi api = rest(s, ApiBudget.unlimited());
      s.faults(FaultPlan.builder().seed(2).connectionResetRate(0.5).resetTiming(FaultPlan.ResetTiming.AFTER_PROCESSING)
          .onlyFor(ResourceKind.COLLECTIONS).build());
      ApiResponse r = api.upsertCollection("Account", "ERP_Id__c", accounts(3), "account");
      assertTrue(r.isSuccess());
      s.faults(FaultPlan.none());
      assertEquals(3, s.data().list("Account").size());
    }
  }

  @Test
  void serverUnavailableIsRetriedABoundedNumberOfTimes() {
    try (SalesforceSandbox s = sandbox(3L, 15_000)) {
      RestApi api = rest(s, ApiBudget.unlimited());
      s.faults(FaultPlan.builder().seed(3).serverUnavailableRate(1.0).onlyFor(ResourceKind.QUERY).build());
      assertThrows(RetryableException.class, () -> api.queryAllRows("SELECT Id FROM Account", "account"));
      assertEquals(4, s.usage().calls(c -> c.kind() == ResourceKind.QUERY).size(), "four attempts, then give up");
    }
  }

  @Test
  void lockedRowsAreRetryableOutcomesNotExceptions() {
    try (SalesforceSandbox s = sandbox(4L, 15_000)) {
      RestApi api = rest(s, ApiBudget.unlimited());
      s.faults(FaultPlan.builder().seed(4).lockRowRate(1.0).onlyFor(ResourceKind.COLLECTIONS).build());
      ApiResponse r = api.upsertCollection("Account", "ERP_Id__c", accounts(2), "account");
      assertTrue(r.isSuccess(), "a collection call answers 200 with failures inside");
      ApiError e = ApiError.listFrom(r.json().path(0)).get(0);
      assertEquals("UNABLE_TO_LOCK_ROW", e.code());
      assertTrue(e.isRetryable());
    }
  }

  @Test
  void requestLimitExceededIsBudgetExhaustionAndNotRetried() {
    try (SalesforceSandbox s = sandbox(5L, 5)) {
      RestApi other = rest(s, ApiBudget.unlimited());
      // Another integration uses the allocation up; this meter stops itself at the limit.
      assertThrows(BudgetExhaustedException.class, () -> {
        for (int i = 0; i < 20; i++) {
          other.queryAllRows("SELECT Id FROM Account", "account");
        }
      });
      assertEquals(0, s.usage().calls(c -> c.status() == 403).size());
      RestApi api = rest(s, ApiBudget.unlimited());
      BudgetExhaustedException e = assertThrows(BudgetExhaustedException.class, () -> api.queryAllRows("SELECT Id FROM Account", "account"));
      assertTrue(e.getMessage().contains("REQUEST_LIMIT_EXCEEDED"), e.getMessage());
      assertTrue(e.retryAfter().isPresent());
      assertEquals(1, s.usage().calls(c -> c.status() == 403).size(), "no retry loop on the limit");
      assertThrows(BudgetExhaustedException.class, () -> api.queryAllRows("SELECT Id FROM Account", "account"));
      assertEquals(1, s.usage().calls(c -> c.status() == 403).size(), "later calls stop before reaching Salesforce");
    }
  }
}
