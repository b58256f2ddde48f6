package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.FieldPolicy;
import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.IntegrationSettings;
import io.github.tandemsync.integration.SyncCapability;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes sharing one state store: one runs the cycle, the other skips it rather than running
 * later flows ahead of the earlier ones they depend on (contacts before their accounts).
 */
class TwoNodesTest {

  private static ExchequerSalesforceIntegration node(SandboxSystems systems, Path state, String id) {
    return ExchequerSalesforceIntegration.builder()
        .exchequer(systems.exchequerConnector())
        .salesforce(systems.salesforceConnector())
        .settings(IntegrationSettings.builder().batchSize(50).build())
        .stateStore(StateStores.sqlite(state))
        .nodeId(id)
        .flows((capability, flow) -> {
          if (capability == SyncCapability.CONTACTS) {
            flow.field("firstName", FieldPolicy.lastWriterWins(ExchequerSalesforceIntegration.SALESFORCE));
          }
        })
        .build();
  }

  @Test
  void oneNodeRunsTheCycleAtATime(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("tandem-state.db");
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC());
        ExchequerSalesforceIntegration a = node(systems, state, "node-a");
        ExchequerSalesforceIntegration b = node(systems, state, "node-b")) {
      CompletableFuture<CycleReport> first = CompletableFuture.supplyAsync(a::runOnce);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (systems.salesforce().data().list("PricebookEntry").size() < 100 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      CycleReport skipped = b.runOnce();
      assertTrue(skipped.runs().isEmpty(), () -> "node b ran flows while node a was in its cycle: " + skipped.runs());
      CycleReport done = first.get(120, TimeUnit.SECONDS);
      assertTrue(done.completed(), () -> done.runs().toString());
      assertEquals(0, done.failures().size(), () -> done.failures().toString());

      CycleReport next = b.runOnce();
      assertFalse(next.runs().isEmpty(), "with the cycle free, node b runs it");
      assertEquals(0, next.writes(), () -> "and finds node a's work done: " + next.runs().stream().filter(r -> r.writes() > 0).toList());

      Flow<?> contacts = b.engine().flows().stream().filter(f -> f.name().equals("contacts")).findFirst().orElseThrow();
      assertEquals(FieldPolicy.lastWriterWins(ExchequerSalesforceIntegration.SALESFORCE), contacts.policyFor("firstName"),
          "flows(...) adjusted the flow after the defaults");
    }
  }
}
