package io.github.tandemsync.archfixture.salesforce;

/** Clean: a connector class. */
public final class SalesforceClient {
  public String query() {
    return "SELECT Id FROM Account";
  }
}
