package io.github.tandemsync.engine.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A cross-reference between a record on the left connector and its counterpart on the right,
 * with what was last synced on each side. Each native id takes part in at most one link per flow.
 *
 * @param flow the flow name
 * @param left the left side's state
 * @param right the right side's state
 * @param updatedAt when the link last changed
 */
public record LinkRecord(String flow, SideState left, SideState right, Instant updatedAt) {
  public LinkRecord {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The state of {@code side}. */
  public SideState side(Side side) {
    return side == Side.LEFT ? left : right;
  }

  /** A copy with {@code side}'s state replaced. */
  public LinkRecord with(Side side, SideState state, Instant now) {
    return side == Side.LEFT ? new LinkRecord(flow, state, right, now) : new LinkRecord(flow, left, state, now);
  }
}
