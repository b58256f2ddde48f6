package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.core.spi.Watermark;
import java.time.Instant;
import java.util.Optional;

/**
 * The reader's watermark: the {@code (SystemModstamp, Id)} keyset position of the last change
 * handed out, and how far the delete log has been read. Serialised as
 * {@code sf1;<SystemModstamp>;<Id>;<deletes covered until>} with ISO-8601 UTC instants.
 *
 * @param modstamp SystemModstamp of the last change, empty before the first
 * @param id Id of the last change at that SystemModstamp
 * @param deletesUntil the {@code latestDateCovered} of the last getDeleted call, or where the
 *     first full read started
 */
record Position(Optional<Instant> modstamp, String id, Optional<Instant> deletesUntil) implements Comparable<Position> {
  private static final String VERSION = "sf1";
  static final Position INITIAL = new Position(Optional.empty(), "", Optional.empty());

  static Position parse(Watermark w) {
    if (w.isInitial()) {
      return INITIAL;
    }
    String[] parts = w.value().split(";", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      throw new PermanentException("not a Salesforce connector watermark: '" + w.value() + "'");
    }
    try {
      return new Position(parts[1].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(parts[1])), parts[2],
          parts[3].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(parts[3])));
    } catch (RuntimeException e) {
      throw new PermanentException("corrupt Salesforce connector watermark: '" + w.value() + "'");
    }
  }

  Watermark toWatermark() {
    if (modstamp.isEmpty() && deletesUntil.isEmpty() && id.isEmpty()) {
      return Watermark.initial();
    }
    return Watermark.of(VERSION + ";" + modstamp.map(Instant::toString).orElse("") + ";" + id + ";"
        + deletesUntil.map(Instant::toString).orElse(""));
  }

  Position withKey(Instant ts, String recordId) {
    return new Position(Optional.of(ts), recordId, deletesUntil);
  }

  Position withDeletesUntil(Instant until) {
    return new Position(modstamp, id, Optional.of(until));
  }

  /** Keyset order: SystemModstamp, then Id. */
  @Override
  public int compareTo(Position o) {
    int c = modstamp.orElse(Instant.MIN).compareTo(o.modstamp.orElse(Instant.MIN));
    return c != 0 ? c : id.compareTo(o.id);
  }

  /** The later of the two keys, keeping the later delete position. */
  Position max(Position o) {
    Position key = compareTo(o) >= 0 ? this : o;
    Optional<Instant> del = deletesUntil.isEmpty() ? o.deletesUntil
        : o.deletesUntil.isEmpty() ? deletesUntil
        : Optional.of(deletesUntil.get().isAfter(o.deletesUntil.get()) ? deletesUntil.get() : o.deletesUntil.get());
    return new Position(key.modstamp, key.id, del);
  }
}
