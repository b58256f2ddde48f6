package io.github.tandemsync.archfixture.core;

/** Clean: a core record. */
public record CoreValue(String value) {}
