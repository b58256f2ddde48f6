package io.github.tandemsync.engine.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A create about to be sent to {@code target}, recorded durably before the write so that a rerun
 * after a crash replays it with the same idempotency key and the target finds the record it may
 * already have made.
 *
 * @param flow the flow name
 * @param target the side being written
 * @param sourceId the native id of the source record on the other side
 * @param idempotencyKey the key sent with the create
 * @param createdAt when the intent was recorded
 */
public record Intent(String flow, Side target, String sourceId, String idempotencyKey, Instant createdAt) {
  public Intent {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
