package io.github.tandemsync.archfixture.core;

/** Violation: core depends on the engine. */
public final class CoreUsesEngine {
  final io.github.tandemsync.archfixture.engine.api.EngineApi engine = new io.github.tandemsync.archfixture.engine.api.EngineApi();
}
