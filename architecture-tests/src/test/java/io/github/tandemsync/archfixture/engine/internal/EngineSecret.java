package io.github.tandemsync.archfixture.engine.internal;

/** Clean: an internal engine type. */
public final class EngineSecret {
  public int value() {
    return 42;
  }
}
