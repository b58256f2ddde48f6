package io.github.tandemsync.engine.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A staged change as the store holds it.
 *
 * @param flow the flow name
 * @param seq the store-assigned sequence number; grows with every staging, so entries are
 *     processed in capture order
 * @param change the change
 * @param attempts how many runs tried to write it and were told to try again later
 * @param lastError the last retryable failure, for operators
 * @param stagedAt when it was staged
 */
public record InboxEntry(String flow, long seq, StagedChange change, int attempts, Optional<String> lastError, Instant stagedAt) {
  public InboxEntry {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(change, "change");
    lastError = lastError == null ? Optional.empty() : lastError;
    Objects.requireNonNull(stagedAt, "stagedAt");
  }
}
