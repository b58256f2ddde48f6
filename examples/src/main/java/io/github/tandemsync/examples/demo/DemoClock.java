package io.github.tandemsync.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset the demo moves forward: edits and syncs happen "later", as they
 * would in a real day, so a sync never races the edits it should pick up (Salesforce's own clock,
 * which bounds change reads, only has whole seconds).
 */
public final class DemoClock extends Clock {
  private volatile Duration offset = Duration.ZERO;

  /** The system clock, for a fresh demo. */
  public DemoClock() {}

  /**
   * A clock that starts after {@code notBefore}: a demo continued from its directory must not go
   * back in time, or the systems would stamp new edits before the changes already synced.
   */
  public DemoClock(Instant notBefore) {
    Instant now = Instant.now();
    if (!now.isAfter(notBefore)) {
      offset = Duration.between(now, notBefore).plusSeconds(1);
    }
  }

  /** Moves time forward. */
  public void advance(Duration by) {
    offset = offset.plus(by);
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
    return Instant.now().plus(offset);
  }
}
