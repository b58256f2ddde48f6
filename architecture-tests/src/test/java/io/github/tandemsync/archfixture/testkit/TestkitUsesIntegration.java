package io.github.tandemsync.archfixture.testkit;

import io.github.tandemsync.archfixture.integration.flows.Flows;

/** Violation: the testkit depends on the reference integration. */
public final class TestkitUsesIntegration {
  String flows() {
    return Flows.accounts();
  }
}
