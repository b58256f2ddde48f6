package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.IntegrationSettings;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirstCycleTest {

  @Test
  void aFirstCycleSyncsTheDemoCompanyAndASecondWritesNothing() {
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC());
        ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.builder()
            .exchequer(systems.exchequerConnector())
            .salesforce(systems.salesforceConnector())
            .settings(IntegrationSettings.builder().priceCurrencies(java.util.Set.of("GBP")).build())
            .stateStore(StateStores.inMemory())
            .build()) {
      CycleReport first = integration.runOnce();
      for (RunReport r : first.runs()) {
        System.err.println(r.flow() + " " + r.status() + " " + r.detail().orElse("") + " " + r.directions() + " q=" + r.quarantined());
        r.failures().stream().limit(3).forEach(f -> System.err.println("   " + f.describe()));
      }
      systems.salesforce().data().list("Account").stream().filter(r -> r.string("ERP_Id__c").orElse("").equals("C-GRLA01"))
          .forEach(r -> System.err.println("SFREC " + r.fields()));
      assertTrue(first.completed());
      CycleReport second = integration.runOnce();
      for (RunReport r : second.runs()) {
        if (r.writes() > 0) {
          System.err.println("SECOND " + r.flow() + " " + r.directions());
          r.conflicts().stream().limit(6).forEach(c -> System.err.println("   C " + c.describe()));
        }
      }
      assertEquals(0, second.writes());
    }
  }
}
