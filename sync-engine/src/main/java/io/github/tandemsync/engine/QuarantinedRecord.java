package io.github.tandemsync.engine;

import io.github.tandemsync.core.spi.SyncError;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A record parked in a flow's quarantine.
 *
 * @param flow the flow name
 * @param sourceConnector where the change came from
 * @param sourceId its native id there
 * @param targetId the counterpart's id, when linked
 * @param error why it failed
 * @param attempts how often it failed
 * @param quarantinedAt when it was (last) parked
 */
public record QuarantinedRecord(
    String flow, String sourceConnector, String sourceId, Optional<String> targetId, SyncError error, int attempts, Instant quarantinedAt) {
  public QuarantinedRecord {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(sourceConnector, "sourceConnector");
    Objects.requireNonNull(sourceId, "sourceId");
    targetId = targetId == null ? Optional.empty() : targetId;
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(quarantinedAt, "quarantinedAt");
  }
}
