package io.github.tandemsync.archfixture.integration.flows;

/** Clean: the reference integration's flows. */
public final class Flows {
  public static String accounts() {
    return "accounts";
  }
}
