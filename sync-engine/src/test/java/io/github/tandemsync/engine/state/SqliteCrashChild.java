package io.github.tandemsync.engine.state;

import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.Watermark;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Run in a child JVM by {@link SqliteRobustnessTest}: commits whole generations to a SQLite store
 * as fast as it can until it is killed. Generation {@code g} is: watermark {@code g}, inbox entries
 * {@code g-0 .. g-49} (and none of {@code g-1}), links {@code L0..L9} with snapshot {@code g}.
 */
final class SqliteCrashChild {
  static final String FLOW = "crash";
  static final String OWNER = "crash-child";
  static final int ENTRIES = 50;
  static final int LINKS = 10;

  private SqliteCrashChild() {}

  public static void main(String[] args) {
    try (StateStore store = StateStores.sqlite(Path.of(args[0]))) {
      Lease lease = store.acquireLease(FLOW, OWNER, Duration.ofHours(1)).orElseThrow();
      long generation = store.watermark(FLOW, "generation").map(w -> Long.parseLong(w.value())).orElse(0L);
      boolean announced = false;
      while (true) {
        long previous = generation++;
        StateChanges.Builder changes = StateChanges.forFlow(FLOW).watermark("generation", Watermark.of(Long.toString(generation)));
        for (int i = 0; i < ENTRIES; i++) {
          changes.unstage(Side.LEFT, previous + "-" + i, -1);
          changes.stage(new StagedChange(Side.LEFT, generation + "-" + i, Change.Kind.UPSERT,
              Optional.of("{\"generation\":" + generation + "}"), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        for (int i = 0; i < LINKS; i++) {
          String snapshot = Long.toString(generation);
          changes.putLink(new LinkRecord(FLOW, new SideState("L" + i, snapshot, "h", Optional.empty(), false),
              new SideState("R" + i, snapshot, "h", Optional.empty(), false), Instant.EPOCH));
        }
        store.commit(lease, changes.build());
        if (!announced) {
          System.out.println("committing");
          System.out.flush();
          announced = true;
        }
      }
    }
  }
}
