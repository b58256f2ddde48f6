package io.github.tandemsync.engine.state;

import java.time.Instant;
import java.util.Objects;

/**
 * The right to run one flow, held by one engine node until {@code expiresAt} unless renewed. The
 * fencing {@code token} grows every time the lease changes hands; a store rejects commits that
 * carry an older token, so a node that lost its lease (a long pause, a network partition) cannot
 * overwrite the progress of the node that took over.
 *
 * @param flow the flow name
 * @param owner the holding node's id
 * @param token the fencing token
 * @param expiresAt when the lease lapses unless renewed
 */
public record Lease(String flow, String owner, long token, Instant expiresAt) {
  public Lease {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
