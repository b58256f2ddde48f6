package io.github.tandemsync.archfixture.engine;

import io.github.tandemsync.archfixture.engine.internal.EngineSecret;

/** Clean: internal types used privately, not in the public signature. */
public final class UsesInternalPrivately {
  private final EngineSecret secret = new EngineSecret();

  public int value() {
    return secret.value();
  }

  EngineSecret packagePrivate() {
    return secret;
  }
}
