package io.github.tandemsync.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * How far a flow run has got.
 *
 * @param flow the flow name
 * @param phase what the run is doing
 * @param connector the connector being read or written, when the phase concerns one
 * @param done units done in this phase (changes captured, records processed)
 * @param total units in this phase when known (records waiting to be processed), else empty
 */
public record Progress(String flow, Phase phase, Optional<String> connector, long done, Optional<Long> total) {

  /** Phases of a run. */
  public enum Phase {
    /** Reading changes from a connector into the inbox. */
    CAPTURE,
    /** Checking that linked records still exist. */
    RECONCILE,
    /** Merging staged changes and writing them. */
    WRITE
  }

  public Progress {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(phase, "phase");
    connector = connector == null ? Optional.empty() : connector;
    total = total == null ? Optional.empty() : total;
  }
}
