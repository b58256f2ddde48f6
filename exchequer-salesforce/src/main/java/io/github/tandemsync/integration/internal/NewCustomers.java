package io.github.tandemsync.integration.internal;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes the customer accounts created in Exchequer, so the integration can bring over the
 * Salesforce contacts they had while they were prospects.
 */
public final class NewCustomers {
  private final List<String> codes = new ArrayList<>();

  /** Wraps the Exchequer account writer. */
  public RecordWriter<Account> watch(RecordWriter<Account> writer) {
    return new ForwardingWriter<>(writer) {
      @Override
      public List<WriteOutcome<Account>> write(List<WriteRequest<Account>> batch) {
        List<WriteOutcome<Account>> outcomes = writer.write(batch);
        synchronized (codes) {
          for (int i = 0; i < outcomes.size() && i < batch.size(); i++) {
            WriteOutcome<Account> outcome = outcomes.get(i);
            boolean customer = batch.get(i).value().map(a -> a.role() == AccountRole.CUSTOMER).orElse(false);
            if (outcome.status() == WriteOutcome.Status.CREATED && customer) {
              outcome.nativeId().ifPresent(codes::add);
            }
          }
        }
        return outcomes;
      }
    };
  }

  /** Notes codes again, e.g. when their contacts could not be staged this time. */
  public void putBack(List<String> more) {
    synchronized (codes) {
      codes.addAll(more);
    }
  }

  /** The codes noted since the last call. */
  public List<String> drain() {
    synchronized (codes) {
      List<String> out = List.copyOf(codes);
      codes.clear();
      return out;
    }
  }
}
