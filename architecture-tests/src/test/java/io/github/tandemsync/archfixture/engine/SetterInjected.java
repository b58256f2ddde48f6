package io.github.tandemsync.archfixture.engine;

import io.github.tandemsync.archfixture.engine.api.EngineApi;
import jakarta.inject.Inject;

/** Violation: method injection. */
public final class SetterInjected {
  private EngineApi api = new EngineApi();

  @Inject
  void setApi(EngineApi newApi) {
    this.api = newApi;
  }

  EngineApi api() {
    return api;
  }
}
