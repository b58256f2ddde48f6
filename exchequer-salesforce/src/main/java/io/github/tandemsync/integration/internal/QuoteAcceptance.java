package io.github.tandemsync.integration.internal;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.ExtensionValue;
import io.github.tandemsync.core.model.Opportunity;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.core.model.QuoteStatus;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.NativeRecord;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seeds' quote acceptance: "when a quote is accepted, the Exchequer order is created, the
 * opportunity is set Closed Won, and the account turns from prospect to customer".
 *
 * <p>Quotes of accounts Exchequer does not know yet (prospects) wait in the quotes flow's inbox — a
 * retryable outcome, so nothing is lost — and, once accepted, their account is marked a customer in
 * Salesforce; the accounts flow then creates it in Exchequer and writes the new account code back,
 * and the waiting quotes are re-read and created. Opportunities of accepted quotes written to
 * Exchequer are set to Closed Won.
 */
public final class QuoteAcceptance {
  private static final Logger LOG = LoggerFactory.getLogger(QuoteAcceptance.class);
  /** The extension carrying a Salesforce quote's account id (prospects have no account code). */
  public static final String ACCOUNT_ID = "CrmAccountId";
  /** The stage of won opportunities. */
  public static final String CLOSED_WON = "Closed Won";

  private final Object lock = new Object();
  private final Map<String, String> acceptedQuotesOfProspects = new LinkedHashMap<>();
  private final Set<String> opportunitiesToWin = new LinkedHashSet<>();
  /** Salesforce ids of accepted quotes written to Exchequer whose opportunity is still to be read. */
  private final Set<String> quotesToResolve = new LinkedHashSet<>();
  /** Salesforce quote id → its opportunity, as last read (one entry per quote seen; quotes are few). */
  private final Map<String, String> opportunities = new java.util.concurrent.ConcurrentHashMap<>();

  /** Adds the Salesforce account id of each quote as an extension, so prospects' quotes can be traced. */
  public static MappingCustomizer<Quote> salesforceQuoteCustomizer() {
    return new MappingCustomizer<>() {
      @Override
      public Quote afterRead(NativeRecord source, Quote mapped) {
        return source.text("AccountId").map(id -> mapped.toBuilder().extension(ACCOUNT_ID, id).build()).orElse(mapped);
      }

      @Override
      public Set<String> fields() {
        return Set.of("extensions." + ACCOUNT_ID);
      }

      @Override
      public Set<String> writeFields() {
        return Set.of(); // read for the acceptance logic only; a Salesforce quote's account is not written from here
      }
    };
  }

  /** Watches quotes read from Salesforce for accepted quotes of prospects. */
  public ChangeReader<Quote> watch(ChangeReader<Quote> reader) {
    return new ChangeReader<>() {
      @Override
      public ChangePage<Quote> read(Watermark after, int limit) {
        ChangePage<Quote> page = reader.read(after, limit);
        page.changes().forEach(c -> note(c.nativeId(), c.value()));
        return page;
      }

      @Override
      public List<Change<Quote>> fetch(Collection<String> nativeIds) {
        List<Change<Quote>> out = reader.fetch(nativeIds);
        out.forEach(c -> note(c.nativeId(), c.value()));
        return out;
      }

      @Override
      public List<Change<Quote>> findByKey(String keyField, Collection<String> keyValues) {
        return reader.findByKey(keyField, keyValues);
      }

      @Override
      public FieldSet fields() {
        return reader.fields();
      }

      @Override
      public boolean reportsDeletes() {
        return reader.reportsDeletes();
      }
    };
  }

  /**
   * Holds back quotes whose account Exchequer does not know yet (a retryable outcome: they stay in
   * the inbox), and notes the opportunities of accepted quotes once Exchequer has them.
   */
  public RecordWriter<Quote> guard(RecordWriter<Quote> writer) {
    return new ForwardingWriter<>(writer) {
      @Override
      public List<WriteOutcome<Quote>> write(List<WriteRequest<Quote>> batch) {
        List<WriteOutcome<Quote>> out = new ArrayList<>(batch.size());
        List<Integer> passed = new ArrayList<>();
        List<WriteRequest<Quote>> forward = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
          WriteRequest<Quote> request = batch.get(i);
          Optional<Quote> quote = request.value();
          if (quote.isPresent() && quote.get().accountCode().isEmpty()) {
            quote.get().externalReference().ifPresent(id -> note(id, quote));
            out.add(WriteOutcome.failed(SyncError.nextRun("WAITING_FOR_ACCOUNT", "quote " + quote.get().externalReference().orElse("?")
                + " belongs to a Salesforce account that is not in Exchequer yet; it is created there when the account becomes a customer"
                + " (an accepted quote makes it one)").withField("accountCode")));
          } else {
            out.add(null);
            passed.add(i);
            forward.add(request);
          }
        }
        if (!forward.isEmpty()) {
          List<WriteOutcome<Quote>> written = writer.write(forward);
          for (int k = 0; k < passed.size(); k++) {
            WriteOutcome<Quote> outcome = written.get(k);
            out.set(passed.get(k), outcome);
            WriteRequest<Quote> request = forward.get(k);
            Quote quote = request.value().orElse(null);
            // accepted by this write: created accepted, or its status just changed (not a later edit of an accepted quote)
            boolean acceptedNow = request.isCreate() || request.changedFields().contains("status");
            if (outcome.isSuccess() && acceptedNow && quote != null
                && (quote.status() == QuoteStatus.ACCEPTED || quote.status() == QuoteStatus.CONVERTED)) {
              // an update carries the Exchequer side's value, which knows no opportunity: take the one read from Salesforce
              Optional<String> opportunity = quote.opportunityReference().or(() -> quote.externalReference().map(opportunities::get));
              synchronized (lock) {
                if (opportunity.isPresent()) {
                  opportunitiesToWin.add(opportunity.get());
                } else {
                  // not read in this process (a retry replayed after a restart): asked of Salesforce when winning
                  quote.externalReference().ifPresent(quotesToResolve::add);
                }
              }
            }
          }
        }
        return out;
      }
    };
  }

  private void note(String quoteId, Optional<Quote> value) {
    if (value.isEmpty()) {
      return;
    }
    Quote q = value.get();
    ExtensionValue account = q.extensions().get(ACCOUNT_ID);
    q.opportunityReference().ifPresent(opportunity -> opportunities.put(quoteId, opportunity));
    synchronized (lock) {
      if (q.status() == QuoteStatus.ACCEPTED && q.accountCode().isEmpty() && account != null) {
        acceptedQuotesOfProspects.put(quoteId, account.raw().toString());
      } else {
        acceptedQuotesOfProspects.remove(quoteId);
      }
    }
  }

  /** Accepted quotes whose account is still a prospect, by Salesforce quote id. */
  public Map<String, String> waitingQuotes() {
    synchronized (lock) {
      return Map.copyOf(acceptedQuotesOfProspects);
    }
  }

  /**
   * Marks the accounts of accepted quotes as customers in Salesforce (the accounts flow then
   * creates them in Exchequer). Returns the ids of the accounts converted.
   */
  public List<String> convertProspects(Connector salesforce) {
    Set<String> accountIds = new LinkedHashSet<>(waitingQuotes().values());
    if (accountIds.isEmpty()) {
      return List.of();
    }
    ChangeReader<Account> reader = salesforce.reader(EntityTypes.ACCOUNT).orElseThrow();
    RecordWriter<Account> writer = salesforce.writer(EntityTypes.ACCOUNT).orElseThrow();
    List<WriteRequest<Account>> updates = new ArrayList<>();
    for (Change<Account> c : reader.fetch(accountIds)) {
      c.value().filter(a -> a.role() == AccountRole.PROSPECT).ifPresent(a -> updates.add(
          WriteRequest.update(c.nativeId(), a.toBuilder().role(AccountRole.CUSTOMER).build(), Set.of("role"), "PROSPECT-" + c.nativeId())));
    }
    List<String> converted = new ArrayList<>();
    if (!updates.isEmpty()) {
      List<WriteOutcome<Account>> outcomes = writer.write(updates);
      for (int i = 0; i < updates.size(); i++) {
        WriteOutcome<Account> o = outcomes.get(i);
        String id = updates.get(i).targetId().orElseThrow();
        if (o.isSuccess()) {
          converted.add(id);
          LOG.info("prospect account {} marked as a customer: its quote was accepted", id);
        } else {
          LOG.warn("could not mark prospect account {} as a customer: {}", id, o.error().orElseThrow());
        }
      }
    }
    return converted;
  }

  /** Reads the opportunities of accepted quotes whose opportunity this process never saw. */
  private void resolveOpportunities(Connector salesforce) {
    Set<String> quoteIds;
    synchronized (lock) {
      quoteIds = new LinkedHashSet<>(quotesToResolve);
    }
    if (quoteIds.isEmpty()) {
      return;
    }
    Optional<ChangeReader<Quote>> quotes = salesforce.reader(EntityTypes.QUOTE);
    if (quotes.isEmpty()) {
      return;
    }
    List<Change<Quote>> read = quotes.get().fetch(quoteIds);
    synchronized (lock) {
      for (Change<Quote> c : read) {
        c.value().flatMap(Quote::opportunityReference).ifPresent(opportunitiesToWin::add);
      }
      quotesToResolve.removeAll(quoteIds); // a deleted quote, or one without an opportunity, has nothing to win
    }
  }

  /** Sets the opportunities of accepted quotes now in Exchequer to Closed Won; returns their ids. */
  public List<String> winOpportunities(Connector salesforce) {
    resolveOpportunities(salesforce);
    Set<String> ids;
    synchronized (lock) {
      ids = new LinkedHashSet<>(opportunitiesToWin);
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    ChangeReader<Opportunity> reader = salesforce.reader(EntityTypes.OPPORTUNITY).orElseThrow();
    RecordWriter<Opportunity> writer = salesforce.writer(EntityTypes.OPPORTUNITY).orElseThrow();
    List<WriteRequest<Opportunity>> updates = new ArrayList<>();
    List<String> done = new ArrayList<>();
    for (Change<Opportunity> c : reader.fetch(ids)) {
      if (c.value().isEmpty()) {
        done.add(c.nativeId()); // deleted: nothing to win
        continue;
      }
      Opportunity o = c.value().get();
      if (o.stage().filter(CLOSED_WON::equalsIgnoreCase).isPresent()) {
        done.add(c.nativeId());
      } else {
        updates.add(WriteRequest.update(c.nativeId(), o.toBuilder().stage(CLOSED_WON).build(), Set.of("stage"), "WON-" + c.nativeId()));
      }
    }
    List<String> won = new ArrayList<>();
    if (!updates.isEmpty()) {
      List<WriteOutcome<Opportunity>> outcomes = writer.write(updates);
      for (int i = 0; i < updates.size(); i++) {
        String id = updates.get(i).targetId().orElseThrow();
        if (outcomes.get(i).isSuccess()) {
          won.add(id);
          done.add(id);
          LOG.info("opportunity {} set to {}: its quote was accepted and is in Exchequer", id, CLOSED_WON);
        } else {
          LOG.warn("could not set opportunity {} to {}: {}", id, CLOSED_WON, outcomes.get(i).error().orElseThrow());
        }
      }
    }
    synchronized (lock) {
      opportunitiesToWin.removeAll(done);
    }
    return won;
  }
}
