package io.github.tandemsync.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.exchequer.ExchequerOptions;
import io.github.tandemsync.integration.CycleReport;
import io.github.tandemsync.integration.ExchequerSalesforceIntegration;
import io.github.tandemsync.integration.IntegrationSettings;
import io.github.tandemsync.testkit.salesforce.SandboxRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The usual sales path: a quote is presented (and reaches Exchequer), the customer accepts it days
 * later. Acceptance must still make the Exchequer order and win the opportunity, whether quotes go
 * to Exchequer as quotations (SQU, converted on acceptance) or straight as orders (SOR).
 */
class QuoteAcceptedLaterTest {

  @ParameterizedTest
  @CsvSource({"QUOTATION, Presented", "QUOTATION, Draft", "ORDER, Presented", "ORDER, Draft"})
  void aQuoteAcceptedAfterItWasSyncedBecomesAnOrderAndWinsTheOpportunity(ExchequerOptions.QuoteTarget target, String firstStatus) {
    DemoClock clock = new DemoClock();
    try (SandboxSystems systems = SandboxSystems.start(Optional.empty(), clock);
        ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.builder()
            .exchequer(systems.exchequerConnector().options(ExchequerOptions.builder().masterScanInterval(Duration.ZERO)
                .fullPassInterval(Duration.ofHours(6)).quoteTarget(target).build()))
            .salesforce(systems.salesforceConnector())
            .settings(IntegrationSettings.builder().build())
            .stateStore(StateStores.inMemory())
            .clock(clock)
            .build()) {
      clock.advance(Duration.ofSeconds(5));
      assertTrue(integration.runOnce().completed());
      DemoScript script = new DemoScript(systems, clock);
      String code = script.customerCode(4);
      String accountId = script.salesforceAccountOf(code).orElseThrow();
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      String book = systems.salesforce().data().standardPricebookId();
      SandboxRecord entry = systems.salesforce().data().list("PricebookEntry").stream()
          .filter(e -> e.string("Pricebook2Id").orElse("").equals(book) && e.string("CurrencyIsoCode").orElse("").equals("GBP"))
          .min(Comparator.comparing(e -> e.string("ERP_Id__c").orElse(""))).orElseThrow();

      // a rep presents a quote on an opportunity of an existing customer
      clock.advance(Duration.ofSeconds(5));
      String opportunity = systems.salesforce().data().insert("Opportunity", Map.of("Name", "Workshop refit", "AccountId", accountId,
          "StageName", "Proposal/Price Quote", "CloseDate", today.plusDays(30).toString()));
      String quote = systems.salesforce().data().insert("Quote", Map.of("Name", "Workshop refit", "OpportunityId", opportunity,
          "Pricebook2Id", book, "Status", firstStatus));
      systems.salesforce().data().insert("QuoteLineItem", Map.of("QuoteId", quote, "PricebookEntryId", entry.id(),
          "Product2Id", entry.string("Product2Id").orElseThrow(), "Quantity", 6, "UnitPrice", entry.decimal("UnitPrice").orElseThrow()));
      clock.advance(Duration.ofSeconds(5));
      CycleReport presented = integration.runOnce();
      assertEquals(List.of(), presented.failures().stream().map(f -> f.describe()).toList());
      String docType = target == ExchequerOptions.QuoteTarget.ORDER ? "SOR" : "SQU";
      assertEquals(1, documents(systems, quote, docType).size(), () -> "the presented quote is an Exchequer " + docType);
      clock.advance(Duration.ofSeconds(5));
      CycleReport quiet = integration.runOnce();
      assertEquals(0, quiet.writes(), () -> "nothing moves while the quote waits: "
          + quiet.runs().stream().filter(r -> r.writes() > 0).toList());

      // days later the customer accepts it
      clock.advance(Duration.ofSeconds(5));
      systems.salesforce().data().update(quote, Map.of("Status", "Accepted"));
      clock.advance(Duration.ofSeconds(5));
      CycleReport accepted = integration.runOnce();
      assertEquals(List.of(), accepted.failures().stream().map(f -> f.describe()).toList());
      assertEquals(1, documents(systems, quote, "SOR").size(), "one Exchequer order for the accepted quote");
      assertEquals(Optional.of("Closed Won"), systems.salesforce().data().find(opportunity).orElseThrow().string("StageName"));
      assertEquals(List.of(opportunity), accepted.opportunitiesWon());

      clock.advance(Duration.ofSeconds(5));
      CycleReport after = integration.runOnce();
      assertEquals(0, after.writes(), () -> "and it settles: " + after.runs().stream().filter(r -> r.writes() > 0).toList());
      assertEquals(1, documents(systems, quote, "SOR").size(), "still one order");

      // later the rep reopens the opportunity and edits the accepted quote: Exchequer's documents are not
      // edited through Tandem, and nothing re-wins the opportunity
      clock.advance(Duration.ofSeconds(5));
      systems.salesforce().data().update(opportunity, Map.of("StageName", "Negotiation/Review"));
      systems.salesforce().data().update(quote, Map.of("ExpirationDate", today.plusDays(60).toString()));
      clock.advance(Duration.ofSeconds(5));
      CycleReport edited = integration.runOnce();
      // as an order the document is there to refuse the edit; a converted quotation is gone from Exchequer,
      // so its link is a tombstone and the edit is skipped
      List<String> expected = target == ExchequerOptions.QuoteTarget.ORDER ? List.of("EXQ-UNSUPPORTED") : List.of();
      assertEquals(expected, edited.failures().stream().map(f -> f.error().code()).toList(), () -> edited.failures().toString());
      assertEquals(0, edited.writes());
      assertEquals(List.of(), edited.opportunitiesWon());
      assertEquals(Optional.of("Negotiation/Review"), systems.salesforce().data().find(opportunity).orElseThrow().string("StageName"));
    }
  }

  /** Exchequer documents of {@code docType} carrying the Salesforce quote id (thLongYourRef, or the order made from it). */
  private static List<Map<String, Object>> documents(SandboxSystems systems, String quoteId, String docType) {
    return systems.exchequer().query().rows("SELECT thOurRef, thLongYourRef FROM [" + SandboxSystems.COMPANY + "].[DOCUMENT]").stream()
        .filter(row -> row.get("thOurRef").toString().strip().startsWith(docType)
            && String.valueOf(row.get("thLongYourRef")).strip().startsWith(quoteId))
        .toList();
  }
}
