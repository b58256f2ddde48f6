package io.github.tandemsync.core.spi;

import java.time.Clock;

/**
 * What the engine gives a connector when it starts.
 */
public interface ConnectorContext {

  /**
   * A stable token naming this Tandem installation, sent with every write where the system can
   * record it (Salesforce {@code Sforce-Call-Options: client=...}) so changes made by Tandem itself
   * can be recognised when they come back.
   */
  String originTag();

  /** The clock to use for anything time-based, so tests can control time. */
  default Clock clock() {
    return Clock.systemUTC();
  }

  /** A context with the given origin tag and the system clock. */
  static ConnectorContext of(String originTag) {
    return () -> originTag;
  }
}
