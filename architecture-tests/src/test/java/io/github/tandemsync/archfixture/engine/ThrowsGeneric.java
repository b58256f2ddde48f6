package io.github.tandemsync.archfixture.engine;

/** Violation: throws a generic RuntimeException. */
public final class ThrowsGeneric {
  void fail() {
    throw new RuntimeException("generic");
  }
}
