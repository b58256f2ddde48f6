/** Helpers private to sdk-core. Not API: may change at any time. */
@NullMarked
package io.github.tandemsync.core.internal;

import org.jspecify.annotations.NullMarked;
