package io.github.tandemsync.benchmarks.engine;

import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.state.StateStores;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Peak heap of an initial sync of N accounts (default 1,000,000) on the SQLite store. Meant to run
 * in a JVM capped with {@code -Xmx256m}: completing at all is the first result; the peak of each
 * heap pool is the second.
 *
 * <p>Run: {@code ./benchmarks/run.sh initial-sync-heap [records]} (the script sets -Xmx256m).
 */
public final class InitialSyncHeapBenchmark {
  private InitialSyncHeapBenchmark() {}

  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    PrintStream out = System.out;
    long max = Runtime.getRuntime().maxMemory();
    long start = System.nanoTime();
    RunReport report = EngineThroughputBenchmark.run(records, () -> StateStores.sqlite(EngineThroughputBenchmark.tempFile()));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    out.printf(Locale.ROOT, "Initial sync of %,d accounts on SQLite: %s in %.1f s (%,.0f records/s)%n", records, report.status(), seconds,
        records / seconds);
    out.printf(Locale.ROOT, "Max heap (-Xmx): %,d MiB; sum of heap pool peaks: %,d MiB%n", max >> 20, peak >> 20);
  }
}
