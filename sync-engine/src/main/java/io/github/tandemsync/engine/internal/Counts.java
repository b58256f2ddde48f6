package io.github.tandemsync.engine.internal;

import io.github.tandemsync.engine.DirectionCounts;

/** Mutable counters of one direction during a run. */
final class Counts {
  long read;
  long created;
  long updated;
  long deleted;
  long unchanged;
  long skipped;
  long conflicts;
  long failed;
  long deferred;

  DirectionCounts snapshot() {
    return new DirectionCounts(read, created, updated, deleted, unchanged, skipped, conflicts, failed, deferred);
  }
}
