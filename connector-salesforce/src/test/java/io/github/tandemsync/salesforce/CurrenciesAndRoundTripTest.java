package io.github.tandemsync.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountBalances;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Delivery;
import io.github.tandemsync.core.model.DeliveryLine;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Order;
import io.github.tandemsync.core.model.OrderStatus;
import io.github.tandemsync.core.model.Price;
import io.github.tandemsync.core.model.Product;
import io.github.tandemsync.core.model.SalesLine;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.testkit.salesforce.SandboxRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Multi- and single-currency orgs, and records that read back exactly as they were written (what
 * a second sync cycle relies on to write nothing).
 */
class CurrenciesAndRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule());

  /** A record as the sync engine compares it: JSON, numbers by value, no nulls. */
  private static JsonNode comparable(Object value) {
    return normalise(JSON.valueToTree(value));
  }

  private static JsonNode normalise(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          out.set(e.getKey(), normalise(e.getValue()));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      node.forEach(n -> out.add(normalise(n)));
      return out;
    }
    if (node.isNumber()) {
      BigDecimal d = node.decimalValue();
      return JSON.getNodeFactory().textNode(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    }
    return node;
  }

  private static <T> WriteOutcome<T> write(SalesforceConnector c, EntityType<T> type, T value, String key) {
    return c.writer(type).orElseThrow().write(List.of(WriteRequest.create(value, key))).get(0);
  }

  private static <T> T readBack(SalesforceConnector c, EntityType<T> type, String id) {
    List<Change<T>> changes = c.reader(type).orElseThrow().fetch(List.of(id));
    assertEquals(1, changes.size(), changes.toString());
    return changes.get(0).value().orElseThrow();
  }

  private static void products(SalesforceConnector c, String... codes) {
    List<WriteRequest<Product>> requests = new ArrayList<>();
    for (String code : codes) {
      requests.add(WriteRequest.create(Product.builder().code(code).description(code + " description").build(), "p-" + code));
    }
    assertTrue(c.writer(EntityTypes.PRODUCT).orElseThrow().write(requests).stream().allMatch(WriteOutcome::isSuccess));
  }

  private static Price price(String book, String code, String amount, String currency) {
    return Price.builder().productCode(code).priceBook(book).unitPrice(Money.of(amount, currency)).active(true).build();
  }

  private static Account customer(String code, String currency) {
    return Account.builder().code(code).role(AccountRole.CUSTOMER).name(code + " Ltd").currency(currency)
        .creditLimit(Money.of("5000.00", currency)).build();
  }

  private static SalesLine line(int number, String product, String quantity, String price, String currency) {
    return SalesLine.builder().lineNumber(number).productCode(product).description("Line " + number).quantity(new BigDecimal(quantity))
        .unitPrice(Money.of(price, currency)).netAmount(Money.of(new BigDecimal(price).multiply(new BigDecimal(quantity)), currency))
        .vatCode("S").warehouseCode("MAI").deliveryDate(LocalDate.of(2026, 3, 20)).build();
  }

  /** A description-only line of an Exchequer order: no product, a price and a multi-line description. */
  private static SalesLine textLine(int number, String currency) {
    return SalesLine.builder().lineNumber(number).description("Installation labour\nOn site, day 2").quantity(new BigDecimal("7"))
        .unitPrice(Money.of("45.00", currency)).netAmount(Money.of("315.00", currency)).vatCode("Z").build();
  }

  private static Optional<SandboxRecord> byKey(SandboxFixture f, String object, String key) {
    return f.sandbox.data().list(object).stream().filter(r -> r.string("ERP_Id__c").orElse("").equals(key)).findFirst();
  }

  // ------------------------------------------------------------------ multi-currency

  @Test
  void aMultiCurrencyOrgGetsPricesAndOrdersInTheirOwnCurrency() {
    try (SandboxFixture f = SandboxFixture.multiCurrency(4_217L, "GBP", Set.of("EUR", "USD"))) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.PRODUCT, EntityTypes.PRICE,
          EntityTypes.ORDER));
      assertTrue(write(c, EntityTypes.ACCOUNT, customer("GRLA01", "USD"), "a1").isSuccess());
      products(c, "BOLT", "NUT");
      List<WriteRequest<Price>> prices = new ArrayList<>();
      for (String code : List.of("BOLT", "NUT")) {
        prices.add(WriteRequest.create(price("A", code, "2.50", "GBP"), "A" + code));
        prices.add(WriteRequest.create(price("G", code, "2.90", "EUR"), "G" + code));
        prices.add(WriteRequest.create(price("H", code, "3.20", "USD"), "H" + code));
      }
      List<WriteOutcome<Price>> priceOut = c.writer(EntityTypes.PRICE).orElseThrow().write(prices);
      assertTrue(priceOut.stream().allMatch(WriteOutcome::isSuccess), priceOut.toString());
      // One standard entry per product and currency, then the band entries: no "price definition already exists".
      for (String key : List.of("STD-BOLT-GBP", "STD-BOLT-EUR", "STD-BOLT-USD", "A-BOLT-GBP", "G-BOLT-EUR", "H-NUT-USD")) {
        SandboxRecord entry = byKey(f, "PricebookEntry", key).orElseThrow(() -> new AssertionError(key + " missing"));
        assertEquals(key.substring(key.lastIndexOf('-') + 1), entry.string("CurrencyIsoCode").orElseThrow(), key);
      }
      assertEquals(12, f.sandbox.data().list("PricebookEntry").size());
      // Replaying the prices (a new cycle) changes prices in place: an entry's currency is create-only and is not sent again.
      List<WriteOutcome<Price>> again = c.writer(EntityTypes.PRICE).orElseThrow().write(prices);
      assertTrue(again.stream().allMatch(WriteOutcome::isSuccess), again.toString());
      assertEquals(12, f.sandbox.data().list("PricebookEntry").size());

      Order order = Order.builder().number("SOR006302").accountCode("GRLA01").status(OrderStatus.OPEN).priceBook("H").currency("USD")
          .orderDate(LocalDate.of(2026, 3, 2)).customerReference("PO-77")
          .lines(List.of(line(1, "BOLT", "10", "3.20", "USD"), textLine(2, "USD"), line(3, "NUT", "5", "3.20", "USD")))
          .netTotal(Money.of("363.00", "USD")).build();
      WriteOutcome<Order> out = write(c, EntityTypes.ORDER, order, "o1");
      assertTrue(out.isSuccess(), out.toString());
      SandboxRecord sfOrder = f.sandbox.data().find(out.nativeId().orElseThrow()).orElseThrow();
      assertEquals("USD", sfOrder.string("CurrencyIsoCode").orElseThrow(), "amounts show in the order's currency");
      for (SandboxRecord item : f.sandbox.data().list("OrderItem")) {
        SandboxRecord entry = f.sandbox.data().find(item.string("PricebookEntryId").orElseThrow()).orElseThrow();
        assertEquals("USD", entry.string("CurrencyIsoCode").orElseThrow());
      }
      assertEquals(2, f.sandbox.data().list("OrderItem").size(), "the line without a product is no order product");
      assertEquals("USD", byKey(f, "Account", "C-GRLA01").orElseThrow().string("CurrencyIsoCode").orElseThrow());

      Order back = readBack(c, EntityTypes.ORDER, out.nativeId().orElseThrow());
      assertEquals(comparable(order), comparable(back), "the order reads back as written, currency and text line included");
      // Band H has no EUR prices: a EUR order on it fails whole, naming the line's product.
      Order euro = order.toBuilder().number("SOR006303").currency("EUR").lines(List.of(line(1, "BOLT", "1", "2.90", "EUR"))).build();
      WriteOutcome<Order> noEntry = write(c, EntityTypes.ORDER, euro, "o2");
      assertEquals(Optional.of("lines.productCode"), noEntry.error().orElseThrow().field(), noEntry.toString());
      assertTrue(noEntry.error().orElseThrow().message().contains("H-BOLT-EUR"), noEntry.toString());
      assertEquals(1, f.sandbox.data().list("Order").size());
      Account account = readBack(c, EntityTypes.ACCOUNT, byKey(f, "Account", "C-GRLA01").orElseThrow().id());
      assertEquals(Optional.of("USD"), account.currency());
      assertEquals("USD", account.creditLimit().orElseThrow().currency());
    }
  }

  @Test
  void aCurrencyTheOrgHasNotActivatedIsRefusedNamingTheField() {
    try (SandboxFixture f = SandboxFixture.multiCurrency(4_218L, "GBP", Set.of("EUR"))) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.PRODUCT, EntityTypes.PRICE));
      products(c, "BOLT");
      WriteOutcome<Price> franc = write(c, EntityTypes.PRICE, price("B", "BOLT", "3.00", "CHF"), "chf");
      assertEquals("UNSUPPORTED_CURRENCY", franc.error().orElseThrow().code(), franc.toString());
      assertEquals(Optional.of("unitPrice.currency"), franc.error().orElseThrow().field());
      assertFalse(franc.error().orElseThrow().retryable());
      assertTrue(franc.error().orElseThrow().message().contains("CHF"), franc.toString());
      WriteOutcome<Account> account = write(c, EntityTypes.ACCOUNT, customer("ZURI01", "CHF"), "zuri");
      assertEquals(Optional.of("currency"), account.error().orElseThrow().field(), account.toString());
      assertTrue(f.sandbox.data().list("PricebookEntry").isEmpty());
      assertTrue(f.sandbox.data().list("Account").isEmpty());
    }
  }

  // ------------------------------------------------------------------ single currency

  @Test
  void aSingleCurrencyOrgRefusesPricesAndOrdersInAnotherCurrency() {
    try (SandboxFixture f = new SandboxFixture(4_219L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.PRODUCT, EntityTypes.PRICE,
          EntityTypes.ORDER));
      assertTrue(write(c, EntityTypes.ACCOUNT, customer("LYBT01", "EUR"), "a1").isSuccess(), "accounts keep their currency in a text field");
      products(c, "BOLT");
      List<WriteOutcome<Price>> out = c.writer(EntityTypes.PRICE).orElseThrow().write(List.of(
          WriteRequest.create(price("A", "BOLT", "2.50", "GBP"), "gbp"), WriteRequest.create(price("G", "BOLT", "2.90", "EUR"), "eur")));
      assertTrue(out.get(0).isSuccess(), out.toString());
      assertEquals("UNSUPPORTED_CURRENCY", out.get(1).error().orElseThrow().code(), out.toString());
      assertEquals(Optional.of("unitPrice.currency"), out.get(1).error().orElseThrow().field());
      assertTrue(f.sandbox.data().list("PricebookEntry").stream().noneMatch(e -> e.string("ERP_Id__c").orElse("").endsWith("EUR")),
          "no EUR amount stored as a GBP price");

      Order euro = Order.builder().number("SOR006316").accountCode("LYBT01").currency("EUR").lines(List.of(line(1, "BOLT", "1", "2.90",
          "EUR"))).build();
      WriteOutcome<Order> refused = write(c, EntityTypes.ORDER, euro, "o1");
      assertEquals("UNSUPPORTED_CURRENCY", refused.error().orElseThrow().code(), refused.toString());
      assertEquals(Optional.of("currency"), refused.error().orElseThrow().field());
      assertTrue(refused.error().orElseThrow().message().contains("SOR006316"), refused.toString());
      assertTrue(f.sandbox.data().list("Order").isEmpty());
    }
  }

  // ------------------------------------------------------------------ round trips

  @Test
  void orderLinesWithoutAProductAndTheErpsReferenceReadBackExactly() {
    try (SandboxFixture f = new SandboxFixture(6_301L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.PRODUCT, EntityTypes.PRICE,
          EntityTypes.ORDER));
      assertTrue(write(c, EntityTypes.ACCOUNT, customer("ABAP01", "GBP"), "a1").isSuccess());
      products(c, "BOLT", "NUT");
      c.writer(EntityTypes.PRICE).orElseThrow().write(List.of(WriteRequest.create(price("A", "BOLT", "2.50", "GBP"), "p1"),
          WriteRequest.create(price("A", "NUT", "0.40", "GBP"), "p2")));
      // Exchequer numbers lines with gaps (continuation lines fold into descriptions).
      // Draft, so that its products may still change (an activated order's may not).
      Order order = Order.builder().number("SOR006301").externalReference("CRM-351913").accountCode("ABAP01").status(OrderStatus.DRAFT)
          .currency("GBP").orderDate(LocalDate.of(2026, 1, 14)).requestedDate(LocalDate.of(2026, 3, 15))
          .lines(List.of(line(1, "BOLT", "4", "2.50", "GBP"), textLine(3, "GBP"), line(4, "NUT", "100", "0.40", "GBP"), textLine(7, "GBP")))
          .netTotal(Money.of("680.00", "GBP")).taxTotal(Money.of("0.00", "GBP")).build();
      WriteOutcome<Order> out = write(c, EntityTypes.ORDER, order, "o1");
      assertTrue(out.isSuccess(), out.toString());
      SandboxRecord sf = f.sandbox.data().find(out.nativeId().orElseThrow()).orElseThrow();
      assertEquals("CRM-351913", sf.string("ERP_External_Reference__c").orElseThrow());
      assertTrue(sf.string("ERP_Text_Lines__c").orElseThrow().contains("Installation labour"));
      assertEquals(2, f.sandbox.data().list("OrderItem").size());
      assertEquals(comparable(order), comparable(readBack(c, EntityTypes.ORDER, sf.id())), "lines merged back by number, reference kept");

      // An ERP order without a CRM reference reads back without one (not with the Salesforce Id).
      Order plain = order.toBuilder().number("SOR006399").externalReference(Optional.empty()).lines(List.of(textLine(1, "GBP"))).build();
      WriteOutcome<Order> plainOut = write(c, EntityTypes.ORDER, plain, "o2");
      assertTrue(plainOut.isSuccess(), plainOut.toString());
      assertEquals(comparable(plain), comparable(readBack(c, EntityTypes.ORDER, plainOut.nativeId().orElseThrow())));

      // A line loses its product: the order product goes, the line is kept as text.
      Order changed = order.toBuilder().lines(List.of(line(1, "BOLT", "4", "2.50", "GBP"), textLine(3, "GBP"), textLine(4, "GBP"),
          textLine(7, "GBP"))).build();
      WriteOutcome<Order> update = c.writer(EntityTypes.ORDER).orElseThrow()
          .write(List.of(WriteRequest.update(sf.id(), changed, Set.of("lines"), "o1-u"))).get(0);
      assertTrue(update.isSuccess(), update.toString());
      assertEquals(comparable(changed), comparable(readBack(c, EntityTypes.ORDER, sf.id())));
    }
  }

  @Test
  void anOrderBornInSalesforceKeepsItsIdAsReferenceOnceTheErpNumbersIt() {
    try (SandboxFixture f = new SandboxFixture(6_302L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.ORDER));
      assertTrue(write(c, EntityTypes.ACCOUNT, customer("ABAP01", "GBP"), "a1").isSuccess());
      String account = byKey(f, "Account", "C-ABAP01").orElseThrow().id();
      String id = f.sandbox.data().insert("Order", Map.of("AccountId", account, "EffectiveDate", "2026-03-02", "Status", "Draft",
          "Pricebook2Id", f.sandbox.data().standardPricebookId(), "PoNumber", "PO-1"));
      Order read = readBack(c, EntityTypes.ORDER, id);
      assertEquals(Optional.of(id), read.externalReference());
      assertTrue(read.number().isEmpty());
      // The ERP assigned its number: the follow-up writes it back (the reference goes with it).
      Order numbered = read.toBuilder().number("SOR007001").build();
      WriteOutcome<Order> out = c.writer(EntityTypes.ORDER).orElseThrow()
          .write(List.of(WriteRequest.update(id, numbered, Set.of("number"), "n1"))).get(0);
      assertTrue(out.isSuccess(), out.toString());
      Order after = readBack(c, EntityTypes.ORDER, id);
      assertEquals(Optional.of("SOR007001"), after.number());
      assertEquals(Optional.of(id), after.externalReference(), "still the Salesforce Id");
      assertEquals(comparable(numbered), comparable(after));
    }
  }

  @Test
  void orderProductsAddedInSalesforceKeepTheirIdentityWhenTheErpNumbersThem() {
    try (SandboxFixture f = new SandboxFixture(6_303L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.PRODUCT, EntityTypes.PRICE,
          EntityTypes.ORDER));
      assertTrue(write(c, EntityTypes.ACCOUNT, customer("ABAP01", "GBP"), "a1").isSuccess());
      products(c, "BOLT");
      assertTrue(write(c, EntityTypes.PRICE, price("A", "BOLT", "2.50", "GBP"), "p1").isSuccess());
      String entry = byKey(f, "PricebookEntry", "STD-BOLT-GBP").orElseThrow().id();
      String id = f.sandbox.data().insert("Order", Map.of("AccountId", byKey(f, "Account", "C-ABAP01").orElseThrow().id(),
          "EffectiveDate", "2026-03-02", "Status", "Draft", "Pricebook2Id", f.sandbox.data().standardPricebookId()));
      String item = f.sandbox.data().insert("OrderItem", Map.of("OrderId", id, "PricebookEntryId", entry, "Quantity", 3, "UnitPrice", 2.5));
      Order read = readBack(c, EntityTypes.ORDER, id);
      assertEquals(Optional.of(item), read.lines().get(0).externalReference(), "a Salesforce line is known by its Id");

      RecordWriter<Order> writer = c.writer(EntityTypes.ORDER).orElseThrow();
      Order numbered = read.toBuilder().number("SOR007002").build();
      assertTrue(writer.write(List.of(WriteRequest.update(id, numbered, Set.of("number"), "n1"))).get(0).isSuccess());
      assertEquals(List.of(item), f.sandbox.data().list("OrderItem").stream().map(SandboxRecord::id).toList(),
          "writing the number back leaves the lines alone");
      assertEquals(comparable(numbered), comparable(readBack(c, EntityTypes.ORDER, id)));

      // The ERP's view of the order: its lines numbered and completed.
      Order fromErp = numbered.toBuilder().status(OrderStatus.OPEN).lines(List.of(line(1, "BOLT", "3", "2.50", "GBP"))).build();
      WriteOutcome<Order> out = writer.write(List.of(WriteRequest.update(id, fromErp, Set.of("lines", "status"), "e1"))).get(0);
      assertTrue(out.isSuccess(), out.toString());
      List<SandboxRecord> items = f.sandbox.data().list("OrderItem");
      assertEquals(List.of(item), items.stream().map(SandboxRecord::id).toList(), "the same order product, now keyed by the ERP");
      assertEquals(Optional.of("SOR007002-1"), items.get(0).string("ERP_Id__c"));
      assertEquals("Activated", f.sandbox.data().find(id).orElseThrow().string("Status").orElseThrow());
      assertEquals(comparable(fromErp), comparable(readBack(c, EntityTypes.ORDER, id)));
    }
  }

  @Test
  void deliveriesReadBackAsWritten() {
    try (SandboxFixture f = new SandboxFixture(5_166L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.DELIVERY));
      assertTrue(write(c, EntityTypes.ACCOUNT, customer("ABAP01", "GBP"), "a1").isSuccess());
      Delivery delivery = Delivery.builder().number("SDN005166").orderNumber("SOR006301").orderExternalReference("CRM-351913")
          .accountCode("ABAP01").date(LocalDate.of(2026, 3, 3)).customerReference("PO-1")
          .lines(List.of(
              DeliveryLine.builder().lineNumber(1).orderLineNumber(1).productCode("BOLT").description("Bolt").quantity(new BigDecimal("4"))
                  .pickedQuantity(new BigDecimal("4")).warehouseCode("MAI").build(),
              DeliveryLine.builder().lineNumber(2).orderLineNumber(3).description("Installation labour").quantity(new BigDecimal("7"))
                  .build()))
          .build();
      WriteOutcome<Delivery> out = write(c, EntityTypes.DELIVERY, delivery, "d1");
      assertTrue(out.isSuccess(), out.toString());
      Delivery back = readBack(c, EntityTypes.DELIVERY, out.nativeId().orElseThrow());
      assertTrue(back.externalReference().isEmpty(), "no Salesforce Id in place of the ERP's (empty) reference");
      assertEquals(comparable(delivery), comparable(back));
    }
  }

  @Test
  void writersListExactlyWhatTheyStore() {
    try (SandboxFixture f = new SandboxFixture(3L)) {
      SalesforceConnector c = f.started(f.connector());
      // Quotes are Salesforce's documents: their Id is read as the external reference and never written.
      assertFalse(c.writer(EntityTypes.QUOTE).orElseThrow().fields().contains("externalReference"));
      assertTrue(c.reader(EntityTypes.QUOTE).orElseThrow().fields().contains("externalReference"));
      assertTrue(c.writer(EntityTypes.QUOTE).orElseThrow().fields().contains("number"));
      // Orders and deliveries keep the ERP's reference in a field of their own.
      for (RecordWriter<?> w : List.of(c.writer(EntityTypes.ORDER).orElseThrow(), c.writer(EntityTypes.DELIVERY).orElseThrow())) {
        assertTrue(w.fields().contains("externalReference"), w.fields().toString());
      }
      assertTrue(c.writer(EntityTypes.ORDER).orElseThrow().fields().contains("priceBook"), "set when the order is created");
      assertFalse(c.writer(EntityTypes.ORDER).orElseThrow().fields().contains("quoteReference"), "QuoteId is Salesforce's");
      assertFalse(c.writer(EntityTypes.OPPORTUNITY).orElseThrow().fields().contains("amount"), "a roll-up");
      assertTrue(c.writer(EntityTypes.PRICE).orElseThrow().fields().contains("priceBook"));
    }
  }

  @Test
  void balancesLeaveTheAccountsTradingCurrencyAlone() {
    for (boolean multi : List.of(false, true)) {
      try (SandboxFixture f = multi ? SandboxFixture.multiCurrency(4_400L, "GBP", Set.of("EUR", "USD")) : new SandboxFixture(4_401L)) {
        SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.ACCOUNT_BALANCES));
        assertTrue(write(c, EntityTypes.ACCOUNT, customer("GRLA01", "USD"), "a1").isSuccess());
        AccountBalances balances = AccountBalances.builder().accountCode("GRLA01").currency("GBP").balance(new BigDecimal("2466.15"))
            .monthToDate(BigDecimal.ZERO).yearToDate(new BigDecimal("158.62")).lastYearToDate(new BigDecimal("2391.84"))
            .creditLimit(new BigDecimal("5000")).build();
        WriteOutcome<AccountBalances> out = write(c, EntityTypes.ACCOUNT_BALANCES, balances, "b1");
        assertTrue(out.isSuccess(), out.toString());
        SandboxRecord sf = byKey(f, "Account", "C-GRLA01").orElseThrow();
        assertEquals("USD", sf.string("ERP_Currency__c").orElseThrow(), "multi=" + multi);
        assertEquals("GBP", sf.string("ERP_Balance_Currency__c").orElseThrow());
        assertEquals(multi ? Optional.of("USD") : Optional.empty(), sf.string("CurrencyIsoCode"));
        Account back = readBack(c, EntityTypes.ACCOUNT, sf.id());
        assertEquals(Optional.of("USD"), back.currency());
        assertEquals(Money.of("5000.00", "USD").amount().compareTo(back.creditLimit().orElseThrow().amount()), 0);
        assertEquals("USD", back.creditLimit().orElseThrow().currency());
      }
    }
  }
}
