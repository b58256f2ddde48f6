package io.github.tandemsync.benchmarks.engine;

import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.SyncEngine;
import io.github.tandemsync.engine.state.StateStore;
import io.github.tandemsync.engine.state.StateStores;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Engine overhead: records per second through read, diff, merge, write and state commit for an
 * initial sync of N accounts between two zero-latency connectors, with the in-memory and the
 * SQLite store. Prints mean and standard deviation over the measured repetitions.
 *
 * <p>Run: {@code ./benchmarks/run.sh engine-throughput [records] [repetitions]}
 */
public final class EngineThroughputBenchmark {
  private EngineThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    PrintStream out = System.out;
    out.printf(Locale.ROOT, "Engine throughput: initial sync of %,d accounts, one direction, batch 200, %d measured runs after 1 warm-up%n",
        records, repetitions);
    out.printf(Locale.ROOT, "%-10s %14s %14s %12s%n", "store", "records/s", "stdev", "seconds");
    measure(out, "memory", records, repetitions, StateStores::inMemory);
    measure(out, "sqlite", records, repetitions, () -> StateStores.sqlite(tempFile()));
  }

  private static void measure(PrintStream out, String label, int records, int repetitions, Supplier<StateStore> stores) {
    run(Math.max(records / 10, 10_000), stores); // warm-up
    List<Double> rates = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      run(records, stores);
      double s = (System.nanoTime() - start) / 1e9;
      seconds.add(s);
      rates.add(records / s);
    }
    double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double sd = Math.sqrt(rates.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / Math.max(1, rates.size() - 1));
    out.printf(Locale.ROOT, "%-10s %,14.0f %,14.0f %12.1f%n", label, mean, sd, seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0));
  }

  static RunReport run(int records, Supplier<StateStore> stores) {
    SyntheticConnector source = new SyntheticConnector("erp", records);
    SyntheticConnector target = new SyntheticConnector("crm", 0);
    try (SyncEngine engine = SyncEngine.builder().connector(source).connector(target).stateStore(stores.get())
        .flow(Flow.builder("accounts", EntityTypes.ACCOUNT).between("erp", "crm").rightToLeft(false).matchOn("code").build())
        .build()) {
      RunReport report = engine.runOnce("accounts");
      if (report.status() != RunReport.Status.COMPLETED || target.written() != records) {
        throw new IllegalStateException("benchmark run did not complete: " + report);
      }
      return report;
    }
  }

  static Path tempFile() {
    try {
      Path dir = Files.createTempDirectory("tandem-bench");
      dir.toFile().deleteOnExit();
      return dir.resolve("state.db");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
