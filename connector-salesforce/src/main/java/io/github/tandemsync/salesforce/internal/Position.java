package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.core.spi.Watermark;
import java.time.Instant;
import java.util.Optional;

/**
 * The reader's watermark: the {@code (SystemModstamp, Id)} keyset position of the last change
 * handed out, how far the delete log has been read, and (for documents whose lines are edited in
 * Salesforce) how far line changes have been read. Serialised as
 * {@code sf1;<SystemModstamp>;<Id>;<deletes covered until>[;<lines read until>]} with ISO-8601
 * UTC instants.
 *
 * @param modstamp SystemModstamp of the last change, empty before the first
 * @param id Id of the last change at that SystemModstamp
 * @param deletesUntil the {@code latestDateCovered} of the last getDeleted call, or where the
 *     first full read started
 * @param linesUntil the upper bound of the last read of changed document lines
 */
record Position(Optional<Instant> modstamp, String id, Optional<Instant> deletesUntil, Optional<Instant> linesUntil)
    implements Comparable<Position> {
  private static final String VERSION = "sf1";
  static final Position INITIAL = new Position(Optional.empty(), "", Optional.empty(), Optional.empty());

  static Position parse(Watermark w) {
    if (w.isInitial()) {
      return INITIAL;
    }
    String[] parts = w.value().split(";", -1);
    if ((parts.length != 4 && parts.length != 5) || !parts[0].equals(VERSION)) {
      throw new PermanentException("not a Salesforce connector watermark: '" + w.value() + "'");
    }
    try {
      return new Position(instant(parts[1]), parts[2], instant(parts[3]), parts.length == 5 ? instant(parts[4]) : Optional.empty());
    } catch (RuntimeException e) {
      throw new PermanentException("corrupt Salesforce connector watermark: '" + w.value() + "'");
    }
  }

  private static Optional<Instant> instant(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
  }

  Watermark toWatermark() {
    if (modstamp.isEmpty() && deletesUntil.isEmpty() && id.isEmpty() && linesUntil.isEmpty()) {
      return Watermark.initial();
    }
    return Watermark.of(VERSION + ";" + modstamp.map(Instant::toString).orElse("") + ";" + id + ";"
        + deletesUntil.map(Instant::toString).orElse("") + linesUntil.map(l -> ";" + l).orElse(""));
  }

  Position withKey(Instant ts, String recordId) {
    return new Position(Optional.of(ts), recordId, deletesUntil, linesUntil);
  }

  Position withDeletesUntil(Instant until) {
    return new Position(modstamp, id, Optional.of(until), linesUntil);
  }

  Position withLinesUntil(Instant until) {
    return new Position(modstamp, id, deletesUntil, Optional.of(until));
  }

  /** Keyset order: SystemModstamp, then Id. */
  @Override
  public int compareTo(Position o) {
    int c = modstamp.orElse(Instant.MIN).compareTo(o.modstamp.orElse(Instant.MIN));
    return c != 0 ? c : id.compareTo(o.id);
  }

  /** The later of the two keys, keeping the later delete and line positions. */
  Position max(Position o) {
    Position key = compareTo(o) >= 0 ? this : o;
    return new Position(key.modstamp, key.id, later(deletesUntil, o.deletesUntil), later(linesUntil, o.linesUntil));
  }

  private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
  }
}
