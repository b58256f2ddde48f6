/** The integration's implementation. Not API: may change at any time. */
@NullMarked
package io.github.tandemsync.integration.internal;

import org.jspecify.annotations.NullMarked;
