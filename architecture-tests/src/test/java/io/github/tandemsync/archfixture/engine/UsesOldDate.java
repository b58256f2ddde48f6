package io.github.tandemsync.archfixture.engine;

import java.util.Date;

/** Violation: java.util.Date. */
public final class UsesOldDate {
  long now() {
    return new Date().getTime();
  }
}
