/** The engine's implementation. Not API: may change at any time. */
@NullMarked
package io.github.tandemsync.engine.internal;

import org.jspecify.annotations.NullMarked;
