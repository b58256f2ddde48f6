/** Benchmarks: engine overhead and memory, connector API economy. Not published. */
@NullMarked
package io.github.tandemsync.benchmarks;

import org.jspecify.annotations.NullMarked;
