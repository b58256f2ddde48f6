package io.github.tandemsync.archfixture.engine;

import io.github.tandemsync.archfixture.core.internal.CoreHelper;

/** Violation: the engine uses core's internal package. */
public final class EngineUsesCoreInternal {
  String borrow() {
    return CoreHelper.help();
  }
}
