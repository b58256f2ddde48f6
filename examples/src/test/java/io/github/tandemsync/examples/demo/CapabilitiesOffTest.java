package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.FlowDirection;
import io.github.tandemsync.integration.IntegrationSettings;
import io.github.tandemsync.integration.SyncCapability;
import io.github.tandemsync.testkit.salesforce.ApiCall;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A capability switched off is really off: no flow, no read, no write, no call for it. */
class CapabilitiesOffTest {
  private static final Pattern SOBJECT = Pattern.compile("/sobjects/([A-Za-z0-9_]+)");
  private static final Pattern FROM = Pattern.compile("(?i)\\bFROM\\s+([A-Za-z0-9_]+)");

  @Test
  void withOnlyGlAccountsOnNothingElseIsReadOrWritten() {
    IntegrationSettings.Builder settings = IntegrationSettings.builder();
    for (SyncCapability c : SyncCapability.values()) {
      settings.direction(c, c == SyncCapability.GL_ACCOUNTS ? FlowDirection.ERP_TO_CRM : FlowDirection.OFF);
    }
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC());
        ExchequerSalesforceIntegration integration = systems.integration(Clock.systemUTC()).settings(settings.build()).build()) {
      int documentsBefore = systems.exchequer().query().count("DOCUMENT");
      int accountsBefore = systems.exchequer().query().count("CUSTSUPP");
      CycleReport cycle = integration.runOnce();
      assertTrue(cycle.completed());
      assertEquals(Set.of("glAccounts"), integration.engine().flows().stream().map(Flow::name).collect(java.util.stream.Collectors.toSet()));
      assertEquals(1, cycle.runs().size());
      assertTrue(systems.salesforce().data().list("ERP_GL_Account__c").size() > 10);
      Set<String> touched = objectsTouched(systems);
      assertEquals(Set.of("ERP_GL_Account__c"), touched, "Salesforce objects any call touched");
      for (String object : new String[] {"Account", "Contact", "Product2", "PricebookEntry", "Order", "ERP_Invoice__c", "ERP_Job__c"}) {
        assertTrue(systems.salesforce().data().list(object).isEmpty(), object + " untouched");
      }
      assertEquals(documentsBefore, systems.exchequer().query().count("DOCUMENT"), "no Exchequer write");
      assertEquals(accountsBefore, systems.exchequer().query().count("CUSTSUPP"), "no Exchequer write");
    }
  }

  @Test
  void withAccountsOffTheRestRunsWithoutTouchingAccounts() {
    IntegrationSettings settings = IntegrationSettings.builder().off(SyncCapability.ACCOUNTS).off(SyncCapability.CONTACTS)
        .off(SyncCapability.BALANCES).off(SyncCapability.QUOTES).off(SyncCapability.ORDERS).off(SyncCapability.DELIVERIES)
        .off(SyncCapability.INVOICES).off(SyncCapability.CREDIT_NOTES).off(SyncCapability.PAYMENTS).off(SyncCapability.JOBS)
        .build();
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), Clock.systemUTC());
        ExchequerSalesforceIntegration integration = systems.integration(Clock.systemUTC()).settings(settings).build()) {
      CycleReport cycle = integration.runOnce();
      assertTrue(cycle.completed(), () -> cycle.runs().toString());
      Set<String> touched = objectsTouched(systems);
      assertTrue(!touched.contains("Account") && !touched.contains("Contact") && !touched.contains("Order") && !touched.contains("Quote"),
          "touched: " + touched);
      assertTrue(systems.salesforce().data().list("Account").isEmpty());
      assertTrue(systems.salesforce().data().list("Product2").size() > 100, "products still synced");
    }
  }

  private static Set<String> objectsTouched(SandboxSystems systems) {
    Set<String> objects = new TreeSet<>();
    for (ApiCall call : systems.salesforce().usage().calls()) {
      Matcher m = SOBJECT.matcher(call.path());
      while (m.find()) {
        objects.add(m.group(1));
      }
      Matcher q = FROM.matcher(call.query().orElse("") + " " + call.path());
      while (q.find()) {
        objects.add(q.group(1));
      }
    }
    return objects;
  }
}
