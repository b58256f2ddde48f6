package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.RunReport;
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
        ExchequerSalesforceIntegration integration = systems.integration(Clock.systemUTC()).settings(IntegrationSettings.builder().build()).build()) {
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

  @Test
  void aProductKeyedInByHandBeforeGoLiveIsLinkedNotDuplicated() {
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC())) {
      String code = systems.exchequer().query().rows("SELECT TOP 1 stCode FROM [" + SandboxSystems.COMPANY
          + "].[STOCK] WHERE stType = 'P' ORDER BY stCode").get(0).get("stCode").toString().strip();
      String handMade = systems.salesforce().data().insert("Product2", java.util.Map.of("Name", "typed in by hand", "ProductCode", code,
          "IsActive", true));
      try (ExchequerSalesforceIntegration integration = systems.integration(Clock.systemUTC()).settings(IntegrationSettings.builder().build()).build()) {
        assertTrue(integration.runOnce().completed());
      }
      List<String> withCode = systems.salesforce().data().list("Product2").stream()
          .filter(p -> p.string("ProductCode").orElse("").equals(code)).map(p -> p.id()).toList();
      assertEquals(List.of(handMade), withCode, "one Salesforce product for " + code + ": the one typed in by hand");
      assertEquals(Optional.of(code), systems.salesforce().data().find(handMade).orElseThrow().string("ERP_Id__c"), "now keyed by its ERP code");
    }
  }

  @Test
  void suppliersReachSalesforceOnlyWhenSwitchedOn() {
    for (boolean suppliers : new boolean[] {false, true}) {
      try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC());
          ExchequerSalesforceIntegration integration = systems.integration(Clock.systemUTC()).settings(IntegrationSettings.builder().suppliers(suppliers).build()).build()) {
        CycleReport cycle = integration.runOnce();
        assertTrue(cycle.completed(), () -> cycle.runs().toString());
        long inExchequer = systems.exchequer().query().rows("SELECT acCode FROM [" + SandboxSystems.COMPANY
            + "].[CUSTSUPP] WHERE acCustSupp = 'S'").size();
        long inSalesforce = systems.salesforce().data().list("Account").stream()
            .filter(a -> a.string("ERP_Id__c").orElse("").startsWith("S-")).count();
        assertTrue(inExchequer >= 10, "the demo company has suppliers");
        assertEquals(suppliers ? inExchequer : 0, inSalesforce, "suppliers " + (suppliers ? "on" : "off"));
      }
    }
  }
}
