package io.github.tandemsync.benchmarks.salesforce;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.salesforce.ApiBudget;
import io.github.tandemsync.salesforce.SalesforceAuth;
import io.github.tandemsync.salesforce.SalesforceConnector;
import io.github.tandemsync.salesforce.SalesforceMetadata;
import io.github.tandemsync.testkit.salesforce.FaultPlan;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.SalesforceSandbox;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Metered Salesforce API calls the connector spends, counted by the sandbox:
 *
 * <ul>
 *   <li>10,000 changed accounts written with sObject Collections (200 per call) and with Bulk API
 *       2.0 (one batch of 10,000);</li>
 *   <li>a poll that finds no change;</li>
 *   <li>throughput of writes and reads with 50 ms of latency on every sandbox call.</li>
 * </ul>
 *
 * <p>Run: {@code ./benchmarks/run.sh salesforce-api-calls [records] [latencyMillis]}
 */
public final class SalesforceApiCallsBenchmark {
  private static final String CLIENT = "benchmark-app";
  private static final String SECRET = "benchmark-secret";

  private SalesforceApiCallsBenchmark() {}

  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    long latency = args.length > 1 ? Long.parseLong(args[1]) : 50;
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "Salesforce API calls (counted by SalesforceSandbox, seed 42), %,d accounts%n%n", records);
    out.printf(Locale.ROOT, "%-48s %8s %12s %8s %8s %10s%n", "workload", "calls", "collections", "bulk", "query", "seconds");
    row(out, "create " + records + " accounts, collections", run(records, 0, Integer.MAX_VALUE, Work.CREATE));
    row(out, "change " + records + " accounts, collections (200/call)", run(records, 0, Integer.MAX_VALUE, Work.CHANGE));
    row(out, "change " + records + " accounts, Bulk API 2.0 (one job)", run(records, 0, 2_000, Work.CHANGE));
    row(out, "poll that finds no change", run(records, 0, Integer.MAX_VALUE, Work.EMPTY_POLL));
    row(out, "read " + records + " changed accounts (2,000/page)", run(records, 0, Integer.MAX_VALUE, Work.READ));
    out.println();
    out.printf(Locale.ROOT, "Throughput with %d ms latency on every sandbox call%n", latency);
    out.printf(Locale.ROOT, "%-48s %12s %10s%n", "workload", "records/s", "seconds");
    Result w = run(records, latency, Integer.MAX_VALUE, Work.CHANGE);
    out.printf(Locale.ROOT, "%-48s %,12.0f %10.2f%n", "upsert, collections", records / w.seconds, w.seconds);
    Result b = run(records, latency, 2_000, Work.CHANGE);
    out.printf(Locale.ROOT, "%-48s %,12.0f %10.2f%n", "upsert, Bulk API 2.0", records / b.seconds, b.seconds);
    Result r = run(records, latency, Integer.MAX_VALUE, Work.READ);
    out.printf(Locale.ROOT, "%-48s %,12.0f %10.2f%n", "read changes", records / r.seconds, r.seconds);
  }

  private enum Work { CREATE, CHANGE, EMPTY_POLL, READ }

  private record Result(long calls, Map<ResourceKind, Long> byKind, double seconds) {}

  private static void row(PrintStream out, String label, Result r) {
    out.printf(Locale.ROOT, "%-48s %8d %12d %8d %8d %10.2f%n", label, r.calls, r.byKind.getOrDefault(ResourceKind.COLLECTIONS, 0L),
        r.byKind.getOrDefault(ResourceKind.BULK, 0L), r.byKind.getOrDefault(ResourceKind.QUERY, 0L), r.seconds);
  }

  private static Result run(int records, long latencyMillis, int bulkThreshold, Work work) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    try (SalesforceSandbox sandbox = SalesforceSandbox.builder().seed(42).clock(clock).dailyApiLimit(1_000_000)
        .deployMetadata(SalesforceMetadata.sourceDirectory()).build().start()) {
      sandbox.registerClientCredentials(CLIENT, SECRET, "integration@bench.example");
      SalesforceConnector connector = SalesforceConnector.builder()
          .loginUrl(URI.create(sandbox.baseUrl()))
          .auth(SalesforceAuth.clientCredentials(CLIENT, SECRET))
          .budget(ApiBudget.unlimited())
          .entities(EntityTypes.ACCOUNT)
          .bulkThreshold(Math.min(bulkThreshold, 1_000_000))
          .bulkPolling(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMinutes(5))
          .changeSafetyLag(Duration.ofSeconds(1))
          .changeOverlap(Duration.ZERO)
          .build();
      connector.start(new ConnectorContext() {
        @Override
        public String originTag() {
          return "tandem-benchmark";
        }

        @Override
        public Clock clock() {
          return clock;
        }
      });
      RecordWriter<Account> writer = connector.writer(EntityTypes.ACCOUNT).orElseThrow();
      ChangeReader<Account> reader = connector.reader(EntityTypes.ACCOUNT).orElseThrow();
      Watermark caughtUp = Watermark.initial();
      if (work != Work.CREATE) {
        write(writer, records, "", 200);
        clock.advance(Duration.ofSeconds(5));
        caughtUp = drain(reader, Watermark.initial());
        if (work == Work.READ) {
          write(writer, records, " (changed)", 200);
          clock.advance(Duration.ofSeconds(5));
        }
      }
      sandbox.faults(latencyMillis > 0 ? FaultPlan.builder().latency(Duration.ofMillis(latencyMillis)).build() : FaultPlan.none());
      sandbox.resetUsage();
      long start = System.nanoTime();
      switch (work) {
        case CREATE -> write(writer, records, "", 200);
        case CHANGE -> write(writer, records, " (changed)", bulkThreshold <= records ? Math.min(records, writer.maxBatchSize()) : 200);
        case EMPTY_POLL -> {
          clock.advance(Duration.ofMinutes(1));
          drain(reader, caughtUp);
        }
        case READ -> drain(reader, caughtUp);
        default -> throw new IllegalStateException();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      var usage = sandbox.usage();
      Map<ResourceKind, Long> byKind = new EnumMap<>(ResourceKind.class);
      byKind.putAll(usage.countedByKind());
      connector.close();
      return new Result(usage.total(), byKind, seconds);
    }
  }

  private static void write(RecordWriter<Account> writer, int records, String suffix, int batch) {
    List<WriteRequest<Account>> requests = new ArrayList<>(records);
    for (int i = 0; i < records; i++) {
      Account a = Account.builder().code(String.format(Locale.ROOT, "B%06d", i)).role(AccountRole.CUSTOMER).name("Customer " + i + suffix)
          .currency("GBP").creditLimit(Money.of("1000.00", "GBP")).build();
      requests.add(WriteRequest.create(a, "k" + i));
    }
    for (int i = 0; i < records; i += batch) {
      List<WriteOutcome<Account>> out = writer.write(requests.subList(i, Math.min(records, i + batch)));
      if (!out.stream().allMatch(WriteOutcome::isSuccess)) {
        throw new IllegalStateException("benchmark write failed: " + out.stream().filter(o -> !o.isSuccess()).findFirst().orElseThrow());
      }
    }
  }

  private static Watermark drain(ChangeReader<Account> reader, Watermark from) {
    Watermark w = from;
    ChangePage<Account> page;
    do {
      page = reader.read(w, 2_000);
      w = page.next();
    } while (page.hasMore());
    return w;
  }

  /** A clock the benchmark moves past the connector's safety lag. */
  private static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
