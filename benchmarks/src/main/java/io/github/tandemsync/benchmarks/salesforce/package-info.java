/** Salesforce API economy: calls per workload and throughput against the in-process sandbox. */
@NullMarked
package io.github.tandemsync.benchmarks.salesforce;

import org.jspecify.annotations.NullMarked;
