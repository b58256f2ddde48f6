/** An in-memory system with injectable faults, and its connector, for engine-level tests. */
@NullMarked
package io.github.tandemsync.testkit.fake;

import org.jspecify.annotations.NullMarked;
