/**
 * Implementation of the Exchequer connector: SQL access, decoding, mapping, watermarks and the
 * gateway transports. Not API: may change in any release.
 */
@NullMarked
package io.github.tandemsync.exchequer.internal;

import org.jspecify.annotations.NullMarked;
