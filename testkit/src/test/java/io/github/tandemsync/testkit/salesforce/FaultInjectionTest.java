package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded faults: 503, row locks, connection resets before and after applying, latency. */
class FaultInjectionTest extends SandboxFixture {
  private static final long FAULT_SEED = 7L;

  private List<String> run(SalesforceSandbox sandbox, SfHttp client) {
    sandbox.faults(FaultPlan.builder().seed(FAULT_SEED).serverUnavailableRate(0.2).lockRowRate(0.2).connectionResetRate(0.2).build());
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      try {
        SfHttp.Response response = client.post("/sobjects/Account", SfHttp.object("Name", "n" + i));
        outcomes.add(response.status() + (response.status() >= 400 ? " " + response.errorCode() : ""));
      } catch (UncheckedIOException e) {
        outcomes.add("reset");
      }
    }
    sandbox.faults(FaultPlan.none());
    return outcomes;
  }

  @Test
  void faultsAreReproducibleForAFixedSeed() {
    System.out.println("fault seed: " + FAULT_SEED);
    List<String> first = run(sf, http);
    try (SalesforceSandbox other = SalesforceSandbox.builder().seed(42).clock(clock).build().start()) {
      List<String> second = run(other, SfHttp.login(other));
      assertEquals(first, second);
    }
    assertTrue(first.contains("503 SERVER_UNAVAILABLE"), first.toString());
    assertTrue(first.contains("400 UNABLE_TO_LOCK_ROW"), first.toString());
    assertTrue(first.contains("reset"), first.toString());
    assertTrue(first.contains("201"), first.toString());
  }

  @Test
  void aResetAfterProcessingLosesTheResponseButKeepsTheRecord() {
    sf.faults(FaultPlan.builder().connectionResetRate(1.0).resetTiming(FaultPlan.ResetTiming.AFTER_PROCESSING).build());
    assertThrows(UncheckedIOException.class, () -> http.post("/sobjects/Account", SfHttp.object("Name", "duplicate trap")));
    sf.faults(FaultPlan.none());
    assertEquals(1, sf.data().list("Account").size(), "the create was applied although no response came back");
    ApiCall call = sf.usage().calls(c -> c.kind() == ResourceKind.SOBJECTS).get(0);
    assertEquals(0, call.status());
    assertTrue(call.counted());

    sf.faults(FaultPlan.builder().connectionResetRate(1.0).resetTiming(FaultPlan.ResetTiming.BEFORE_PROCESSING).build());
    assertThrows(UncheckedIOException.class, () -> http.post("/sobjects/Account", SfHttp.object("Name", "dropped")));
    sf.faults(FaultPlan.none());
    assertEquals(1, sf.data().list("Account").size(), "a request reset before processing changed nothing");
  }

  @Test
  void rowLocksFailSingleRecordsInsideCollections() {
    sf.faults(FaultPlan.builder().seed(3).lockRowRate(0.5).build());
    ObjectNode body = SfHttp.object("allOrNone", false);
    ArrayNode records = body.putArray("records");
    for (int i = 0; i < 20; i++) {
      ObjectNode record = records.addObject();
      record.putObject("attributes").put("type", "Account");
      record.put("Name", "n" + i);
    }
    SfHttp.Response response = http.post("/composite/sobjects", body);
    sf.faults(FaultPlan.none());
    assertEquals(200, response.status());
    int locked = 0;
    int ok = 0;
    for (JsonNode result : response.json()) {
      if (result.get("success").asBoolean()) {
        ok++;
      } else {
        assertEquals("UNABLE_TO_LOCK_ROW", result.get("errors").get(0).get("statusCode").asText());
        locked++;
      }
    }
    assertTrue(locked > 0 && ok > 0, locked + " locked, " + ok + " ok");
    assertEquals(ok, sf.data().list("Account").size(), "the other records succeeded");
  }

  @Test
  void latencyAndTheTokenEndpoint() {
    sf.faults(FaultPlan.builder().latency(Duration.ofMillis(150)).serverUnavailableRate(1.0).build());
    SfHttp.Response token = http.form("/services/oauth2/token",
        "grant_type=client_credentials&client_id=test-client&client_secret=test-secret");
    assertEquals(200, token.status(), "the token endpoint is spared unless asked");
    long start = System.nanoTime();
    SfHttp.Response unavailable = http.get("/limits/");
    assertEquals(503, unavailable.status());
    assertEquals("SERVER_UNAVAILABLE", unavailable.errorCode());
    sf.faults(FaultPlan.builder().latency(Duration.ofMillis(150)).build());
    http.get("/limits/");
    assertTrue(System.nanoTime() - start >= 150_000_000L, "latency was added");
    sf.faults(FaultPlan.none());
    assertThrows(IllegalArgumentException.class, () -> FaultPlan.builder().lockRowRate(1.5));
  }
}
