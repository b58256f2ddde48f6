package io.github.tandemsync.archfixture.engine;

import io.github.tandemsync.archfixture.salesforce.SalesforceClient;

/** Violation: the engine depends on a connector. */
public final class EngineUsesSalesforce {
  String call() {
    return new SalesforceClient().query();
  }
}
