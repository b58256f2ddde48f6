package io.github.tandemsync.engine;

import java.util.List;
import java.util.Objects;

/**
 * What a flow run would do, computed without writing anything to either connector or to the state
 * store.
 *
 * @param flow the flow name
 * @param writes the creates, updates and deletes with their field values
 * @param conflicts the conflicts and how they would be settled
 * @param failures the records that would fail
 */
public record DryRunReport(String flow, List<PlannedWrite> writes, List<Conflict> conflicts, List<FailedRecord> failures) {
  public DryRunReport {
    Objects.requireNonNull(flow, "flow");
    writes = List.copyOf(writes);
    conflicts = List.copyOf(conflicts);
    failures = List.copyOf(failures);
  }
}
