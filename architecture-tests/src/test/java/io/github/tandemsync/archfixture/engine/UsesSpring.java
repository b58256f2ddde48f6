package io.github.tandemsync.archfixture.engine;

import org.springframework.stereotype.Component;

/** Violation: a DI-container annotation. */
@Component
public final class UsesSpring {}
