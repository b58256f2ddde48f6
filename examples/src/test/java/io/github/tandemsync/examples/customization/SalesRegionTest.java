package io.github.tandemsync.examples.customization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.examples.demo.SandboxSystems;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.FlowDirection;
import io.github.tandemsync.integration.IntegrationSettings;
import io.github.tandemsync.integration.SyncCapability;
import io.github.tandemsync.testkit.salesforce.SandboxRecord;
import java.net.URISyntaxException;
import java.nio.file.Path;
import io.github.tandemsync.examples.demo.DemoClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The worked bespoke-field example, both ways, against the two sandboxes. */
class SalesRegionTest {

  @Test
  void theSalesRegionTravelsBothWays() throws URISyntaxException {
    Path bespoke = Path.of(SalesRegion.class.getResource("/bespoke-metadata").toURI()).resolve("force-app/main/default");
    IntegrationSettings.Builder settings = IntegrationSettings.builder();
    for (SyncCapability c : SyncCapability.values()) {
      settings.direction(c, c == SyncCapability.ACCOUNTS ? FlowDirection.BOTH : FlowDirection.OFF);
    }
    DemoClock clock = new DemoClock();
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), clock, bespoke)) {
      String code = new io.github.tandemsync.examples.demo.DemoScript(systems, clock).customerCode(0);
      systems.exchequer().toolkit().accounts().update(code, Map.of("acUserDef1", "North West")).orThrow();
      try (ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.builder()
          .exchequer(SalesRegion.onExchequer(systems.exchequerConnector()))
          .salesforce(SalesRegion.onSalesforce(systems.salesforceConnector()))
          .settings(settings.build())
          .stateStore(StateStores.inMemory())
          .clock(clock)
          .build()) {
        CycleReport first = integration.runOnce();
        assertTrue(first.completed(), () -> first.runs().toString());
        SandboxRecord account = systems.salesforce().data().list("Account").stream()
            .filter(a -> a.string("ERP_Id__c").orElse("").equals("C-" + code)).findFirst().orElseThrow();
        assertEquals(Optional.of("North West"), account.string("Region__c"), "Exchequer's user field reached Salesforce");

        systems.salesforce().data().update(account.id(), Map.of("Region__c", "Scotland"));
        clock.advance(Duration.ofSeconds(5)); // Salesforce's clock only has whole seconds: sync a little later
        CycleReport second = integration.runOnce();
        assertTrue(second.completed(), () -> second.runs().toString());
        assertEquals("Scotland", systems.exchequer().query().account(code).orElseThrow().get("acUserDef1").toString().strip(),
            "a rep's change reached Exchequer's user field");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(0, integration.runOnce().writes(), "and stays put");
      }
    }
  }
}
