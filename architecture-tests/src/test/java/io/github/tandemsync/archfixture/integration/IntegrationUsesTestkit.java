package io.github.tandemsync.archfixture.integration;

import io.github.tandemsync.archfixture.testkit.FakeSystem;

/** Violation: library code depends on the testkit. */
public final class IntegrationUsesTestkit {
  FakeSystem fake() {
    return new FakeSystem();
  }
}
