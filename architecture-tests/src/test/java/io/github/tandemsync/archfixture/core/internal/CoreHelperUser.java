package io.github.tandemsync.archfixture.core.internal;

/** Clean: core uses its own internal package. */
final class CoreHelperUser {
  String use() {
    return CoreHelper.help();
  }
}
