package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.Conflict;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.testkit.salesforce.SandboxRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The demo's scenario, asserted record by record on both sandboxes: the first sync, the scripted
 * edits of sales and finance, the incremental sync, and a last sync that has nothing left to do.
 */
class DemoScenarioTest {
  private static final String ERP = SandboxSystems.COMPANY;

  @Test
  void theDemoScenarioEndsAsThePoliciesSayOnBothSides() {
    DemoClock clock = new DemoClock();
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), clock);
        ExchequerSalesforceIntegration integration = systems.integration(clock).settings(Demo.settings()).build()) {
      DemoScript script = new DemoScript(systems, clock);
      List<DemoScript.Step> seeded = script.seedSalesforce();

      clock.advance(Duration.ofSeconds(5));
      CycleReport first = integration.runOnce();
      assertTrue(first.completed(), () -> "first cycle: " + first.runs());
      // the three accounts typed in by hand were matched, not duplicated
      for (DemoScript.Step s : seeded.subList(0, 3)) {
        String code = s.fact("code");
        List<SandboxRecord> copies = systems.salesforce().data().list("Account").stream()
            .filter(a -> a.string("AccountNumber").orElse("").equals(code)).toList();
        assertEquals(1, copies.size(), code + " exists once in Salesforce");
        assertEquals(Optional.of("C-" + code), copies.get(0).string("ERP_Id__c"), code + " is linked by its external id");
      }
      // prospects stay in Salesforce only
      for (DemoScript.Step s : seeded.subList(3, 5)) {
        assertTrue(erpAccountNamed(systems, s.fact("name")).isEmpty(), s.fact("name") + " is not in Exchequer");
      }

      // sales and finance at work, a little later
      clock.advance(Duration.ofSeconds(5));
      String phoneCode = script.customerCode(5);
      String phoneAccount = script.salesforceAccountOf(phoneCode).orElseThrow();
      DemoScript.Step phone = script.repEditsPhone(phoneAccount, "0161 555 0199");
      DemoScript.Step converted = script.repConvertsProspect(seeded.get(3).fact("accountId"));
      String limitCode = script.customerCode(6);
      DemoScript.Step limit = script.financeChangesCreditLimit(limitCode, new BigDecimal("12500.00"));
      String stopCode = script.customerCode(7);
      DemoScript.Step stop = script.financePutsOnStop(stopCode);
      DemoScript.Step accepted = script.quoteAccepted(seeded.get(4).fact("opportunityId"));
      DemoScript.Step invoiced = script.financeInvoicesAnOrder();
      DemoScript.Step paid = script.financePostsPayment(invoiced.fact("invoiceRef"));
      String bothCode = script.customerCode(8);
      DemoScript.Step both = script.emailEditedOnBothSides(script.salesforceAccountOf(bothCode).orElseThrow(), bothCode,
          "buyer@sales-side.example", "ap@finance-side.example");

      clock.advance(Duration.ofSeconds(5));
      CycleReport second = integration.runOnce();
      assertTrue(second.completed(), () -> "second cycle: " + second.runs());

      // a rep's phone edit reached Exchequer
      assertEquals(phone.fact("phone"), erpAccount(systems, phoneCode).get("acPhone").toString().strip());
      // the converted prospect was created in Exchequer, and its new code written back to Salesforce
      String newCode = erpAccountNamed(systems, "Northwind Fabrication Ltd").orElseThrow(() -> new AssertionError("converted prospect not in Exchequer"));
      assertEquals(Optional.of("C-" + newCode), sf(systems, converted.fact("accountId")).string("ERP_Id__c"));
      // finance's credit limit and on-stop reached Salesforce
      assertEquals(0, new BigDecimal(limit.fact("creditLimit")).compareTo(sfAccount(systems, limitCode).decimal("ERP_Credit_Limit__c").orElseThrow()));
      assertEquals(Optional.of(true), sfAccount(systems, stopCode).get("ERP_On_Stop__c").map(Boolean.class::cast));
      // the accepted quote: the prospect became a customer, the order exists in Exchequer, the opportunity is won
      String quoteId = accepted.fact("quoteId");
      assertEquals(Optional.of("Customer - Direct"), sf(systems, seeded.get(4).fact("accountId")).string("Type"));
      String quoteAccount = erpAccountNamed(systems, "Pennine Signs & Graphics").orElseThrow(() -> new AssertionError("quote's prospect not in Exchequer"));
      List<Map<String, Object>> documents = systems.exchequer().query().documentsByLongYourRef(quoteId);
      assertTrue(documents.stream().anyMatch(d -> d.get("thOurRef").toString().startsWith("SOR")), () -> "no order for quote " + quoteId + ": " + documents);
      assertTrue(documents.stream().allMatch(d -> d.get("thAcCode").toString().strip().equals(quoteAccount)));
      assertEquals(Optional.of("Closed Won"), sf(systems, accepted.fact("opportunityId")).string("StageName"));
      assertTrue(sf(systems, quoteId).string("ERP_Id__c").isPresent(), "the Exchequer document number is written back to the quote");
      // the invoice and its payment reached Salesforce
      SandboxRecord invoice = one(systems, "ERP_Invoice__c", invoiced.fact("invoiceRef"));
      SandboxRecord payment = one(systems, "ERP_Payment__c", paid.fact("invoiceRef"));
      assertEquals(Optional.of(true), payment.get("ERP_Paid__c").map(Boolean.class::cast), "payment: " + payment.fields());
      assertTrue(invoice.string("ERP_Account__c").isPresent());
      // balances follow the posting
      assertEquals(0, systems.exchequer().query().balance(invoiced.fact("code"))
          .compareTo(sfAccount(systems, invoiced.fact("code")).decimal("ERP_Balance__c").orElseThrow()));
      // the e-mail edited on both sides: a conflict, won by Salesforce (preferred for fields its users maintain)
      assertEquals(both.fact("salesEmail"), erpAccount(systems, bothCode).get("acEmailAddr").toString().strip());
      assertEquals(Optional.of(both.fact("salesEmail")), sfAccount(systems, bothCode).string("ERP_Email__c"));
      List<Conflict> emailConflicts = second.conflicts().stream().filter(c -> c.field().equals("email")).toList();
      assertEquals(1, emailConflicts.size(), () -> "conflicts: " + second.conflicts());
      assertEquals(ExchequerSalesforceIntegration.SALESFORCE, emailConflicts.get(0).winner());
      assertFalse(second.prospectsConverted().isEmpty());
      assertEquals(List.of(accepted.fact("opportunityId")), second.opportunitiesWon());

      clock.advance(Duration.ofSeconds(5));
      CycleReport third = integration.runOnce();
      assertEquals(0, third.writes(), () -> "a cycle right after writes nothing: " + third.runs().stream()
          .filter(r -> r.writes() > 0).map(RunReport::toString).toList());
      assertEquals(0, second.runs().stream().mapToLong(RunReport::quarantined).max().orElse(0), "nothing quarantined");
    }
  }

  private static Map<String, Object> erpAccount(SandboxSystems systems, String code) {
    return systems.exchequer().query().account(code).orElseThrow(() -> new AssertionError("no Exchequer account " + code));
  }

  private static Optional<String> erpAccountNamed(SandboxSystems systems, String name) {
    return systems.exchequer().query().rows("SELECT acCode FROM [" + ERP + "].[CUSTSUPP] WHERE RTRIM(acCompany) = ?", name).stream()
        .map(r -> r.get("acCode").toString().strip()).findFirst();
  }

  private static SandboxRecord sf(SandboxSystems systems, String id) {
    return systems.salesforce().data().find(id).orElseThrow(() -> new AssertionError("no Salesforce record " + id));
  }

  private static SandboxRecord sfAccount(SandboxSystems systems, String code) {
    return systems.salesforce().data().list("Account").stream().filter(a -> a.string("ERP_Id__c").orElse("").equals("C-" + code)).findFirst()
        .orElseThrow(() -> new AssertionError("no Salesforce account for " + code));
  }

  private static SandboxRecord one(SandboxSystems systems, String object, String erpId) {
    List<SandboxRecord> found = systems.salesforce().data().list(object).stream()
        .filter(r -> r.string("ERP_Id__c").orElse("").equals(erpId)).toList();
    assertEquals(1, found.size(), object + " " + erpId + " exists exactly once in Salesforce");
    return found.get(0);
  }
}
