/** Engine benchmarks with zero-latency synthetic connectors. */
@NullMarked
package io.github.tandemsync.benchmarks.engine;

import org.jspecify.annotations.NullMarked;
