package io.github.tandemsync.archfixture.core.internal;

/** Clean: an internal helper of core. */
public final class CoreHelper {
  public static String help() {
    return "help";
  }
}
