package io.github.tandemsync.testkit.salesforce;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A started sandbox with the test SFDX metadata, a hand-moved clock and a logged-in client. */
abstract class SandboxFixture {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  TestClock clock;
  SalesforceSandbox sf;
  SfHttp http;

  static Path metadata() {
    try {
      return Path.of(SandboxFixture.class.getResource("/salesforce-sandbox/sfdx").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  SalesforceSandbox.Builder configure(SalesforceSandbox.Builder builder) {
    return builder;
  }

  @BeforeEach
  void startSandbox() {
    clock = new TestClock(START);
    // A long session: tests move the clock by hours and days (OAuthTest covers expiry).
    sf = configure(SalesforceSandbox.builder().seed(42).clock(clock).sessionTimeout(Duration.ofDays(365)).deployMetadata(metadata()))
        .build().start();
    http = SfHttp.login(sf);
  }

  @AfterEach
  void stopSandbox() {
    sf.close();
  }
}
