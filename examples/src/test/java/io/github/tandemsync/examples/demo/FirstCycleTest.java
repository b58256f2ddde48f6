package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.IntegrationSettings;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The initial sync of the demo company: every record lands, and a cycle right after has nothing to do. */
class FirstCycleTest {

  @Test
  void aFirstCycleSyncsTheDemoCompanyAndASecondWritesNothing() {
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC());
        ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.builder()
            .exchequer(systems.exchequerConnector())
            .salesforce(systems.salesforceConnector())
            .settings(IntegrationSettings.builder().build())
            .stateStore(StateStores.inMemory())
            .build()) {
      CycleReport first = integration.runOnce();
      assertTrue(first.completed(), () -> first.runs().toString());
      List<String> failures = first.failures().stream().map(f -> f.describe()).toList();
      assertEquals(List.of(), failures, "the demo company's data all fits Salesforce");
      assertTrue(first.writes() > 1_000, "the initial sync wrote " + first.writes());

      CycleReport second = integration.runOnce();
      assertEquals(0, second.writes(), () -> second.runs().stream().filter(r -> r.writes() > 0)
          .map(r -> r.flow() + " " + r.directions() + " " + r.conflicts()).toList().toString());
      assertEquals(0, second.failures().size(), () -> second.failures().toString());
    }
  }
}
