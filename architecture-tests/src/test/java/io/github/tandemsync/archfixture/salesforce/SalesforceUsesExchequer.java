package io.github.tandemsync.archfixture.salesforce;

import io.github.tandemsync.archfixture.exchequer.ExchequerGateway;

/** Violation: one connector depends on another. */
public final class SalesforceUsesExchequer {
  String code() {
    return new ExchequerGateway().code();
  }
}
