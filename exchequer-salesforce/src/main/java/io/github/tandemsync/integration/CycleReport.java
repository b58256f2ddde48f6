package io.github.tandemsync.integration;

import io.github.tandemsync.engine.Conflict;
import io.github.tandemsync.engine.FailedRecord;
import io.github.tandemsync.engine.RunReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One cycle of the integration: the flow runs in order, and what the quote-acceptance workflow
 * did.
 *
 * @param started when the cycle began
 * @param finished when it ended
 * @param runs every flow run of the cycle, in order (a flow may run twice when accepted quotes
 *     turned prospects into customers)
 * @param prospectsConverted Salesforce ids of prospect accounts turned into customers by an
 *     accepted quote
 * @param opportunitiesWon Salesforce ids of opportunities set to Closed Won
 * @param notRun the enabled flows this cycle did not run: all of them when another node was
 *     running the cycle, the rest of them when the integration was closing or its cycle lease
 *     could not be renewed (lost to another node, or a store failure)
 */
public record CycleReport(Instant started, Instant finished, List<RunReport> runs, List<String> prospectsConverted,
    List<String> opportunitiesWon, List<String> notRun) {

  public CycleReport {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    runs = List.copyOf(runs);
    prospectsConverted = List.copyOf(prospectsConverted);
    opportunitiesWon = List.copyOf(opportunitiesWon);
    notRun = List.copyOf(notRun);
  }

  /** Creates, updates and deletes in all flows. */
  public long writes() {
    return runs.stream().mapToLong(RunReport::writes).sum();
  }

  public List<Conflict> conflicts() {
    return runs.stream().flatMap(r -> r.conflicts().stream()).toList();
  }

  public List<FailedRecord> failures() {
    return runs.stream().flatMap(r -> r.failures().stream()).toList();
  }

  /** Whether every enabled flow ran and completed. */
  public boolean completed() {
    return notRun.isEmpty() && runs.stream().allMatch(r -> r.status() == RunReport.Status.COMPLETED);
  }

  public Duration duration() {
    return Duration.between(started, finished);
  }
}
