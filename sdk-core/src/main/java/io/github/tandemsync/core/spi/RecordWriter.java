package io.github.tandemsync.core.spi;

import java.util.List;

/**
 * Writes records of one entity type to one system.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #write} returns exactly one outcome per request, in request order; a bad record
 *       fails alone (a {@link WriteOutcome#failed} outcome naming the field), never the batch;</li>
 *   <li>creates are idempotent: replaying a request with the same
 *       {@link WriteRequest#idempotencyKey()} (after a timeout or a crash) finds the record made
 *       the first time instead of creating a second one;</li>
 *   <li>whole-batch failures throw: {@link io.github.tandemsync.core.RetryableException} when the
 *       batch can be replayed (network, server busy),
 *       {@link io.github.tandemsync.core.BudgetExhaustedException} when a metered budget forbids
 *       more calls (the engine stops the run cleanly),
 *       {@link io.github.tandemsync.core.PermanentException} for configuration faults.</li>
 * </ul>
 *
 * @param <T> the canonical record type
 */
public interface RecordWriter<T> {

  /** Writes a batch of at most {@link #maxBatchSize()} requests. */
  List<WriteOutcome<T>> write(List<WriteRequest<T>> batch);

  /** The largest batch one {@link #write} call takes, sized for the target's API (e.g. 200). */
  default int maxBatchSize() {
    return 200;
  }

  /**
   * The canonical fields this writer stores. Fields outside the set are ignored when writing, and
   * the engine does not count them as written. Include the fields mapping customizers add.
   */
  default FieldSet fields() {
    return FieldSet.all();
  }
}
