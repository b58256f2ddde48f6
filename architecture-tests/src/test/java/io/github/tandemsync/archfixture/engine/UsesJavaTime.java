package io.github.tandemsync.archfixture.engine;

import java.time.Instant;

/** Clean: java.time. */
public final class UsesJavaTime {
  Instant now() {
    return Instant.now();
  }
}
