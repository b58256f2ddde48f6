package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.IntegrationSettings;
import io.github.tandemsync.testkit.salesforce.SandboxRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An order a rep enters in Salesforce becomes an Exchequer sales order; the warehouse's picking,
 * recorded in Salesforce, becomes an Exchequer delivery note against it; Exchequer's numbers come
 * back to Salesforce, and nothing moves after that.
 */
class SalesOrderLifecycleTest {

  @Test
  void aSalesforceOrderAndItsPickingReachExchequer() {
    DemoClock clock = new DemoClock();
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), clock);
        ExchequerSalesforceIntegration integration = systems.integration(clock).settings(IntegrationSettings.builder().build()).build()) {
      clock.advance(Duration.ofSeconds(5));
      assertTrue(integration.runOnce().completed());
      DemoScript script = new DemoScript(systems, clock);
      String code = script.customerCode(3);
      String accountId = script.salesforceAccountOf(code).orElseThrow();
      String book = systems.salesforce().data().standardPricebookId();
      List<SandboxRecord> entries = systems.salesforce().data().list("PricebookEntry").stream()
          .filter(e -> e.string("Pricebook2Id").orElse("").equals(book) && e.string("CurrencyIsoCode").orElse("").equals("GBP"))
          .sorted(Comparator.comparing(e -> e.string("ERP_Id__c").orElse("")))
          .limit(2)
          .toList();
      assertEquals(2, entries.size(), "GBP standard prices were synced");
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

      // a rep enters an order for two products
      clock.advance(Duration.ofSeconds(5));
      String orderId = systems.salesforce().data().insert("Order", Map.of("AccountId", accountId, "Pricebook2Id", book,
          "EffectiveDate", today.toString(), "Status", "Draft", "CurrencyIsoCode", "GBP", "PoNumber", "PO-LIFECYCLE-1"));
      for (int i = 0; i < entries.size(); i++) {
        SandboxRecord entry = entries.get(i);
        systems.salesforce().data().insert("OrderItem", Map.of("OrderId", orderId, "PricebookEntryId", entry.id(),
            "Product2Id", entry.string("Product2Id").orElseThrow(), "Quantity", 4 + i, "UnitPrice", entry.decimal("UnitPrice").orElseThrow()));
      }
      clock.advance(Duration.ofSeconds(5));
      CycleReport second = integration.runOnce();
      assertTrue(second.completed(), () -> second.runs().toString());
      assertEquals(List.of(), second.failures().stream().map(f -> f.describe()).toList());

      SandboxRecord order = systems.salesforce().data().find(orderId).orElseThrow();
      String ourRef = order.string("ERP_Id__c").orElse("");
      assertTrue(ourRef.startsWith("SOR"), () -> "Exchequer's order number came back to Salesforce: " + order.fields());
      List<Map<String, Object>> header = systems.exchequer().query().rows("SELECT thAcCode, thDocType, thYourRef FROM ["
          + SandboxSystems.COMPANY + "].[DOCUMENT] WHERE thOurRef = '" + ourRef + "'");
      assertEquals(1, header.size(), "one Exchequer order " + ourRef);
      assertEquals(code, header.get(0).get("thAcCode").toString().strip());
      List<Map<String, Object>> lines = systems.exchequer().query().rows("SELECT tlLineNo, tlStockCode, tlQty FROM ["
          + SandboxSystems.COMPANY + "].[DETAILS] WHERE tlOurRef = '" + ourRef + "' ORDER BY tlLineNo");
      assertEquals(2, lines.size(), () -> "two order lines: " + lines);
      assertEquals(0, new BigDecimal(lines.get(0).get("tlQty").toString()).compareTo(new BigDecimal(4)));
      assertEquals(0, new BigDecimal(lines.get(1).get("tlQty").toString()).compareTo(new BigDecimal(5)));
      String productCode = lines.get(0).get("tlStockCode").toString().strip();

      // the warehouse picks and ships the first line, recorded in Salesforce
      clock.advance(Duration.ofSeconds(5));
      String deliveryId = systems.salesforce().data().insert("ERP_Delivery__c", Map.of("Name", "Picking " + ourRef,
          "ERP_Order_Number__c", ourRef, "ERP_Account__c", accountId, "ERP_Delivery_Date__c", today.toString(),
          "ERP_Customer_Reference__c", "PO-LIFECYCLE-1"));
      systems.salesforce().data().insert("ERP_Delivery_Line__c", Map.of("ERP_Delivery__c", deliveryId, "ERP_Line_No__c", 1,
          "ERP_Order_Line_No__c", 1, "ERP_Product_Code__c", productCode, "ERP_Quantity__c", 4, "ERP_Picked_Quantity__c", 4));
      clock.advance(Duration.ofSeconds(5));
      CycleReport third = integration.runOnce();
      assertTrue(third.completed(), () -> third.runs().toString());
      assertEquals(List.of(), third.failures().stream().map(f -> f.describe()).toList());

      SandboxRecord delivery = systems.salesforce().data().find(deliveryId).orElseThrow();
      String noteRef = delivery.string("ERP_Id__c").orElse("");
      assertTrue(noteRef.startsWith("SDN"), () -> "Exchequer's delivery note number came back: " + delivery.fields());
      List<Map<String, Object>> note = systems.exchequer().query().rows("SELECT thAcCode FROM [" + SandboxSystems.COMPANY
          + "].[DOCUMENT] WHERE thOurRef = '" + noteRef + "'");
      assertEquals(1, note.size());
      assertEquals(code, note.get(0).get("thAcCode").toString().strip());
      List<Map<String, Object>> noteLines = systems.exchequer().query().rows("SELECT tlStockCode, tlQty FROM ["
          + SandboxSystems.COMPANY + "].[DETAILS] WHERE tlOurRef = '" + noteRef + "'");
      assertEquals(1, noteLines.size(), () -> "one delivery line: " + noteLines);
      assertEquals(productCode, noteLines.get(0).get("tlStockCode").toString().strip());
      assertEquals(0, new BigDecimal(noteLines.get(0).get("tlQty").toString()).compareTo(new BigDecimal(4)));

      // the delivery moved the order on in Exchequer (it runs after orders in a cycle): that reaches Salesforce next
      clock.advance(Duration.ofSeconds(5));
      CycleReport fourth = integration.runOnce();
      assertEquals(1, fourth.writes(), () -> "only the order's new status: " + fourth.runs().stream().filter(r -> r.writes() > 0).toList());
      assertEquals(Optional.of("PARTIALLY_DELIVERED"), systems.salesforce().data().find(orderId).orElseThrow().string("ERP_Status__c"));

      clock.advance(Duration.ofSeconds(5));
      CycleReport fifth = integration.runOnce();
      assertEquals(0, fifth.writes(), () -> "nothing left to move: " + fifth.runs().stream().filter(r -> r.writes() > 0).toList());
    }
  }
}
