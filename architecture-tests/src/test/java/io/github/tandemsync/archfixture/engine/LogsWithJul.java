package io.github.tandemsync.archfixture.engine;

import java.util.logging.Logger;

/** Violation: java.util.logging. */
public final class LogsWithJul {
  private static final Logger LOG = Logger.getLogger("fixture");

  void log() {
    LOG.info("hello");
  }
}
