package io.github.tandemsync.integration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Opportunity;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.core.model.QuoteStatus;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.testkit.fake.FakeSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteAcceptanceTest {

  private static Quote quote(String sfId, QuoteStatus status, String accountCode, String prospectId, String opportunityId) {
    Quote.Builder b = Quote.builder().externalReference(sfId).status(status).opportunityReference(opportunityId)
        .extension(QuoteAcceptance.ACCOUNT_ID, prospectId);
    if (accountCode != null) {
      b.accountCode(accountCode);
    }
    return b.build();
  }

  @Test
  void quotesOfAccountsNotInTheErpWaitWithoutReachingItAndAcceptedOnesAreNoted() {
    QuoteAcceptance acceptance = new QuoteAcceptance();
    List<List<WriteRequest<Quote>>> reached = new ArrayList<>();
    RecordWriter<Quote> erp = batch -> {
      reached.add(batch);
      return batch.stream().map(r -> WriteOutcome.<Quote>created("SOR00000" + reached.size())).toList();
    };
    RecordWriter<Quote> guarded = acceptance.guard(erp);
    List<WriteOutcome<Quote>> out = guarded.write(List.of(
        WriteRequest.create(quote("0Q0A", QuoteStatus.ACCEPTED, null, "001P", "006O1"), "k1"),
        WriteRequest.create(quote("0Q0B", QuoteStatus.ACCEPTED, "ABAP01", "001C", "006O2"), "k2"),
        WriteRequest.create(quote("0Q0C", QuoteStatus.PRESENTED, null, "001Q", "006O3"), "k3")));
    assertEquals(3, out.size());
    assertFalse(out.get(0).isSuccess());
    assertTrue(out.get(0).error().orElseThrow().retryable(), "waits in the inbox, not in quarantine");
    assertEquals("WAITING_FOR_ACCOUNT", out.get(0).error().orElseThrow().code());
    assertTrue(out.get(1).isSuccess());
    assertFalse(out.get(2).isSuccess());
    assertEquals(1, reached.size());
    assertEquals(1, reached.get(0).size(), "only the quote with an ERP account reaches Exchequer");
    assertEquals(Map.of("0Q0A", "001P"), acceptance.waitingQuotes(), "only accepted quotes convert prospects");
  }

  @Test
  void convertingProspectsMarksThemCustomersAndWinningSetsClosedWon() {
    FakeSystem salesforce = FakeSystem.named("salesforce").supports(EntityTypes.ACCOUNT).supports(EntityTypes.OPPORTUNITY);
    String prospect = salesforce.userPut(EntityTypes.ACCOUNT, null, Account.builder().name("Maybe Ltd").role(AccountRole.PROSPECT).build());
    String opportunity = salesforce.userPut(EntityTypes.OPPORTUNITY, null, Opportunity.builder().name("First order").stage("Proposal").build());
    Connector sf = salesforce.connector();
    QuoteAcceptance acceptance = new QuoteAcceptance();
    // the reader sees the accepted quote of the prospect
    ChangePage<Quote> page = acceptance.watch(new io.github.tandemsync.core.spi.ChangeReader<>() {
      @Override
      public ChangePage<Quote> read(Watermark after, int limit) {
        return new ChangePage<>(List.of(io.github.tandemsync.core.spi.Change.upsert("0Q0A",
            quote("0Q0A", QuoteStatus.ACCEPTED, null, prospect, opportunity), Watermark.of("1"))), Watermark.of("1"), false);
      }
    }).read(Watermark.initial(), 10);
    assertEquals(1, page.changes().size());
    assertEquals(List.of(prospect), acceptance.convertProspects(sf));
    assertEquals(AccountRole.CUSTOMER, salesforce.get(EntityTypes.ACCOUNT, prospect).orElseThrow().role());
    // once the ERP has the quote, its opportunity is won — once
    acceptance.guard(batch -> batch.stream().map(r -> WriteOutcome.<Quote>created("SOR000001")).toList())
        .write(List.of(WriteRequest.create(quote("0Q0A", QuoteStatus.ACCEPTED, "MAYB01", prospect, opportunity), "k")));
    assertEquals(List.of(opportunity), acceptance.winOpportunities(sf));
    assertEquals("Closed Won", salesforce.get(EntityTypes.OPPORTUNITY, opportunity).orElseThrow().stage().orElseThrow());
    assertEquals(List.of(), acceptance.winOpportunities(sf), "nothing left to win");
  }

  @Test
  void anAcceptanceReplayedAfterARestartStillWinsItsOpportunity() {
    FakeSystem salesforce = FakeSystem.named("salesforce").supports(EntityTypes.QUOTE).supports(EntityTypes.OPPORTUNITY);
    String opportunity = salesforce.userPut(EntityTypes.OPPORTUNITY, null, Opportunity.builder().name("Refit").stage("Proposal").build());
    String quoteId = salesforce.userPut(EntityTypes.QUOTE, null, quote("ignored", QuoteStatus.ACCEPTED, "ABAP01", "001C", opportunity));
    QuoteAcceptance fresh = new QuoteAcceptance(); // a new process: it never read the quote
    // the inbox replays the acceptance: an update carrying Exchequer's side of the quote, which knows no opportunity
    Quote erpSide = Quote.builder().externalReference(quoteId).status(QuoteStatus.ACCEPTED).accountCode("ABAP01").build();
    fresh.guard(batch -> batch.stream().map(r -> WriteOutcome.<Quote>updated("SQU000001")).toList())
        .write(List.of(WriteRequest.update("SQU000001", erpSide, java.util.Set.of("status"), "k")));
    assertEquals(List.of(opportunity), fresh.winOpportunities(salesforce.connector()), "its opportunity was read from Salesforce");
    assertEquals("Closed Won", salesforce.get(EntityTypes.OPPORTUNITY, opportunity).orElseThrow().stage().orElseThrow());
  }
}
