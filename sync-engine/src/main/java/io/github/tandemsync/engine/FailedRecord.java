package io.github.tandemsync.engine;

import io.github.tandemsync.core.spi.SyncError;
import java.util.Objects;
import java.util.Optional;

/**
 * A record that could not be synced.
 *
 * @param flow the flow name
 * @param entity the entity type name
 * @param sourceConnector where the change came from
 * @param sourceId its native id there
 * @param targetConnector where it was being written, when known
 * @param targetId the counterpart's id, when linked
 * @param error the reason, naming the field when known
 * @param quarantined true when parked in quarantine (permanent), false when kept in the inbox to
 *     retry in the next run (transient)
 */
public record FailedRecord(
    String flow,
    String entity,
    String sourceConnector,
    String sourceId,
    Optional<String> targetConnector,
    Optional<String> targetId,
    SyncError error,
    boolean quarantined) {
  public FailedRecord {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(sourceConnector, "sourceConnector");
    Objects.requireNonNull(sourceId, "sourceId");
    targetConnector = targetConnector == null ? Optional.empty() : targetConnector;
    targetId = targetId == null ? Optional.empty() : targetId;
    Objects.requireNonNull(error, "error");
  }

  /** One line for logs, mails and summaries. */
  public String describe() {
    return entity + " " + sourceId + " from " + sourceConnector + targetConnector.map(t -> " to " + t).orElse("")
        + ": " + error + (quarantined ? " (quarantined)" : " (will retry)");
  }
}
