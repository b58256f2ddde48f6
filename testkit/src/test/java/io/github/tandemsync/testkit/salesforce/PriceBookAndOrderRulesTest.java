package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Products, price books, orders and order products (reference §15.1–15.2). */
class PriceBookAndOrderRulesTest extends SandboxFixture {
  private String account;
  private String product;
  private String standardBook;

  @BeforeEach
  void basics() {
    account = http.create("Account", SfHttp.object("Name", "Acme", "ERP_Id__c", "C-ACME"));
    product = http.create("Product2", SfHttp.object("Name", "Widget", "ProductCode", "W-1", "ERP_Id__c", "W-1"));
    standardBook = http.query("SELECT Id FROM Pricebook2 WHERE IsStandard = true").json().get("records").get(0).get("Id").asText();
  }

  @Test
  void productsStartInactiveAndThereIsExactlyOneStandardPriceBook() {
    assertFalse(http.get("/sobjects/Product2/" + product).json().get("IsActive").asBoolean(), "IsActive defaults to false");
    assertEquals(1, http.query("SELECT Id FROM Pricebook2 WHERE IsStandard = true").json().get("totalSize").asInt());
    assertEquals(standardBook, sf.data().standardPricebookId());
    SfHttp.Response standard = http.post("/sobjects/Pricebook2", SfHttp.object("Name", "Mine", "IsStandard", true));
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", standard.errorCode(), "IsStandard is read-only");
    assertEquals("DELETE_FAILED", http.delete("/sobjects/Pricebook2/" + standardBook).errorCode());
  }

  @Test
  void customPriceBookEntriesNeedAStandardPrice() {
    String bandA = http.create("Pricebook2", SfHttp.object("Name", "Band A", "IsActive", true));
    SfHttp.Response noStandard = http.post("/sobjects/PricebookEntry", SfHttp.object("Pricebook2Id", bandA, "Product2Id", product,
        "UnitPrice", 9.5, "IsActive", true));
    assertEquals(400, noStandard.status());
    assertEquals("STANDARD_PRICE_NOT_DEFINED", noStandard.errorCode());

    String standardEntry = http.create("PricebookEntry", SfHttp.object("Pricebook2Id", standardBook, "Product2Id", product,
        "UnitPrice", 10, "IsActive", true));
    String custom = http.create("PricebookEntry", SfHttp.object("Pricebook2Id", bandA, "Product2Id", product, "UseStandardPrice", true,
        "IsActive", true));
    JsonNode entry = http.get("/sobjects/PricebookEntry/" + custom).json();
    assertEquals(new BigDecimal("10.0"), entry.get("UnitPrice").decimalValue(), "UseStandardPrice copies the standard price");
    assertEquals("Widget", entry.get("Name").asText());
    assertEquals("W-1", entry.get("ProductCode").asText());
    assertFalse(http.get("/sobjects/PricebookEntry/" + standardEntry).json().get("UseStandardPrice").asBoolean());

    SfHttp.Response duplicate = http.post("/sobjects/PricebookEntry", SfHttp.object("Pricebook2Id", bandA, "Product2Id", product,
        "UnitPrice", 1));
    assertEquals("DUPLICATE_VALUE", duplicate.errorCode());
    SfHttp.Response createOnly = http.patch("/sobjects/PricebookEntry/" + custom, SfHttp.object("Pricebook2Id", standardBook));
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", createOnly.errorCode(), "Pricebook2Id is create-only");
    assertEquals("Pricebook2Id", createOnly.json().get(0).get("fields").get(0).asText());
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE",
        http.patch("/sobjects/PricebookEntry/" + custom, SfHttp.object("Product2Id", product)).errorCode());
    assertEquals("DELETE_FAILED", http.delete("/sobjects/PricebookEntry/" + standardEntry).errorCode(),
        "the standard price cannot go while custom prices exist");

    assertEquals(204, http.patch("/sobjects/PricebookEntry/" + standardEntry, SfHttp.object("UnitPrice", 12)).status());
    assertEquals(new BigDecimal("12.0"), http.get("/sobjects/PricebookEntry/" + custom).json().get("UnitPrice").decimalValue());
  }

  @Test
  void ordersFollowTheDraftActivationRules() {
    String otherBook = http.create("Pricebook2", SfHttp.object("Name", "Band B", "IsActive", true));
    String standardEntry = http.create("PricebookEntry", SfHttp.object("Pricebook2Id", standardBook, "Product2Id", product,
        "UnitPrice", 10, "IsActive", true));
    String otherEntry = http.create("PricebookEntry", SfHttp.object("Pricebook2Id", otherBook, "Product2Id", product,
        "UnitPrice", 8, "IsActive", true));

    SfHttp.Response activated = http.post("/sobjects/Order", SfHttp.object("AccountId", account, "EffectiveDate", "2026-03-02",
        "Status", "Activated", "Pricebook2Id", standardBook));
    assertEquals(400, activated.status());
    assertEquals("FIELD_INTEGRITY_EXCEPTION", activated.errorCode(), "orders are inserted in a Draft status");
    assertEquals("REQUIRED_FIELD_MISSING", http.post("/sobjects/Order", SfHttp.object("AccountId", account, "Status", "Draft")).errorCode());

    String order = http.create("Order", SfHttp.object("AccountId", account, "EffectiveDate", "2026-03-02", "Status", "Draft",
        "Pricebook2Id", standardBook));
    JsonNode created = http.get("/sobjects/Order/" + order).json();
    assertEquals("Draft", created.get("StatusCode").asText());
    assertEquals("00000001", created.get("OrderNumber").asText());

    SfHttp.Response wrongBook = http.post("/sobjects/OrderItem", SfHttp.object("OrderId", order, "PricebookEntryId", otherEntry,
        "Quantity", 1, "UnitPrice", 8));
    assertEquals("FIELD_INTEGRITY_EXCEPTION", wrongBook.errorCode());
    assertTrue(wrongBook.message().contains("Price Book Entry that belongs to the Price Book related to the parent Order"));

    Instant beforeItem = Instant.parse(created.get("SystemModstamp").asText().replace("+0000", "Z"));
    clock.advance(Duration.ofMinutes(1));
    String item = http.create("OrderItem", SfHttp.object("OrderId", order, "PricebookEntryId", standardEntry, "Quantity", 3,
        "UnitPrice", 9.99));
    JsonNode line = http.get("/sobjects/OrderItem/" + item).json();
    assertEquals(product, line.get("Product2Id").asText());
    assertEquals(new BigDecimal("10.0"), line.get("ListPrice").decimalValue());
    assertEquals(new BigDecimal("29.97"), line.get("TotalPrice").decimalValue());
    JsonNode rolledUp = http.get("/sobjects/Order/" + order).json();
    assertEquals(new BigDecimal("29.97"), rolledUp.get("TotalAmount").decimalValue(), "TotalAmount is a roll-up");
    assertTrue(Instant.parse(rolledUp.get("SystemModstamp").asText().replace("+0000", "Z")).isAfter(beforeItem),
        "a roll-up moves SystemModstamp");
    assertEquals(created.get("LastModifiedDate").asText(), rolledUp.get("LastModifiedDate").asText(), "but not LastModifiedDate");

    assertEquals("FIELD_INTEGRITY_EXCEPTION",
        http.patch("/sobjects/Order/" + order, SfHttp.object("Pricebook2Id", otherBook)).errorCode(), "no price book change with items");
    SfHttp.Response statusPlusOther = http.patch("/sobjects/Order/" + order, SfHttp.object("Status", "Activated", "PoNumber", "PO-1"));
    assertEquals("FIELD_INTEGRITY_EXCEPTION", statusPlusOther.errorCode(), "Status is the only field an activation may change");
    assertEquals(204, http.patch("/sobjects/Order/" + order, SfHttp.object("Status", "Activated")).status());
    JsonNode active = http.get("/sobjects/Order/" + order).json();
    assertEquals("Activated", active.get("StatusCode").asText());
    assertFalse(active.get("ActivatedDate").isNull());

    String otherAccount = http.create("Account", SfHttp.object("Name", "Other"));
    assertEquals("FIELD_INTEGRITY_EXCEPTION", http.patch("/sobjects/Order/" + order, SfHttp.object("AccountId", otherAccount)).errorCode(),
        "AccountId only changes while Draft");
    assertEquals("FIELD_INTEGRITY_EXCEPTION", http.post("/sobjects/OrderItem", SfHttp.object("OrderId", order, "PricebookEntryId",
        standardEntry, "Quantity", 1, "UnitPrice", 1)).errorCode(), "no new items on an activated order");
    assertEquals("DELETE_FAILED", http.delete("/sobjects/OrderItem/" + item).errorCode());
    assertEquals("DELETE_FAILED", http.delete("/sobjects/PricebookEntry/" + standardEntry).errorCode(), "entries in use stay");
    assertEquals("DELETE_FAILED", http.delete("/sobjects/Order/" + order).errorCode());
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE",
        http.patch("/sobjects/OrderItem/" + item, SfHttp.object("PricebookEntryId", standardEntry)).errorCode());

    assertEquals(204, http.patch("/sobjects/Order/" + order, SfHttp.object("Status", "Draft")).status());
    assertEquals(204, http.patch("/sobjects/Order/" + order, SfHttp.object("AccountId", otherAccount)).status());
  }

  @Test
  void inactiveEntriesAndOpportunityLines() {
    String inactive = http.create("PricebookEntry", SfHttp.object("Pricebook2Id", standardBook, "Product2Id", product, "UnitPrice", 5));
    String order = http.create("Order", SfHttp.object("AccountId", account, "EffectiveDate", "2026-03-02", "Status", "Draft",
        "Pricebook2Id", standardBook));
    SfHttp.Response response = http.post("/sobjects/OrderItem", SfHttp.object("OrderId", order, "PricebookEntryId", inactive,
        "Quantity", 1, "UnitPrice", 5));
    assertEquals("FIELD_INTEGRITY_EXCEPTION", response.errorCode());
    assertTrue(response.message().contains("inactive"));

    http.patch("/sobjects/PricebookEntry/" + inactive, SfHttp.object("IsActive", true));
    String opportunity = http.create("Opportunity", SfHttp.object("Name", "Deal", "StageName", "Prospecting", "CloseDate", "2026-04-01",
        "AccountId", account));
    http.create("OpportunityLineItem", SfHttp.object("OpportunityId", opportunity, "PricebookEntryId", inactive, "Quantity", 2,
        "TotalPrice", 12));
    JsonNode deal = http.get("/sobjects/Opportunity/" + opportunity).json();
    assertEquals(standardBook, deal.get("Pricebook2Id").asText(), "the first product sets the opportunity's price book");
    assertEquals(new BigDecimal("12.0"), deal.get("Amount").decimalValue());
    assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
        http.patch("/sobjects/Opportunity/" + opportunity, SfHttp.object("StageName", "Maybe")).errorCode());
  }
}
