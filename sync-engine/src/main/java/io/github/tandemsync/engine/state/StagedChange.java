package io.github.tandemsync.engine.state;

import io.github.tandemsync.core.spi.Change;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A captured change waiting in the inbox to be merged and written. Staging replaces any earlier
 * entry for the same record: only the latest state of a record matters.
 *
 * @param side the side it was read from
 * @param nativeId the record's id on that side
 * @param kind upsert or delete
 * @param valueJson the canonical value as JSON, for upserts
 * @param sourceTime the source's change time
 * @param sourceVersion the source's version stamp
 * @param origin who made the change, when the source told
 */
public record StagedChange(
    Side side,
    String nativeId,
    Change.Kind kind,
    Optional<String> valueJson,
    Optional<Instant> sourceTime,
    Optional<String> sourceVersion,
    Optional<String> origin) {
  public StagedChange {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(nativeId, "nativeId");
    Objects.requireNonNull(kind, "kind");
    valueJson = valueJson == null ? Optional.empty() : valueJson;
    sourceTime = sourceTime == null ? Optional.empty() : sourceTime;
    sourceVersion = sourceVersion == null ? Optional.empty() : sourceVersion;
    origin = origin == null ? Optional.empty() : origin;
    if (kind == Change.Kind.INVALID) {
      throw new IllegalArgumentException("invalid changes go to quarantine, not to the inbox");
    }
  }
}
