package io.github.tandemsync.benchmarks.engine;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A zero-latency connector for accounts that keeps nothing in memory: its reader generates
 * {@code size} realistic accounts on the fly behind an index watermark, its writer answers every
 * request at once and only counts. What a benchmark measures is then the engine and its store.
 */
final class SyntheticConnector implements Connector {
  private final String name;
  private final long size;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong nextId = new AtomicLong();

  SyntheticConnector(String name, long size) {
    this.name = name;
    this.size = size;
  }

  long written() {
    return written.get();
  }

  static Account account(long i) {
    String code = String.format("A%07d", i);
    return Account.builder().code(code).role(AccountRole.CUSTOMER).name("Company " + i + " Ltd")
        .billingAddress(Address.builder().line1(i + " High Street").town("Leeds").county("West Yorkshire").postcode("LS1 " + (i % 9) + "AA")
            .countryCode("GB").build())
        .phone("0113 " + (1_000_000 + i)).email("accounts" + i + "@example.co.uk").currency("GBP")
        .creditLimit(Money.of(BigDecimal.valueOf(1000 + i % 5000, 0).setScale(2), "GBP")).vatCode("S").priceBand("A").build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.read(EntityTypes.ACCOUNT), Capability.write(EntityTypes.ACCOUNT));
  }

  @Override
  public Health health() {
    return Health.up("synthetic");
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<ChangeReader<T>> reader(EntityType<T> type) {
    return type.equals(EntityTypes.ACCOUNT) ? Optional.of((ChangeReader<T>) new Reader()) : Optional.empty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<RecordWriter<T>> writer(EntityType<T> type) {
    return type.equals(EntityTypes.ACCOUNT) ? Optional.of((RecordWriter<T>) new Writer()) : Optional.empty();
  }

  private final class Reader implements ChangeReader<Account> {
    private final Instant time = Instant.parse("2026-11-01T00:00:00Z");

    @Override
    public ChangePage<Account> read(Watermark after, int limit) {
      long from = after.isInitial() ? 0 : Long.parseLong(after.value());
      long to = Math.min(size, from + limit);
      List<Change<Account>> out = new ArrayList<>((int) (to - from));
      for (long i = from; i < to; i++) {
        out.add(Change.upsert(name + "-" + i, account(i), Watermark.of(Long.toString(i + 1))).withSourceTime(time));
      }
      return new ChangePage<>(out, Watermark.of(Long.toString(to)), to < size);
    }

    @Override
    public List<Change<Account>> fetch(Collection<String> nativeIds) {
      return List.of();
    }

    @Override
    public List<Change<Account>> findByKey(String keyField, Collection<String> keyValues) {
      return List.of(); // nothing exists on this side yet: an initial sync
    }
  }

  private final class Writer implements RecordWriter<Account> {
    @Override
    public List<WriteOutcome<Account>> write(List<WriteRequest<Account>> batch) {
      List<WriteOutcome<Account>> out = new ArrayList<>(batch.size());
      for (WriteRequest<Account> request : batch) {
        written.incrementAndGet();
        out.add(request.isCreate() ? WriteOutcome.created(name + "-w" + nextId.incrementAndGet())
            : WriteOutcome.updated(request.targetId().orElseThrow()));
      }
      return out;
    }
  }
}
