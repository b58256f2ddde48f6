package io.github.tandemsync.engine.state;

import io.github.tandemsync.engine.internal.InMemoryStateStore;
import java.time.Clock;

/** The state stores Tandem ships. */
public final class StateStores {
  private StateStores() {}

  /** A store in memory, for tests: everything is lost when the JVM stops. */
  public static StateStore inMemory() {
    return new InMemoryStateStore(Clock.systemUTC());
  }

  /** A store in memory whose lease expiry follows {@code clock}. */
  public static StateStore inMemory(Clock clock) {
    return new InMemoryStateStore(clock);
  }
}
