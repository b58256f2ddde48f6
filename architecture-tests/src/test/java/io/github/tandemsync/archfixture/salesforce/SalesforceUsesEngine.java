package io.github.tandemsync.archfixture.salesforce;

import io.github.tandemsync.archfixture.engine.api.EngineApi;

/** Violation: a connector depends on the engine. */
public final class SalesforceUsesEngine {
  String run() {
    return new EngineApi().run();
  }
}
