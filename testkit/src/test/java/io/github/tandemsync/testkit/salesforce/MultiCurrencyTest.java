package io.github.tandemsync.testkit.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.core.ConfigurationException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An org with multi-currency enabled: {@code CurrencyIsoCode} everywhere and the per-currency price-book rules. */
class MultiCurrencyTest extends SandboxFixture {
  private String account;
  private String product;
  private String standardBook;

  @Override
  SalesforceSandbox.Builder configure(SalesforceSandbox.Builder builder) {
    return builder.multiCurrency("GBP", Set.of("EUR", "USD"));
  }

  @BeforeEach
  void basics() {
    account = http.create("Account", SfHttp.object("Name", "Acme", "ERP_Id__c", "C-ACME"));
    product = http.create("Product2", SfHttp.object("Name", "Widget", "ProductCode", "W-1", "ERP_Id__c", "W-1"));
    standardBook = sf.data().standardPricebookId();
  }

  private static JsonNode field(JsonNode describe, String name) {
    for (JsonNode f : describe.get("fields")) {
      if (f.get("name").asText().equals(name)) {
        return f;
      }
    }
    return null;
  }

  private String entry(String book, String currency, Object price) {
    return http.create("PricebookEntry", SfHttp.object("Pricebook2Id", book, "Product2Id", product, "UnitPrice", price, "IsActive", true,
        "CurrencyIsoCode", currency));
  }

  @Test
  void everyObjectHasARestrictedCurrencyPicklistDefaultingToTheCorporateCurrency() {
    JsonNode currency = field(http.get("/sobjects/Account/describe").json(), "CurrencyIsoCode");
    assertEquals("picklist", currency.get("type").asText());
    assertTrue(currency.get("restrictedPicklist").asBoolean());
    assertTrue(currency.get("createable").asBoolean() && currency.get("updateable").asBoolean());
    assertTrue(currency.get("defaultedOnCreate").asBoolean());
    assertEquals("GBP", currency.get("defaultValue").asText());
    List<String> values = new ArrayList<>();
    currency.get("picklistValues").forEach(v -> values.add(v.get("value").asText()));
    assertEquals(List.of("EUR", "GBP", "USD"), values);
    for (String type : List.of("Contact", "Product2", "Pricebook2", "Order", "Opportunity", "User", "Invoice__c", "Invoice_Line__c")) {
      assertTrue(field(http.get("/sobjects/" + type + "/describe").json(), "CurrencyIsoCode") != null, type + " has CurrencyIsoCode");
    }
    JsonNode entry = field(http.get("/sobjects/PricebookEntry/describe").json(), "CurrencyIsoCode");
    assertTrue(entry.get("createable").asBoolean() && !entry.get("updateable").asBoolean(), "an entry's currency is create-only");
    for (String type : List.of("OrderItem", "QuoteLineItem", "OpportunityLineItem", "Quote", "Invoice_Line__c")) {
      JsonNode inherited = field(http.get("/sobjects/" + type + "/describe").json(), "CurrencyIsoCode");
      assertFalse(inherited.get("createable").asBoolean() || inherited.get("updateable").asBoolean(), type + " takes its parent's currency");
    }

    assertEquals("GBP", http.get("/sobjects/Account/" + account).json().get("CurrencyIsoCode").asText());
    String euro = http.create("Account", SfHttp.object("Name", "Euro GmbH", "CurrencyIsoCode", "EUR"));
    SfHttp.Response franc = http.post("/sobjects/Account", SfHttp.object("Name", "Franc AG", "CurrencyIsoCode", "CHF"));
    assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", franc.errorCode(), franc.body());
    JsonNode rows = http.query("SELECT Id, CurrencyIsoCode FROM Account WHERE CurrencyIsoCode = 'EUR'").json().get("records");
    assertEquals(1, rows.size());
    assertEquals(euro, rows.get(0).get("Id").asText());
    assertEquals(204, http.patch("/sobjects/Account/" + euro, SfHttp.object("CurrencyIsoCode", "USD")).status());
    assertEquals("USD", sf.data().find(euro).orElseThrow().string("CurrencyIsoCode").orElseThrow());
  }

  @Test
  void priceBookEntriesArePerCurrencyAndCustomOnesNeedAStandardPriceInTheirCurrency() {
    String bandA = http.create("Pricebook2", SfHttp.object("Name", "Band A", "IsActive", true));
    String standardGbp = entry(standardBook, "GBP", 10);
    String standardUsd = entry(standardBook, "USD", 13);
    SfHttp.Response duplicate = http.post("/sobjects/PricebookEntry", SfHttp.object("Pricebook2Id", standardBook, "Product2Id", product,
        "UnitPrice", 14, "CurrencyIsoCode", "USD"));
    assertEquals("DUPLICATE_VALUE", duplicate.errorCode(), "one entry per book, product and currency");

    SfHttp.Response noEuroStandard = http.post("/sobjects/PricebookEntry", SfHttp.object("Pricebook2Id", bandA, "Product2Id", product,
        "UnitPrice", 11, "CurrencyIsoCode", "EUR"));
    assertEquals("STANDARD_PRICE_NOT_DEFINED", noEuroStandard.errorCode(), "a GBP standard price is not a EUR one");
    String customUsd = http.create("PricebookEntry", SfHttp.object("Pricebook2Id", bandA, "Product2Id", product, "UseStandardPrice", true,
        "IsActive", true, "CurrencyIsoCode", "USD"));
    assertEquals(0, new BigDecimal("13").compareTo(http.get("/sobjects/PricebookEntry/" + customUsd).json().get("UnitPrice").decimalValue()),
        "UseStandardPrice copies the standard price of its currency");
    assertEquals(204, http.patch("/sobjects/PricebookEntry/" + standardGbp, SfHttp.object("UnitPrice", 20)).status());
    assertEquals(0, new BigDecimal("13").compareTo(sf.data().find(customUsd).orElseThrow().decimal("UnitPrice").orElseThrow()),
        "a GBP price change leaves the USD entry alone");

    SfHttp.Response change = http.patch("/sobjects/PricebookEntry/" + standardUsd, SfHttp.object("CurrencyIsoCode", "EUR"));
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", change.errorCode(), "an entry's currency is set on create only");
    assertEquals("DELETE_FAILED", http.delete("/sobjects/PricebookEntry/" + standardUsd).errorCode(), "USD custom prices exist");
    assertEquals(204, http.delete("/sobjects/PricebookEntry/" + standardGbp).status(), "no GBP custom price depends on it");
  }

  @Test
  void anOrderProductNeedsAnEntryInTheOrdersCurrency() {
    entry(standardBook, "GBP", 10);
    String usdEntry = entry(standardBook, "USD", 13);
    String gbpEntry = sf.data().list("PricebookEntry").stream().filter(e -> e.string("CurrencyIsoCode").orElse("").equals("GBP"))
        .findFirst().orElseThrow().id();
    String order = http.create("Order", SfHttp.object("AccountId", account, "EffectiveDate", "2026-03-02", "Status", "Draft",
        "Pricebook2Id", standardBook, "CurrencyIsoCode", "USD"));

    SfHttp.Response wrong = http.post("/sobjects/OrderItem", SfHttp.object("OrderId", order, "PricebookEntryId", gbpEntry, "Quantity", 1,
        "UnitPrice", 10));
    assertEquals("FIELD_INTEGRITY_EXCEPTION", wrong.errorCode(), wrong.body());
    assertTrue(wrong.message().contains("currency"), wrong.message());
    SfHttp.Response own = http.post("/sobjects/OrderItem", SfHttp.object("OrderId", order, "PricebookEntryId", usdEntry, "Quantity", 1,
        "UnitPrice", 13, "CurrencyIsoCode", "USD"));
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", own.errorCode(), "an order product's currency is its order's");
    String item = http.create("OrderItem", SfHttp.object("OrderId", order, "PricebookEntryId", usdEntry, "Quantity", 2, "UnitPrice", 13));
    assertEquals("USD", sf.data().find(item).orElseThrow().string("CurrencyIsoCode").orElseThrow());

    SfHttp.Response switchCurrency = http.patch("/sobjects/Order/" + order, SfHttp.object("CurrencyIsoCode", "GBP"));
    assertEquals("FIELD_INTEGRITY_EXCEPTION", switchCurrency.errorCode(), "an order with products keeps its currency");
    String empty = http.create("Order", SfHttp.object("AccountId", account, "EffectiveDate", "2026-03-02", "Status", "Draft",
        "Pricebook2Id", standardBook));
    assertEquals("GBP", sf.data().find(empty).orElseThrow().string("CurrencyIsoCode").orElseThrow());
    assertEquals(204, http.patch("/sobjects/Order/" + empty, SfHttp.object("CurrencyIsoCode", "EUR")).status());
  }

  @Test
  void quotesAndDetailRecordsTakeTheirParentsCurrency() {
    entry(standardBook, "GBP", 10);
    String opportunity = http.create("Opportunity", SfHttp.object("AccountId", account, "Name", "Big deal", "StageName", "Prospecting",
        "CloseDate", "2026-04-01", "CurrencyIsoCode", "EUR"));
    String quote = http.create("Quote", SfHttp.object("Name", "Q1", "OpportunityId", opportunity, "Pricebook2Id", standardBook));
    assertEquals("EUR", sf.data().find(quote).orElseThrow().string("CurrencyIsoCode").orElseThrow());
    String gbpEntry = sf.data().list("PricebookEntry").get(0).id();
    SfHttp.Response line = http.post("/sobjects/QuoteLineItem", SfHttp.object("QuoteId", quote, "PricebookEntryId", gbpEntry,
        "Quantity", 1, "UnitPrice", 10));
    assertEquals("FIELD_INTEGRITY_EXCEPTION", line.errorCode(), line.body());

    String invoice = http.create("Invoice__c", SfHttp.object("ERP_Id__c", "INV-1", "Amount__c", 100, "CurrencyIsoCode", "EUR"));
    String detail = http.create("Invoice_Line__c", SfHttp.object("Invoice__c", invoice, "Quantity__c", 1));
    assertEquals("EUR", sf.data().find(detail).orElseThrow().string("CurrencyIsoCode").orElseThrow());
    assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE",
        http.patch("/sobjects/Invoice_Line__c/" + detail, SfHttp.object("CurrencyIsoCode", "USD")).errorCode());
    assertEquals(204, http.patch("/sobjects/Invoice__c/" + invoice, SfHttp.object("CurrencyIsoCode", "USD")).status());
    assertEquals("USD", sf.data().find(detail).orElseThrow().string("CurrencyIsoCode").orElseThrow(), "details follow their master");
  }

  @Test
  void aSingleCurrencyOrgHasNoCurrencyIsoCode() {
    try (SalesforceSandbox single = SalesforceSandbox.builder().seed(1).clock(clock).deployMetadata(metadata()).build().start()) {
      SfHttp singleHttp = SfHttp.login(single);
      assertEquals(null, field(singleHttp.get("/sobjects/Account/describe").json(), "CurrencyIsoCode"));
      SfHttp.Response write = singleHttp.post("/sobjects/Account", SfHttp.object("Name", "Acme", "CurrencyIsoCode", "GBP"));
      assertEquals("INVALID_FIELD", write.json().get(0).get("errorCode").asText(), write.body());
      assertEquals("INVALID_FIELD", singleHttp.query("SELECT CurrencyIsoCode FROM Account").errorCode());
    }
  }

  @Test
  void badCurrencyCodesAreRefusedByTheBuilder() {
    assertThrows(ConfigurationException.class, () -> SalesforceSandbox.builder().multiCurrency("gbp", Set.of()));
    assertThrows(ConfigurationException.class, () -> SalesforceSandbox.builder().multiCurrency("GBP", Set.of("EURO")));
  }

  @Test
  void aSavedOrgKeepsItsCurrencySetting(@TempDir Path dir) {
    Path file = dir.resolve("org.json");
    SalesforceSandbox.Builder multi = SalesforceSandbox.builder().clock(clock).sessionTimeout(Duration.ofDays(365)).deployMetadata(metadata())
        .persistTo(file).multiCurrency("GBP", Set.of("EUR"));
    String euro;
    try (SalesforceSandbox saved = multi.build().start()) {
      euro = saved.data().insert("Account", Map.of("Name", "Euro GmbH", "CurrencyIsoCode", "EUR"));
    }
    ConfigurationException single = assertThrows(ConfigurationException.class, () -> SalesforceSandbox.builder().clock(clock)
        .deployMetadata(metadata()).persistTo(file).build().start());
    assertTrue(single.getMessage().contains("multi-currency org") && single.getMessage().contains("multiCurrency"), single.getMessage());
    ConfigurationException otherCorporate = assertThrows(ConfigurationException.class, () -> SalesforceSandbox.builder().clock(clock)
        .deployMetadata(metadata()).persistTo(file).multiCurrency("EUR", Set.of("GBP")).build().start());
    assertTrue(otherCorporate.getMessage().contains("corporate currency is GBP"), otherCorporate.getMessage());
    ConfigurationException fewer = assertThrows(ConfigurationException.class, () -> SalesforceSandbox.builder().clock(clock)
        .deployMetadata(metadata()).persistTo(file).multiCurrency("GBP", Set.of("USD")).build().start());
    assertTrue(fewer.getMessage().contains("[EUR]"), fewer.getMessage());
    try (SalesforceSandbox more = SalesforceSandbox.builder().clock(clock).deployMetadata(metadata()).persistTo(file)
        .multiCurrency("GBP", Set.of("EUR", "USD")).build().start()) {
      assertTrue(more.restored(), "activating another currency keeps the org");
      assertEquals("EUR", more.data().find(euro).orElseThrow().string("CurrencyIsoCode").orElseThrow());
    }

    Path singleFile = dir.resolve("single.json");
    try (SalesforceSandbox saved = SalesforceSandbox.builder().clock(clock).deployMetadata(metadata()).persistTo(singleFile).build().start()) {
      saved.data().insert("Account", Map.of("Name", "Acme"));
    }
    ConfigurationException toMulti = assertThrows(ConfigurationException.class, () -> SalesforceSandbox.builder().clock(clock)
        .deployMetadata(metadata()).persistTo(singleFile).multiCurrency("GBP", Set.of()).build().start());
    assertTrue(toMulti.getMessage().contains("single-currency org"), toMulti.getMessage());
  }
}
