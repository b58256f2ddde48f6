package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import io.github.tandemsync.testkit.salesforce.SalesforceSandbox;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A started sandbox with the connector's metadata, a controllable clock and a client-credentials app. */
final class SandboxFixture implements AutoCloseable {
  static final String CLIENT_ID = "tandem-test-app";
  static final String CLIENT_SECRET = "cc-S3CRET-value";
  static final String USER = "integration@acme.example";
  static final String ORIGIN = "tandem-test";

  final TestClock clock;
  final SalesforceSandbox sandbox;
  final long seed;

  SandboxFixture(long seed) {
    this(seed, 15_000, false);
  }

  SandboxFixture(long seed, long dailyLimit, boolean shortPages, java.nio.file.Path... extraMetadata) {
    this(seed, dailyLimit, shortPages, java.util.Optional.empty(), extraMetadata);
  }

  /** A multi-currency org: {@code corporate} and {@code active} currencies. */
  static SandboxFixture multiCurrency(long seed, String corporate, java.util.Set<String> active) {
    return new SandboxFixture(seed, 15_000, false, java.util.Optional.of(java.util.Map.entry(corporate, active)));
  }

  private SandboxFixture(long seed, long dailyLimit, boolean shortPages,
      java.util.Optional<java.util.Map.Entry<String, java.util.Set<String>>> currencies, java.nio.file.Path... extraMetadata) {
    this.seed = seed;
    System.out.println("SandboxFixture seed=" + seed);
    this.clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    SalesforceSandbox.Builder b = SalesforceSandbox.builder().seed(seed).clock(clock).dailyApiLimit(dailyLimit)
        .deployMetadata(SalesforceMetadata.sourceDirectory()).shortQueryPages(shortPages);
    currencies.ifPresent(c -> b.multiCurrency(c.getKey(), c.getValue()));
    for (java.nio.file.Path extra : extraMetadata) {
      b.deployMetadata(extra);
    }
    this.sandbox = b.build().start();
    sandbox.registerClientCredentials(CLIENT_ID, CLIENT_SECRET, USER);
  }

  URI url() {
    return URI.create(sandbox.baseUrl());
  }

  /** A builder wired to the sandbox with fast retries and polling. */
  SalesforceConnector.Builder connector() {
    return SalesforceConnector.builder()
        .loginUrl(url())
        .auth(SalesforceAuth.clientCredentials(CLIENT_ID, CLIENT_SECRET))
        .budget(ApiBudget.unlimited())
        .retry(6, Duration.ofMillis(1), Duration.ofMillis(5))
        .bulkPolling(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(30))
        .changeSafetyLag(Duration.ofSeconds(1))
        .changeOverlap(Duration.ZERO);
  }

  SalesforceConnector started(SalesforceConnector.Builder builder) {
    SalesforceConnector c = builder.build();
    c.start(context());
    return c;
  }

  ConnectorContext context() {
    return new ConnectorContext() {
      @Override
      public String originTag() {
        return ORIGIN;
      }

      @Override
      public Clock clock() {
        return clock;
      }
    };
  }

  long counted(ResourceKind kind) {
    return sandbox.usage().counted(kind);
  }

  @Override
  public void close() {
    sandbox.close();
  }

  /** A clock tests move by hand. */
  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private volatile Duration tick = Duration.ZERO;

    TestClock(Instant start) {
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

    /** Moves time by {@code step} on every reading (zero stops it). */
    void autoTick(Duration step) {
      this.tick = step;
    }

    @Override
    public Instant instant() {
      Duration step = tick;
      return step.isZero() ? now.get() : now.updateAndGet(i -> i.plus(step));
    }
  }
}
