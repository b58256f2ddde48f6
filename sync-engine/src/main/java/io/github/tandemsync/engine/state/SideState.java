package io.github.tandemsync.engine.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine last knew of one side of a link.
 *
 * @param nativeId the record's id on that side
 * @param snapshot the last synced canonical field values of that side (engine-defined JSON)
 * @param hash a stable hash of {@code snapshot} over the fields that side maps, for echo detection
 * @param sourceTime the side's own change time of that value, when it reported one
 * @param deleted whether the record was deleted on that side (a tombstone)
 */
public record SideState(String nativeId, String snapshot, String hash, Optional<Instant> sourceTime, boolean deleted) {
  public SideState {
    Objects.requireNonNull(nativeId, "nativeId");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(hash, "hash");
    sourceTime = sourceTime == null ? Optional.empty() : sourceTime;
  }
}
