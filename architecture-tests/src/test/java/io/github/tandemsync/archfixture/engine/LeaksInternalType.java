package io.github.tandemsync.archfixture.engine;

import io.github.tandemsync.archfixture.engine.internal.EngineSecret;
import java.util.List;

/** Violation: a public API method returns an internal type (inside a List). */
public final class LeaksInternalType {
  public List<EngineSecret> secrets() {
    return List.of(new EngineSecret());
  }
}
