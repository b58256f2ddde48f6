package io.github.tandemsync.archfixture.testkit;

import io.github.tandemsync.archfixture.salesforce.internal.SalesforceWire;

/** Violation: the testkit uses a connector's internal package. */
public final class TestkitUsesSalesforceInternal {
  String wire() {
    return SalesforceWire.encode("x");
  }
}
