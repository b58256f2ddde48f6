package io.github.tandemsync.salesforce.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.Contact;
import io.github.tandemsync.core.model.Invoice;
import io.github.tandemsync.core.model.InvoiceLine;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Product;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.NativeRecord;
import io.github.tandemsync.salesforce.SalesforceNaming;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappingTest {
  private static final MappingContext CTX = new MappingContext(SalesforceNaming.defaults(), "GBP", "A");

  private static <T> T roundTrip(RecordMapper<T> mapper, T value) {
    JsonNode canonical = mapper.canonicalJson(value);
    ObjectNode row = mapper.toSObject(value, canonical, Set.of(), true);
    mapper.externalId(canonical).ifPresent(k -> row.put(mapper.externalIdField().orElseThrow(), k));
    row.put("Id", "001000000000001AAA").put("SystemModstamp", "2025-05-20T20:49:32.000+0000");
    mapper.mapping.lines.ifPresent(l -> {
      ObjectNode sub = row.putObject(l.childRelationship());
      sub.put("totalSize", 1).put("done", true);
      var recs = sub.putArray("records");
      mapper.lineBodies(canonical, mapper.externalId(canonical).orElseThrow(), true).forEach(b -> recs.add(b.body()));
    });
    RecordMapper.Mapped<T> mapped = mapper.toCanonical(row, url -> { throw new AssertionError("no paging expected"); });
    assertTrue(mapped.error().isEmpty(), () -> "mapping failed: " + mapped.error());
    return mapped.value().orElseThrow();
  }

  @Test
  void accountRoundTripsThroughAnSObject() {
    RecordMapper<Account> mapper = new RecordMapper<>(DefaultMappings.account(), CTX, List.of(), List.of());
    Account account = Account.builder().code("ABAP01").role(AccountRole.CUSTOMER).name("Abbey Plumbing")
        .billingAddress(Address.builder().line1("1 High St").line2("Unit 4").town("Leeds").county("West Yorkshire").postcode("LS1 1AA")
            .country("United Kingdom").build())
        .phone("0113 000").email("accounts@abbey.example").onStop(true).currency("GBP").creditLimit(Money.of("5000.00", "GBP"))
        .priceBand("B").settlementDays(30).overallDiscount(new BigDecimal("2.5")).build();
    Account back = roundTrip(mapper, account);
    assertEquals(account.code(), back.code());
    assertEquals(account.role(), back.role());
    assertEquals(account.billingAddress(), back.billingAddress());
    assertEquals(account.email(), back.email());
    assertTrue(back.onStop());
    assertTrue(account.creditLimit().orElseThrow().sameValueAs(back.creditLimit().orElseThrow()));
    assertEquals(Optional.of(30), back.settlementDays());
    ObjectNode body = mapper.toSObject(account, mapper.canonicalJson(account), Set.of(), true);
    assertEquals("1 High St\nUnit 4", body.path("BillingStreet").asText());
    assertEquals(Optional.of("C-ABAP01"), mapper.externalId(mapper.canonicalJson(account)));
  }

  @Test
  void writerFieldsAreOnlyWhatTheMappingStores() {
    for (EntityMapping<?> m : DefaultMappings.all().values()) {
      java.util.Set<String> stored = new java.util.HashSet<>();
      m.fields.stream().filter(f -> f.access.writes()).forEach(f -> stored.addAll(f.paths));
      m.lines.filter(l -> l.fields().stream().anyMatch(f -> f.access.writes())).ifPresent(l -> stored.add(l.path()));
      for (String path : m.writePaths()) {
        boolean writtenKey = m.keyPaths.contains(path) && m.externalIdField.isPresent();
        assertTrue(stored.contains(path) || writtenKey, m.type.name() + "." + path + " is listed but nothing writes it");
      }
      for (String readOnly : m.readOnlyKeyPaths) {
        assertTrue(!m.writePaths().contains(readOnly), m.type.name() + "." + readOnly + " is filled from the Salesforce Id");
      }
      for (FieldSpec f : m.fields) {
        assertTrue(!f.access.writes() || !f.nativeFields.equals(List.of("Id")), m.type.name() + " writes the Id");
      }
    }
    assertEquals(Set.of("number"), new RecordMapper<>(DefaultMappings.quote(), CTX, List.of(), List.of()).writeFields().paths());
  }

  @Test
  void supplierAndProspectKeys() {
    RecordMapper<Account> mapper = new RecordMapper<>(DefaultMappings.account(), CTX, List.of(), List.of());
    Account supplier = Account.builder().code("SUP1").role(AccountRole.SUPPLIER).name("Supplies Ltd").build();
    assertEquals(Optional.of("S-SUP1"), mapper.externalId(mapper.canonicalJson(supplier)));
    ObjectNode prospectRow = Json.object().put("Id", "001A").put("SystemModstamp", "2025-05-20T20:49:32.000+0000").put("Name", "New Co");
    Account prospect = mapper.toCanonical(prospectRow, u -> null).value().orElseThrow();
    assertEquals(AccountRole.PROSPECT, prospect.role());
    assertTrue(prospect.code().isEmpty());
  }

  @Test
  void updatesSendOnlyChangedFields() {
    RecordMapper<Account> mapper = new RecordMapper<>(DefaultMappings.account(), CTX, List.of(), List.of());
    Account account = Account.builder().code("A1").role(AccountRole.CUSTOMER).name("A").phone("1")
        .billingAddress(Address.builder().town("York").build()).build();
    ObjectNode body = mapper.toSObject(account, mapper.canonicalJson(account), Set.of("phone", "billingAddress.town"), false);
    assertEquals(Set.of("Phone", "BillingCity"), fieldNames(body));
  }

  @Test
  void invalidRowBecomesAnErrorNamingTheField() {
    RecordMapper<Contact> mapper = new RecordMapper<>(DefaultMappings.contact(), CTX, List.of(), List.of());
    ObjectNode row = Json.object().put("Id", "003A").put("SystemModstamp", "2025-05-20T20:49:32.000+0000").put("FirstName", "Ann");
    RecordMapper.Mapped<Contact> mapped = mapper.toCanonical(row, u -> null);
    assertTrue(mapped.value().isEmpty());
    assertEquals(Optional.of("lastName"), mapped.error().orElseThrow().field());
    assertTrue(mapped.error().orElseThrow().message().contains("003A"));
  }

  @Test
  void contactReadsItsAccountThroughTheExternalIdRelationship() {
    RecordMapper<Contact> mapper = new RecordMapper<>(DefaultMappings.contact(), CTX, List.of(), List.of());
    assertTrue(mapper.selectFields().contains("Account.ERP_Id__c"));
    Contact c = Contact.builder().accountCode("ABAP01").lastName("Smith").email("S@X.COM").build();
    ObjectNode body = mapper.toSObject(c, mapper.canonicalJson(c), Set.of(), true);
    assertEquals("C-ABAP01", body.path("Account").path("ERP_Id__c").asText());
    assertEquals(Optional.of("ABAP01/s@x.com"), mapper.externalId(mapper.canonicalJson(c)));
    assertEquals(Optional.of("ABAP01"), roundTrip(mapper, c).accountCode());
  }

  @Test
  void invoiceWithLinesRoundTrips() {
    RecordMapper<Invoice> mapper = new RecordMapper<>(DefaultMappings.invoice(), CTX, List.of(), List.of());
    Invoice inv = Invoice.builder().number("SIN000123").accountCode("ABAP01").invoiceDate(LocalDate.of(2025, 5, 20)).currency("EUR")
        .netTotal(Money.of("100.00", "EUR"))
        .lines(List.of(
            InvoiceLine.builder().lineNumber(1).productCode("WIDGET").orderQuantity(new BigDecimal("2")).deliveredQuantity(new BigDecimal("2"))
                .invoiceQuantity(new BigDecimal("2")).unitPrice(Money.of("50.00", "EUR")).currency("EUR").build(),
            InvoiceLine.builder().lineNumber(2).description("Carriage").orderQuantity(BigDecimal.ONE).deliveredQuantity(BigDecimal.ONE)
                .invoiceQuantity(BigDecimal.ONE).build()))
        .build();
    Invoice back = roundTrip(mapper, inv);
    assertEquals(2, back.lines().size());
    assertEquals(Optional.of("WIDGET"), back.lines().get(0).productCode());
    assertEquals("EUR", back.lines().get(0).unitPrice().orElseThrow().currency());
    assertEquals(Optional.of("ABAP01"), back.accountCode());
    List<RecordMapper.LineBody> lines = mapper.lineBodies(mapper.canonicalJson(inv), "SIN000123", true);
    assertEquals("SIN000123-1", lines.get(0).body().path("ERP_Id__c").asText());
    assertEquals("SIN000123-2", lines.get(1).body().path("ERP_Id__c").asText());
  }

  @Test
  void productIsActiveUnlessObsolete() {
    RecordMapper<Product> mapper = new RecordMapper<>(DefaultMappings.product(), CTX, List.of(), List.of());
    Product p = Product.builder().code("WIDGET").description("Blue widget").build();
    ObjectNode body = mapper.toSObject(p, mapper.canonicalJson(p), Set.of(), true);
    assertTrue(body.path("IsActive").asBoolean());
    assertEquals("Blue widget", body.path("Name").asText());
    Product obsolete = p.toBuilder().obsolete(true).build();
    assertFalse(mapper.toSObject(obsolete, mapper.canonicalJson(obsolete), Set.of(), true).path("IsActive").asBoolean());
    assertFalse(roundTrip(mapper, p).obsolete());
  }

  @Test
  void namingOverridesAndCustomizersApply() {
    SalesforceNaming naming = SalesforceNaming.builder().renameField("Account", "ERP_Email__c", "Acme_Email__c")
        .renameObject("ERP_Invoice__c", "Acme_Invoice__c").build();
    MappingContext ctx = new MappingContext(naming, "GBP", "A");
    MappingCustomizer<Account> region = new MappingCustomizer<>() {
      @Override
      public Account afterRead(NativeRecord source, Account mapped) {
        return source.text("Region__c").map(r -> mapped.toBuilder().extension("Region__c", r).build()).orElse(mapped);
      }

      @Override
      public void beforeWrite(Account value, NativeRecord target) {
        target.put("Region__c", value.extensions().get("Region__c"));
      }

      @Override
      public Set<String> fields() {
        return Set.of("extensions.Region__c");
      }
    };
    List<MappingCustomizer<Account>> customizers = List.of(region);
    RecordMapper<Account> mapper = new RecordMapper<>(DefaultMappings.account(), ctx, customizers,
        RecordMapper.customizerNativeFields(customizers, List.of()));
    assertTrue(mapper.selectFields().contains("Acme_Email__c"));
    assertTrue(mapper.selectFields().contains("Region__c"));
    assertEquals("Acme_Invoice__c", new RecordMapper<>(DefaultMappings.invoice(), ctx, List.of(), List.of()).object());
    Account a = Account.builder().code("A1").role(AccountRole.CUSTOMER).name("A").email("e@x.com").extension("Region__c", "North").build();
    ObjectNode body = mapper.toSObject(a, mapper.canonicalJson(a), Set.of(), true);
    assertEquals("e@x.com", body.path("Acme_Email__c").asText());
    assertEquals("North", body.path("Region__c").asText());
    Account back = roundTrip(mapper, a);
    assertEquals("North", back.extensions().get("Region__c").raw());
    assertEquals(Optional.of("email"), mapper.canonicalField("Acme_Email__c"));
    assertEquals(Optional.of("extensions.Region__c"), mapper.canonicalField("Region__c"));
    assertTrue(mapper.readFields().contains("extensions.Region__c"));
  }

  @Test
  void everyDefaultMappingBuildsAValidSelect() {
    for (Map.Entry<String, EntityMapping<?>> e : DefaultMappings.all().entrySet()) {
      RecordMapper<?> mapper = new RecordMapper<>(e.getValue(), CTX, List.of(), List.of());
      Soql q = Soql.select(mapper.selectFields()).from(mapper.object());
      mapper.lineSubquery().ifPresent(q::subquery);
      assertTrue(q.toSoql().startsWith("SELECT Id, SystemModstamp"), e.getKey());
    }
  }

  private static Set<String> fieldNames(ObjectNode node) {
    Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
