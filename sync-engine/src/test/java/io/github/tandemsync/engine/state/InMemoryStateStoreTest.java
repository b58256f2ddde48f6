package io.github.tandemsync.engine.state;

import java.time.Duration;
import java.time.Instant;

/** The reference store against the contract. */
class InMemoryStateStoreTest extends StateStoreContract {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T09:00:00Z"));

  @Override
  protected StateStore openStore() {
    return StateStores.inMemory(clock);
  }

  @Override
  protected Instant storeNow() {
    return clock.instant();
  }

  @Override
  protected Duration ttl() {
    return Duration.ofSeconds(30);
  }

  @Override
  protected void passBeyond(Instant instant) {
    clock.set(instant.plusMillis(1));
  }
}
