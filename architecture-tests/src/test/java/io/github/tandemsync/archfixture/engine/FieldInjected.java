package io.github.tandemsync.archfixture.engine;

import io.github.tandemsync.archfixture.engine.api.EngineApi;
import jakarta.inject.Inject;

/** Violation: field injection. */
public final class FieldInjected {
  @Inject
  EngineApi api;
}
