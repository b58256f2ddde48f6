package io.github.tandemsync.archfixture.engine;

import io.github.tandemsync.archfixture.engine.api.EngineApi;
import jakarta.inject.Inject;

/** Clean: constructor injection. */
public final class ConstructorInjected {
  private final EngineApi api;

  @Inject
  public ConstructorInjected(EngineApi api) {
    this.api = api;
  }

  EngineApi api() {
    return api;
  }
}
