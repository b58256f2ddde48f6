package io.github.tandemsync.archfixture.engine.unmarked;

/** Violation: its package has no @NullMarked package-info. */
public final class Unmarked {}
