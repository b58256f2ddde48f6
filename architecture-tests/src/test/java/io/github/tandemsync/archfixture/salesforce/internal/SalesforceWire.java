package io.github.tandemsync.archfixture.salesforce.internal;

/** Clean: an internal connector type. */
public final class SalesforceWire {
  public static String encode(String text) {
    return text;
  }
}
