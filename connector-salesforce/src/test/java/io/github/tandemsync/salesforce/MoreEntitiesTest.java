package io.github.tandemsync.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.Contact;
import io.github.tandemsync.core.model.Delivery;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Opportunity;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.core.model.QuoteStatus;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.SandboxRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MoreEntitiesTest {

  @Test
  void largeFullReadUsesOneBulkQueryJob() {
    try (SandboxFixture f = new SandboxFixture(9_001L)) {
      for (int i = 0; i < 4_500; i++) {
        f.sandbox.data().insert("Account", Map.of("Name", "Bulk " + i, "ERP_Id__c", "C-B" + i));
        if (i % 500 == 0) {
          f.clock.advance(Duration.ofSeconds(1));
        }
      }
      f.clock.advance(Duration.ofSeconds(5));
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT).bulkReadThreshold(1_000));
      long queries = f.counted(ResourceKind.QUERY);
      long bulk = f.counted(ResourceKind.BULK);
      List<Change<Account>> all = ChangeReadingTest.drain(c.reader(EntityTypes.ACCOUNT).orElseThrow(), Watermark.initial(), 1_000,
          new ArrayList<>());
      assertEquals(4_500, new HashSet<>(all.stream().map(Change::nativeId).toList()).size());
      assertEquals(4_500, all.size());
      assertEquals(1, f.counted(ResourceKind.QUERY) - queries, "only the COUNT() query");
      assertTrue(f.counted(ResourceKind.BULK) - bulk >= 3, "job, status, results");
      assertTrue(all.stream().allMatch(ch -> ch.value().orElseThrow().code().isPresent()));
    }
  }

  @Test
  void fetchOfManyIdsUsesCompositeForLongQueriesAndReportsMissingAsDeletes() {
    try (SandboxFixture f = new SandboxFixture(300_300L)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        ids.add(f.sandbox.data().insert("Account", Map.of("Name", "F" + i, "ERP_Id__c", "C-F" + i)));
      }
      String gone = ids.get(7);
      f.sandbox.data().delete(gone);
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      List<Change<Account>> fetched = c.reader(EntityTypes.ACCOUNT).orElseThrow().fetch(ids);
      assertEquals(300, fetched.size());
      assertEquals(Change.Kind.DELETE, fetched.get(7).kind());
      assertEquals(299, fetched.stream().filter(ch -> ch.kind() == Change.Kind.UPSERT).count());
      assertTrue(f.counted(ResourceKind.COMPOSITE) >= 1, "a 200-id IN list is too long for a request line");
    }
  }

  @Test
  void contactsAreFoundByEmailAndWrittenWithTheirAccount() {
    try (SandboxFixture f = new SandboxFixture(33L)) {
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT, EntityTypes.CONTACT));
      c.writer(EntityTypes.ACCOUNT).orElseThrow().write(WritingTest.creates(1));
      Contact ann = Contact.builder().accountCode("W0000").firstName("Ann").lastName("Smith").email("ann@abbey.example").build();
      WriteOutcome<Contact> out = c.writer(EntityTypes.CONTACT).orElseThrow().write(List.of(WriteRequest.create(ann, "c1"))).get(0);
      assertTrue(out.isSuccess(), out.toString());
      SandboxRecord sf = f.sandbox.data().find(out.nativeId().orElseThrow()).orElseThrow();
      String accountId = f.sandbox.data().list("Account").get(0).id();
      assertEquals(accountId, sf.string("AccountId").orElseThrow());
      List<Change<Contact>> found = c.reader(EntityTypes.CONTACT).orElseThrow().findByKey("email", List.of("ann@abbey.example"));
      assertEquals(1, found.size());
      assertEquals(Optional.of("W0000"), found.get(0).value().orElseThrow().accountCode());
      // Deleting through the writer, twice: the second is already done.
      String id = out.nativeId().orElseThrow();
      assertEquals(WriteOutcome.Status.DELETED, c.writer(EntityTypes.CONTACT).orElseThrow().write(List.of(WriteRequest.delete(id, "d1"))).get(0).status());
      assertEquals(WriteOutcome.Status.DELETED, c.writer(EntityTypes.CONTACT).orElseThrow().write(List.of(WriteRequest.delete(id, "d1"))).get(0).status());
      assertTrue(f.sandbox.data().find(id).orElseThrow().deleted());
    }
  }

  @Test
  void quotesAreReadWithLinesAndGetTheErpNumberWrittenBack() {
    try (SandboxFixture f = new SandboxFixture(55L)) {
      String std = f.sandbox.data().standardPricebookId();
      String product = f.sandbox.data().insert("Product2", Map.of("Name", "Bolt", "ERP_Id__c", "BOLT", "IsActive", true));
      String entry = f.sandbox.data().insert("PricebookEntry", Map.of("Pricebook2Id", std, "Product2Id", product, "UnitPrice",
          new BigDecimal("2.50"), "IsActive", true));
      String account = f.sandbox.data().insert("Account", Map.of("Name", "Abbey", "ERP_Id__c", "C-ABAP01"));
      String opp = f.sandbox.data().insert("Opportunity", Map.of("Name", "Abbey bolts", "StageName", "Prospecting", "CloseDate",
          LocalDate.of(2026, 4, 1), "AccountId", account));
      String quote = f.sandbox.data().insert("Quote", Map.of("Name", "Q-1", "OpportunityId", opp, "Pricebook2Id", std, "Status", "Accepted"));
      f.sandbox.data().insert("QuoteLineItem", Map.of("QuoteId", quote, "PricebookEntryId", entry, "Product2Id", product,
          "Quantity", new BigDecimal("4"), "UnitPrice", new BigDecimal("2.50")));
      f.clock.advance(Duration.ofSeconds(5));
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.QUOTE, EntityTypes.OPPORTUNITY));
      ChangePage<Quote> page = c.reader(EntityTypes.QUOTE).orElseThrow().read(Watermark.initial(), 10);
      assertEquals(1, page.changes().size(), page.toString());
      Quote q = page.changes().get(0).value().orElseThrow(() -> new AssertionError(page.changes().get(0).error().toString()));
      assertEquals(QuoteStatus.ACCEPTED, q.status());
      assertEquals(Optional.of(quote), q.externalReference());
      assertEquals(1, q.lines().size());
      assertEquals(Optional.of("BOLT"), q.lines().get(0).productCode());
      assertEquals(0, new BigDecimal("4").compareTo(q.lines().get(0).quantity()));

      Quote converted = q.toBuilder().number("SOR000555").status(QuoteStatus.CONVERTED).build();
      WriteOutcome<Quote> wb = c.writer(EntityTypes.QUOTE).orElseThrow()
          .write(List.of(WriteRequest.update(quote, converted, Set.of("number", "status"), "wb"))).get(0);
      assertTrue(wb.isSuccess(), wb.toString());
      SandboxRecord sfQuote = f.sandbox.data().find(quote).orElseThrow();
      assertEquals("SOR000555", sfQuote.string("ERP_Id__c").orElseThrow());
      assertEquals("Accepted", sfQuote.string("Status").orElseThrow(), "the Salesforce status is the CRM's own");

      Opportunity o = c.reader(EntityTypes.OPPORTUNITY).orElseThrow().read(Watermark.initial(), 10).changes().get(0).value().orElseThrow();
      assertEquals(Optional.of("ABAP01"), o.accountCode());
      WriteOutcome<Opportunity> won = c.writer(EntityTypes.OPPORTUNITY).orElseThrow()
          .write(List.of(WriteRequest.update(opp, o.toBuilder().stage("Closed Won").build(), Set.of("stage"), "st"))).get(0);
      assertTrue(won.isSuccess(), won.toString());
      assertEquals("Closed Won", f.sandbox.data().find(opp).orElseThrow().string("StageName").orElseThrow());
    }
  }

  @Test
  void pickingEnteredInSalesforceIsReadFromDeliveries() {
    try (SandboxFixture f = new SandboxFixture(66L)) {
      String delivery = f.sandbox.data().insert("ERP_Delivery__c", Map.of("Name", "Picking 1", "ERP_Order_Number__c", "SOR000123"));
      f.sandbox.data().insert("ERP_Delivery_Line__c", Map.of("ERP_Delivery__c", delivery, "ERP_Line_No__c", 1, "ERP_Product_Code__c", "BOLT",
          "ERP_Quantity__c", new BigDecimal("5"), "ERP_Picked_Quantity__c", new BigDecimal("3")));
      f.clock.advance(Duration.ofSeconds(5));
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.DELIVERY));
      ChangePage<Delivery> first = c.reader(EntityTypes.DELIVERY).orElseThrow().read(Watermark.initial(), 10);
      Delivery d = first.changes().get(0).value().orElseThrow();
      assertEquals(Optional.of(delivery), d.externalReference());
      assertTrue(d.number().isEmpty());
      assertEquals(Optional.of("SOR000123"), d.orderNumber());
      assertEquals(0, new BigDecimal("3").compareTo(d.lines().get(0).pickedQuantity().orElseThrow()));
      // Picking more in Salesforce changes only the line: the next poll still finds the delivery.
      String line = f.sandbox.data().list("ERP_Delivery_Line__c").get(0).id();
      f.sandbox.data().update(line, Map.of("ERP_Picked_Quantity__c", new BigDecimal("5")));
      f.clock.advance(Duration.ofSeconds(5));
      List<Change<Delivery>> later = new ArrayList<>();
      Watermark w = first.next();
      ChangePage<Delivery> page;
      do {
        page = c.reader(EntityTypes.DELIVERY).orElseThrow().read(w, 10);
        later.addAll(page.changes());
        w = page.next();
      } while (page.hasMore());
      assertEquals(1, later.size(), later.toString());
      assertEquals(0, new BigDecimal("5").compareTo(later.get(0).value().orElseThrow().lines().get(0).pickedQuantity().orElseThrow()));
      // The ERP assigns the delivery note number: written back by Id, lines keyed by it.
      Delivery numbered = d.toBuilder().number("SDN000042").build();
      WriteOutcome<Delivery> out = c.writer(EntityTypes.DELIVERY).orElseThrow()
          .write(List.of(WriteRequest.update(delivery, numbered, Set.of(), "n"))).get(0);
      assertTrue(out.isSuccess(), out.toString());
      assertEquals("SDN000042", f.sandbox.data().find(delivery).orElseThrow().string("ERP_Id__c").orElseThrow());
      assertEquals(1, f.sandbox.data().list("ERP_Delivery__c").size());
    }
  }
}
