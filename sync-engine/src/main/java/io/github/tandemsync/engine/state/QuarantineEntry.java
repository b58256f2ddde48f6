package io.github.tandemsync.engine.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A record parked because it failed permanently, kept with everything needed to retry it.
 *
 * @param flow the flow name
 * @param sourceSide the side the change came from
 * @param sourceId its native id there
 * @param targetId the counterpart's id, when linked
 * @param change the change to retry, when it could be read (empty when the source record itself
 *     could not be mapped: a retry then re-reads it)
 * @param code the native or engine error code
 * @param message what went wrong, naming the record and field
 * @param field the field at fault, when known
 * @param attempts how often it failed
 * @param quarantinedAt when it was (last) parked
 */
public record QuarantineEntry(
    String flow,
    Side sourceSide,
    String sourceId,
    Optional<String> targetId,
    Optional<StagedChange> change,
    String code,
    String message,
    Optional<String> field,
    int attempts,
    Instant quarantinedAt) {
  public QuarantineEntry {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(sourceSide, "sourceSide");
    Objects.requireNonNull(sourceId, "sourceId");
    targetId = targetId == null ? Optional.empty() : targetId;
    change = change == null ? Optional.empty() : change;
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    field = field == null ? Optional.empty() : field;
    Objects.requireNonNull(quarantinedAt, "quarantinedAt");
  }
}
