package io.github.tandemsync.archfixture.testkit;

/** Clean: a testkit class. */
public final class FakeSystem {}
