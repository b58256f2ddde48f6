/** Runnable examples of embedding Tandem. Not published. */
@NullMarked
package io.github.tandemsync.examples;

import org.jspecify.annotations.NullMarked;
