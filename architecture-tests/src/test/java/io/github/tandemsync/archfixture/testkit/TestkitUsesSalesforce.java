package io.github.tandemsync.archfixture.testkit;

import io.github.tandemsync.archfixture.salesforce.SalesforceClient;

/** Clean: the testkit may use a connector's API. */
public final class TestkitUsesSalesforce {
  String query() {
    return new SalesforceClient().query();
  }
}
