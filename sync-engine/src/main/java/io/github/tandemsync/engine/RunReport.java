package io.github.tandemsync.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one flow run.
 *
 * @param flow the flow name
 * @param started when the run began
 * @param finished when it ended
 * @param status how it ended
 * @param detail why it stopped early, when it did
 * @param directions what each direction did
 * @param conflicts the conflicts settled (at most a few hundred are kept; counts are exact)
 * @param failures the records that failed (at most a few hundred are kept; counts are exact)
 * @param pending changes still waiting in the inbox (deferred, or left by an early stop)
 * @param quarantined records in the flow's quarantine after the run
 */
public record RunReport(
    String flow,
    Instant started,
    Instant finished,
    Status status,
    Optional<String> detail,
    Map<Direction, DirectionCounts> directions,
    List<Conflict> conflicts,
    List<FailedRecord> failures,
    long pending,
    long quarantined) {

  /** How a run ended. */
  public enum Status {
    /** Everything read was processed. */
    COMPLETED,
    /** Stopped on request after the batch in hand. */
    STOPPED,
    /** A metered API budget ran out; the run resumes from its watermarks later. */
    BUDGET_EXHAUSTED,
    /** Another node holds the flow's lease; nothing was done. */
    LEASE_UNAVAILABLE,
    /** The lease was taken over during the run; the last unit of work was rejected. */
    LEASE_LOST,
    /** A connector or the store failed in a way that stopped the run; see detail. */
    FAILED
  }

  public RunReport {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(status, "status");
    detail = detail == null ? Optional.empty() : detail;
    directions = Map.copyOf(directions);
    conflicts = List.copyOf(conflicts);
    failures = List.copyOf(failures);
  }

  /** Counts of the direction from {@code connector}, zero when it did nothing. */
  public DirectionCounts from(String connector) {
    return directions.entrySet().stream().filter(e -> e.getKey().from().equals(connector)).map(Map.Entry::getValue)
        .findFirst().orElse(DirectionCounts.ZERO);
  }

  /** Creates, updates and deletes in all directions. */
  public long writes() {
    return directions.values().stream().mapToLong(DirectionCounts::writes).sum();
  }

  /** Both directions added up. */
  public DirectionCounts total() {
    return directions.values().stream().reduce(DirectionCounts.ZERO, DirectionCounts::plus);
  }

  public Duration duration() {
    return Duration.between(started, finished);
  }
}
