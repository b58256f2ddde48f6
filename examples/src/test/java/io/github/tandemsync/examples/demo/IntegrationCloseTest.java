package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.IntegrationSettings;
import io.github.tandemsync.integration.SyncCapability;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing the integration in the middle of a cycle stops it after the batch in hand instead of waiting for the whole cycle. */
class IntegrationCloseTest {

  @Test
  void closeDuringACycleSkipsTheRestOfIt() throws Exception {
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC())) {
      ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.builder()
          .exchequer(systems.exchequerConnector())
          .salesforce(systems.salesforceConnector())
          .settings(IntegrationSettings.builder().batchSize(50).build())
          .stateStore(StateStores.inMemory())
          .build();
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
    }
  }
}
