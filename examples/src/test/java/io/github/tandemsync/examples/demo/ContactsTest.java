package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.IntegrationSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Exchequer keeps one contact per account; Salesforce any number. A rep's contact reaches Exchequer
 * only where the account has none there yet; further contacts stay in Salesforce, quietly.
 */
class ContactsTest {

  @Test
  void onlyAnAccountWithoutAnExchequerContactTakesOneFromSalesforce() {
    DemoClock clock = new DemoClock();
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), clock);
        ExchequerSalesforceIntegration integration = systems.integration(clock).settings(IntegrationSettings.builder().build()).build()) {
      DemoScript script = new DemoScript(systems, clock);
      String withContact = script.customerCode(1);
      String without = script.customerCode(2);
      systems.exchequer().toolkit().accounts().update(without, Map.of("acContact", "")).orThrow();
      String existing = contact(systems, withContact);
      assertTrue(!existing.isEmpty(), "the demo account has a contact");
      clock.advance(Duration.ofSeconds(5));
      assertTrue(integration.runOnce().completed());

      clock.advance(Duration.ofSeconds(5));
      String second = systems.salesforce().data().insert("Contact", Map.of("FirstName", "Second", "LastName", "Buyer",
          "AccountId", script.salesforceAccountOf(withContact).orElseThrow(), "Email", "second.buyer@example.com"));
      systems.salesforce().data().insert("Contact", Map.of("FirstName", "Ann", "LastName", "Wright",
          "AccountId", script.salesforceAccountOf(without).orElseThrow(), "Email", "ann.wright@example.com"));
      clock.advance(Duration.ofSeconds(5));
      CycleReport cycle = integration.runOnce();
      assertEquals(List.of(), cycle.failures().stream().map(f -> f.describe()).toList(), "nothing quarantined");

      assertEquals(existing, contact(systems, withContact), "the account's Exchequer contact is kept");
      assertEquals(Optional.empty(), systems.salesforce().data().find(second).orElseThrow().string("ERP_Id__c"),
          "the second contact stays in Salesforce only");
      assertEquals("Ann Wright", contact(systems, without), "the account without one takes the rep's contact");

      clock.advance(Duration.ofSeconds(5));
      CycleReport after = integration.runOnce();
      assertEquals(0, after.writes(), () -> after.runs().stream().filter(r -> r.writes() > 0).toList().toString());
      assertEquals(List.of(), after.failures().stream().map(f -> f.describe()).toList());
    }
  }

  private static String contact(SandboxSystems systems, String code) {
    return String.valueOf(systems.exchequer().query().account(code).orElseThrow().get("acContact")).strip();
  }

  @Test
  void theContactOfAProspectFollowsItsAccountIntoExchequer() {
    DemoClock clock = new DemoClock();
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), clock);
        ExchequerSalesforceIntegration integration = systems.integration(clock).settings(IntegrationSettings.builder().build()).build()) {
      String account = systems.salesforce().data().insert("Account", Map.of("Name", "Pennine Fabrications", "Type", "Prospect"));
      systems.salesforce().data().insert("Contact", Map.of("FirstName", "Joan", "LastName", "Hartley", "AccountId", account,
          "Email", "joan.hartley@example.com"));
      systems.salesforce().data().insert("Contact", Map.of("FirstName", "Tom", "LastName", "Pickles", "AccountId", account,
          "Email", "tom.pickles@example.com"));
      clock.advance(Duration.ofSeconds(5));
      CycleReport first = integration.runOnce();
      assertEquals(List.of(), first.failures().stream().map(f -> f.describe()).toList(), "a prospect's contact waits quietly");

      clock.advance(Duration.ofSeconds(5));
      systems.salesforce().data().update(account, Map.of("Type", "Customer - Direct"));
      clock.advance(Duration.ofSeconds(5));
      CycleReport converted = integration.runOnce();
      assertEquals(List.of(), converted.failures().stream().map(f -> f.describe()).toList());
      String code = systems.salesforce().data().find(account).orElseThrow().string("ERP_Id__c").orElseThrow().substring(2);
      assertTrue(List.of("Joan Hartley", "Tom Pickles").contains(contact(systems, code)),
          "one of the new customer's contacts came with it; the other stays in Salesforce, quietly");

      clock.advance(Duration.ofSeconds(5));
      CycleReport after = integration.runOnce();
      assertEquals(0, after.writes(), () -> after.runs().stream().filter(r -> r.writes() > 0).toList().toString());
    }
  }

  @Test
  void aRepsNamesStayAsTypedAndARenameReachesExchequer() {
    DemoClock clock = new DemoClock();
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), clock);
        ExchequerSalesforceIntegration integration = systems.integration(clock).settings(IntegrationSettings.builder().build()).build()) {
      DemoScript script = new DemoScript(systems, clock);
      String code = script.customerCode(2);
      systems.exchequer().toolkit().accounts().update(code, Map.of("acContact", "")).orThrow();
      clock.advance(Duration.ofSeconds(5));
      assertTrue(integration.runOnce().completed());

      clock.advance(Duration.ofSeconds(5));
      String contact = systems.salesforce().data().insert("Contact", Map.of("FirstName", "Jean", "LastName", "van der Berg",
          "AccountId", script.salesforceAccountOf(code).orElseThrow(), "Email", "jean@example.com"));
      clock.advance(Duration.ofSeconds(5));
      assertEquals(List.of(), integration.runOnce().failures().stream().map(f -> f.describe()).toList());
      assertEquals("Jean van der Berg", contact(systems, code));
      clock.advance(Duration.ofSeconds(5));
      assertEquals(0, integration.runOnce().writes(), "settled");
      assertEquals(Optional.of("Jean"), systems.salesforce().data().find(contact).orElseThrow().string("FirstName"));
      assertEquals(Optional.of("van der Berg"), systems.salesforce().data().find(contact).orElseThrow().string("LastName"),
          "Exchequer's one-text name does not re-split the rep's");

      clock.advance(Duration.ofSeconds(5));
      systems.salesforce().data().update(contact, Map.of("LastName", "de Vries"));
      clock.advance(Duration.ofSeconds(5));
      assertEquals(List.of(), integration.runOnce().failures().stream().map(f -> f.describe()).toList());
      assertEquals("Jean de Vries", contact(systems, code), "a rename reaches Exchequer");
      clock.advance(Duration.ofSeconds(5));
      assertEquals(0, integration.runOnce().writes(), "settled again");

      // a salutation typed in Salesforce is the Exchequer text; a later rename rewrites both
      clock.advance(Duration.ofSeconds(5));
      systems.salesforce().data().update(contact, Map.of("ERP_Salutation__c", "Dr J. de Vries"));
      clock.advance(Duration.ofSeconds(5));
      assertEquals(List.of(), integration.runOnce().failures().stream().map(f -> f.describe()).toList());
      assertEquals("Dr J. de Vries", contact(systems, code));
      clock.advance(Duration.ofSeconds(5));
      systems.salesforce().data().update(contact, Map.of("LastName", "Visser"));
      clock.advance(Duration.ofSeconds(5));
      assertEquals(List.of(), integration.runOnce().failures().stream().map(f -> f.describe()).toList());
      assertEquals("Jean Visser", contact(systems, code));
      assertEquals(Optional.of("Jean Visser"), systems.salesforce().data().find(contact).orElseThrow().string("ERP_Salutation__c"),
          "the two systems show the same contact");
      clock.advance(Duration.ofSeconds(5));
      assertEquals(0, integration.runOnce().writes(), "settled");
    }
  }
}
