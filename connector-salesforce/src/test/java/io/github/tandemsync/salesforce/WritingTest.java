package io.github.tandemsync.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountBalances;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Order;
import io.github.tandemsync.core.model.OrderStatus;
import io.github.tandemsync.core.model.Price;
import io.github.tandemsync.core.model.Product;
import io.github.tandemsync.core.model.SalesLine;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.SandboxRecord;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritingTest {

  static Account account(int i) {
    return Account.builder().code(String.format("W%04d", i)).role(AccountRole.CUSTOMER).name("Customer " + i)
        .currency("GBP").creditLimit(Money.of("1000.00", "GBP")).onStop(i % 7 == 0).build();
  }

  static List<WriteRequest<Account>> creates(int n) {
    return IntStream.range(0, n).mapToObj(i -> WriteRequest.create(account(i), "acc-" + i)).toList();
  }

  @Test
  void fourHundredFiftyUpsertsTakeExactlyThreeCollectionCalls() {
    try (SandboxFixture f = new SandboxFixture(450L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      long before = f.counted(ResourceKind.COLLECTIONS);
      long allBefore = f.sandbox.usage().total();
      List<WriteOutcome<Account>> out = c.writer(EntityTypes.ACCOUNT).orElseThrow().write(creates(450));
      assertEquals(3, f.counted(ResourceKind.COLLECTIONS) - before);
      assertEquals(3, f.sandbox.usage().total() - allBefore, "no other call");
      assertEquals(450, out.stream().filter(o -> o.status() == WriteOutcome.Status.CREATED).count());
      assertEquals(450, f.sandbox.data().list("Account").size());
      // Replaying the same batch (a crash before the engine stored the outcomes) creates nothing new.
      List<WriteOutcome<Account>> again = c.writer(EntityTypes.ACCOUNT).orElseThrow().write(creates(450));
      assertEquals(450, again.stream().filter(o -> o.status() == WriteOutcome.Status.UPDATED).count());
      assertEquals(450, f.sandbox.data().list("Account").size());
      assertEquals(c.apiUsage().callsByEntity().get("account"), 6L);
    }
  }

  @Test
  void invalidRecordsFailAloneAndNameTheField() {
    try (SandboxFixture f = new SandboxFixture(11L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      List<WriteRequest<Account>> batch = new ArrayList<>(creates(5));
      batch.add(2, WriteRequest.create(account(90).toBuilder().email("not an e-mail").build(), "bad-email"));
      batch.add(4, WriteRequest.create(account(91).toBuilder().name("N".repeat(300)).build(), "too-long"));
      batch.add(WriteRequest.create(Account.builder().role(AccountRole.CUSTOMER).name("No code").build(), "no-key"));
      List<WriteOutcome<Account>> out = c.writer(EntityTypes.ACCOUNT).orElseThrow().write(batch);
      assertEquals(batch.size(), out.size());
      assertEquals(5, out.stream().filter(WriteOutcome::isSuccess).count(), out.toString());
      assertEquals(Optional.of("email"), out.get(2).error().orElseThrow().field(), out.get(2).toString());
      assertEquals(Optional.of("name"), out.get(4).error().orElseThrow().field(), out.get(4).toString());
      assertEquals("MISSING_KEY", out.get(7).error().orElseThrow().code());
      assertEquals(Optional.of("code"), out.get(7).error().orElseThrow().field());
      assertTrue(out.get(2).error().orElseThrow().message().contains("C-W0090"), out.get(2).toString());
      assertFalse(out.get(2).error().orElseThrow().retryable());
      assertEquals(5, f.sandbox.data().list("Account").size());
    }
  }

  @Test
  void bulkAboveThresholdReconcilesResultsByExternalId() {
    try (SandboxFixture f = new SandboxFixture(2_024L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT).bulkThreshold(100));
      List<WriteRequest<Account>> batch = new ArrayList<>(creates(250));
      batch.set(17, WriteRequest.create(account(17).toBuilder().name("X".repeat(300)).build(), "acc-17"));
      long collections = f.counted(ResourceKind.COLLECTIONS);
      List<WriteOutcome<Account>> out = c.writer(EntityTypes.ACCOUNT).orElseThrow().write(batch);
      assertEquals(collections, f.counted(ResourceKind.COLLECTIONS), "no collection call on the Bulk path");
      assertTrue(f.counted(ResourceKind.BULK) >= 5, "job, upload, close, poll, results");
      assertEquals(249, out.stream().filter(WriteOutcome::isSuccess).count());
      assertFalse(out.get(17).isSuccess());
      Map<String, String> idByKey = f.sandbox.data().list("Account").stream()
          .collect(Collectors.toMap(r -> r.string("ERP_Id__c").orElseThrow(), SandboxRecord::id));
      for (int i = 0; i < 250; i++) {
        if (i != 17) {
          assertEquals(idByKey.get(String.format("C-W%04d", i)), out.get(i).nativeId().orElseThrow(), "outcome " + i + " matched by external id");
        }
      }
    }
  }

  @Test
  void severalExternalIdMatchesAreAPermanentDuplicateError(@TempDir Path extra) throws Exception {
    legacyCodeField(extra, false);
    try (SandboxFixture f = new SandboxFixture(300L, 15_000, false, extra)) {
      f.sandbox.data().insert("Account", Map.of("Name", "Twin 1", "Legacy_Code__c", "C-DUP"));
      f.sandbox.data().insert("Account", Map.of("Name", "Twin 2", "Legacy_Code__c", "C-DUP"));
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT)
          .naming(SalesforceNaming.builder().renameField("Account", "ERP_Id__c", "Legacy_Code__c").build()));
      Account dup = Account.builder().code("DUP").role(AccountRole.CUSTOMER).name("Dup").build();
      WriteOutcome<Account> out = c.writer(EntityTypes.ACCOUNT).orElseThrow().write(List.of(WriteRequest.create(dup, "dup"))).get(0);
      assertEquals("DUPLICATE_EXTERNAL_ID", out.error().orElseThrow().code(), out.toString());
      assertFalse(out.error().orElseThrow().retryable());
      assertTrue(out.error().orElseThrow().message().contains("C-DUP"));
      assertEquals(2, f.sandbox.data().list("Account").size());
    }
  }

  /** An org's own external-id field on Account, to rename Tandem's ERP_Id__c to. */
  private static void legacyCodeField(Path extra, boolean unique) throws java.io.IOException {
    Path fields = Files.createDirectories(extra.resolve("objects/Account/fields"));
    Files.writeString(fields.resolve("Legacy_Code__c.field-meta.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
            <fullName>Legacy_Code__c</fullName>
            <externalId>true</externalId>
            <label>Legacy Code</label>
            <length>80</length>
            <required>false</required>
            <type>Text</type>
            <unique>%s</unique>
        </CustomField>
        """.formatted(unique));
  }

  @Test
  void contactsAreFoundByTheirAccountCodeThroughARenamedAccountKey(@TempDir Path extra) throws Exception {
    legacyCodeField(extra, true);
    try (SandboxFixture f = new SandboxFixture(301L, 15_000, false, extra)) {
      String account = f.sandbox.data().insert("Account", Map.of("Name", "Renamed Key Ltd", "Legacy_Code__c", "C-RENK01"));
      String contact = f.sandbox.data().insert("Contact", Map.of("LastName", "Keyes", "AccountId", account));
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.CONTACT)
          .naming(SalesforceNaming.builder().renameField("Account", "ERP_Id__c", "Legacy_Code__c").build()));
      var found = c.reader(EntityTypes.CONTACT).orElseThrow().findByKey("accountCode", List.of("RENK01"));
      assertEquals(List.of(contact), found.stream().map(ch -> ch.nativeId()).toList());
    }
  }

  @Test
  void suppliersAreSyncedOnlyWhenEnabled() {
    try (SandboxFixture f = new SandboxFixture(5_150L)) {
      Account supplier = Account.builder().code("SUP1").role(AccountRole.SUPPLIER).name("Supplies Ltd").build();
      SalesforceConnector off = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      WriteOutcome<Account> refused = off.writer(EntityTypes.ACCOUNT).orElseThrow().write(List.of(WriteRequest.create(supplier, "s"))).get(0);
      assertEquals("SUPPLIERS_DISABLED", refused.error().orElseThrow().code());
      SalesforceConnector on = f.started(f.connector().entities(EntityTypes.ACCOUNT).includeSuppliers(true));
      assertTrue(on.writer(EntityTypes.ACCOUNT).orElseThrow().write(List.of(WriteRequest.create(supplier, "s"))).get(0).isSuccess());
      assertEquals("S-SUP1", f.sandbox.data().list("Account").get(0).string("ERP_Id__c").orElseThrow());
      off.writer(EntityTypes.ACCOUNT).orElseThrow().write(creates(1));
      f.clock.advance(java.time.Duration.ofSeconds(5));
      var offRead = ChangeReadingTest.drain(off.reader(EntityTypes.ACCOUNT).orElseThrow(), io.github.tandemsync.core.spi.Watermark.initial(),
          10, new ArrayList<>());
      assertEquals(1, offRead.size(), "the supplier is skipped when suppliers are off");
      var onRead = ChangeReadingTest.drain(on.reader(EntityTypes.ACCOUNT).orElseThrow(), io.github.tandemsync.core.spi.Watermark.initial(),
          10, new ArrayList<>());
      assertEquals(2, onRead.size());
      assertTrue(onRead.stream().anyMatch(ch -> ch.value().orElseThrow().role() == AccountRole.SUPPLIER));
    }
  }

  @Test
  void balancesOnlyUpdateExistingAccounts() {
    try (SandboxFixture f = new SandboxFixture(99L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.ACCOUNT_BALANCES));
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(creates(2));
      RecordWriter<AccountBalances> w = c.writer(EntityTypes.ACCOUNT_BALANCES).orElseThrow();
      AccountBalances known = AccountBalances.builder().accountCode("W0001").currency("GBP").balance(new BigDecimal("123.45"))
          .monthToDate(new BigDecimal("10")).yearToDate(new BigDecimal("100")).lastYearToDate(new BigDecimal("90")).build();
      AccountBalances unknown = known.toBuilder().accountCode("NOPE").build();
      List<WriteOutcome<AccountBalances>> out = w.write(List.of(WriteRequest.create(known, "b1"), WriteRequest.create(unknown, "b2")));
      assertEquals(WriteOutcome.Status.UPDATED, out.get(0).status(), out.toString());
      assertEquals("NOT_FOUND", out.get(1).error().orElseThrow().code());
      assertEquals(Optional.of("accountCode"), out.get(1).error().orElseThrow().field());
      assertEquals(2, f.sandbox.data().list("Account").size(), "no account created for a balance");
      SandboxRecord acc = f.sandbox.data().list("Account").stream().filter(r -> r.string("ERP_Id__c").orElse("").equals("C-W0001"))
          .findFirst().orElseThrow();
      assertEquals(0, new BigDecimal("123.45").compareTo(acc.decimal("ERP_Balance__c").orElseThrow()));
      // A supplier's balance lands on its S- account.
      f.sandbox.data().insert("Account", Map.of("Name", "Supplies Ltd", "ERP_Id__c", "S-SUP9"));
      assertTrue(w.write(List.of(WriteRequest.create(known.toBuilder().accountCode("SUP9").build(), "b3"))).get(0).isSuccess());
      assertEquals(0, new BigDecimal("123.45").compareTo(f.sandbox.data().list("Account").stream()
          .filter(r -> r.string("ERP_Id__c").orElse("").equals("S-SUP9")).findFirst().orElseThrow().decimal("ERP_Balance__c").orElseThrow()));
    }
  }

  @Test
  void orderWithItemsIsWrittenAtomicallyOnItsPriceBookThenActivated() {
    try (SandboxFixture f = new SandboxFixture(801L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.PRODUCT, EntityTypes.PRICE,
          EntityTypes.ORDER));
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(creates(1));
      List<WriteRequest<Product>> products = List.of(
          WriteRequest.create(Product.builder().code("BOLT").description("Bolt").build(), "p1"),
          WriteRequest.create(Product.builder().code("NUT").description("Nut").build(), "p2"));
      assertTrue(c.writer(EntityTypes.PRODUCT).orElseThrow().write(products).stream().allMatch(WriteOutcome::isSuccess));
      List<WriteRequest<Price>> prices = new ArrayList<>();
      for (String band : List.of("A", "B")) {
        for (String code : List.of("BOLT", "NUT")) {
          Price p = Price.builder().productCode(code).priceBook(band).unitPrice(Money.of(band.equals("A") ? "2.50" : "2.00", "GBP"))
              .active(true).build();
          prices.add(WriteRequest.create(p, band + code));
        }
      }
      List<WriteOutcome<Price>> priceOut = c.writer(EntityTypes.PRICE).orElseThrow().write(prices);
      assertTrue(priceOut.stream().allMatch(WriteOutcome::isSuccess), priceOut.toString());
      assertEquals(6, f.sandbox.data().list("PricebookEntry").size(), "two standard entries and four band entries");

      Order order = Order.builder().number("SOR000123").accountCode("W0000").status(OrderStatus.OPEN).priceBook("B").currency("GBP")
          .orderDate(LocalDate.of(2026, 3, 2))
          .lines(List.of(
              SalesLine.builder().lineNumber(1).productCode("BOLT").quantity(new BigDecimal("10")).unitPrice(Money.of("2.00", "GBP")).build(),
              SalesLine.builder().lineNumber(2).productCode("NUT").quantity(new BigDecimal("20")).unitPrice(Money.of("2.00", "GBP")).build()))
          .build();
      long graphs = f.counted(ResourceKind.GRAPH);
      WriteOutcome<Order> out = c.writer(EntityTypes.ORDER).orElseThrow().write(List.of(WriteRequest.create(order, "o1"))).get(0);
      assertTrue(out.isSuccess(), out.toString());
      assertEquals(1, f.counted(ResourceKind.GRAPH) - graphs, "header and items in one graph call");
      SandboxRecord sfOrder = f.sandbox.data().list("Order").get(0);
      assertEquals("Activated", sfOrder.string("Status").orElseThrow());
      List<SandboxRecord> items = f.sandbox.data().list("OrderItem");
      assertEquals(2, items.size());
      for (SandboxRecord item : items) {
        String entryId = item.string("PricebookEntryId").orElseThrow();
        SandboxRecord entry = f.sandbox.data().find(entryId).orElseThrow();
        assertEquals(sfOrder.string("Pricebook2Id").orElseThrow(), entry.string("Pricebook2Id").orElseThrow(), "entry of the order's book");
      }
      // Replay: same order, nothing duplicated.
      WriteOutcome<Order> again = c.writer(EntityTypes.ORDER).orElseThrow()
          .write(List.of(WriteRequest.update(out.nativeId().orElseThrow(), order, Set.of(), "o1"))).get(0);
      assertTrue(again.isSuccess(), again.toString());
      assertEquals(1, f.sandbox.data().list("Order").size());
      assertEquals(2, f.sandbox.data().list("OrderItem").size());

      // A line for a product without a price-book entry fails the whole order, nothing half-written.
      Order broken = order.toBuilder().number("SOR000124").lines(List.of(order.lines().get(0),
          SalesLine.builder().lineNumber(2).productCode("NOPRICE").quantity(BigDecimal.ONE).unitPrice(Money.of("1.00", "GBP")).build())).build();
      WriteOutcome<Order> failed = c.writer(EntityTypes.ORDER).orElseThrow().write(List.of(WriteRequest.create(broken, "o2"))).get(0);
      assertFalse(failed.isSuccess());
      assertEquals(1, f.sandbox.data().list("Order").size(), "graph rolled back: " + failed);
      assertEquals(2, f.sandbox.data().list("OrderItem").size());
    }
  }

  @Test
  void anAccountMarkedAsACustomerInSalesforceReadsAsACustomerBeforeItHasAnErpCode() {
    try (SandboxFixture f = new SandboxFixture(77L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      String prospect = f.sandbox.data().insert("Account", Map.of("Name", "Maybe Ltd", "Type", "Prospect"));
      String customer = f.sandbox.data().insert("Account", Map.of("Name", "Signed Ltd", "Type", "Customer - Channel"));
      Map<String, Account> read = c.reader(EntityTypes.ACCOUNT).orElseThrow().fetch(List.of(prospect, customer)).stream()
          .collect(Collectors.toMap(ch -> ch.nativeId(), ch -> ch.value().orElseThrow()));
      assertEquals(AccountRole.PROSPECT, read.get(prospect).role());
      assertEquals(AccountRole.CUSTOMER, read.get(customer).role());
      assertTrue(read.get(customer).code().isEmpty(), "no ERP code yet");
      // converting the prospect: the role is written as the account Type
      Account converted = read.get(prospect).toBuilder().role(AccountRole.CUSTOMER).build();
      WriteOutcome<Account> out = c.writer(EntityTypes.ACCOUNT).orElseThrow()
          .write(List.of(WriteRequest.update(prospect, converted, Set.of("role"), "conv-1"))).get(0);
      assertTrue(out.isSuccess(), () -> out.error().toString());
      assertEquals(Optional.of("Customer - Direct"), f.sandbox.data().find(prospect).orElseThrow().string("Type"));
    }
  }
}
