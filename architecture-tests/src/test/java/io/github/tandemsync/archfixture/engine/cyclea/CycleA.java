package io.github.tandemsync.archfixture.engine.cyclea;

import io.github.tandemsync.archfixture.engine.cycleb.CycleB;

/** Violation: half of a package cycle. */
public final class CycleA {
  CycleB next() {
    return new CycleB();
  }
}
