package io.github.tandemsync.archfixture.engine.cycleb;

import io.github.tandemsync.archfixture.engine.cyclea.CycleA;

/** Violation: the other half of a package cycle. */
public final class CycleB {
  CycleA back() {
    return new CycleA();
  }
}
