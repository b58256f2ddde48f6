package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.RunReport;
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

/** Closing the integration in the middle of a cycle stops it after the batch in hand instead of waiting for the whole cycle. */
class IntegrationCloseTest {

  private static ExchequerSalesforceIntegration integration(SandboxSystems systems, Path state) {
    return ExchequerSalesforceIntegration.builder()
        .exchequer(systems.exchequerConnector())
        .salesforce(systems.salesforceConnector())
        .settings(IntegrationSettings.builder().batchSize(50).build())
        .stateStore(StateStores.sqlite(state))
        .build();
  }

  @Test
  void closeDuringACycleSkipsTheRestOfItAndFreesTheCycle(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("tandem-state.db");
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC())) {
      ExchequerSalesforceIntegration integration = integration(systems, state);
      CompletableFuture<CycleReport> cycle = CompletableFuture.supplyAsync(integration::runOnce);
      // wait until the initial sync is under way (the price books hold 1,854 entries: many batches)
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (systems.salesforce().data().list("PricebookEntry").size() < 100 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      integration.close();
      CycleReport report = cycle.get(60, TimeUnit.SECONDS);
      assertFalse(report.completed(), "the cycle was cut short");
      assertTrue(report.runs().stream().anyMatch(r -> r.status() == RunReport.Status.STOPPED), () -> report.runs().toString());
      assertTrue(report.runs().stream().noneMatch(r -> r.flow().equals(SyncCapability.BALANCES.flowName())
          && r.status() == RunReport.Status.COMPLETED), "the flows after the stop did not run");
      assertTrue(report.notRun().contains(SyncCapability.BALANCES.flowName()), () -> report.notRun().toString());

      // restarted (a new node id, as by default): the cycle lease was given up, so it runs at once
      try (ExchequerSalesforceIntegration restarted = integration(systems, state)) {
        CycleReport resumed = restarted.runOnce();
        assertFalse(resumed.runs().isEmpty(), "the restarted node runs the cycle");
        assertTrue(resumed.completed(), () -> resumed.runs().toString());
      }
    }
  }
}
