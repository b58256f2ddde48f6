package io.github.tandemsync.engine.internal;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.tandemsync.core.BudgetExhaustedException;
import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.engine.RetrySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends write requests to one writer in batches sized for it, retrying transient failures — of
 * single records or of a whole batch — with exponential back-off and jitter. Creates are safe to
 * replay because every request carries its idempotency key.
 */
final class WriteExecutor<T> {

  /** Outcomes aligned with the requests; a null outcome means the request was never attempted. */
  record Result<T>(List<@Nullable WriteOutcome<T>> outcomes, Optional<RuntimeException> abort) {}

  private final RecordWriter<T> writer;
  private final int batchSize;
  private final RetrySettings settings;
  private final String name;

  WriteExecutor(RecordWriter<T> writer, int flowBatchSize, RetrySettings settings, String name) {
    this.writer = writer;
    this.batchSize = Math.max(1, Math.min(flowBatchSize, writer.maxBatchSize()));
    this.settings = settings;
    this.name = name;
  }

  Result<T> execute(List<WriteRequest<T>> requests) {
    List<@Nullable WriteOutcome<T>> outcomes = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      outcomes.add(null);
    }
    for (int start = 0; start < requests.size(); start += batchSize) {
      List<Integer> pending = new ArrayList<>();
      for (int i = start; i < Math.min(requests.size(), start + batchSize); i++) {
        pending.add(i);
      }
      Supplier<Integer> attempt = () -> {
        List<WriteRequest<T>> batch = pending.stream().map(requests::get).toList();
        List<WriteOutcome<T>> results = writer.write(batch);
        if (results.size() != batch.size()) {
          throw new PermanentException("writer " + writer.getClass().getName() + " returned " + results.size()
              + " outcomes for " + batch.size() + " requests");
        }
        List<Integer> still = new ArrayList<>();
        for (int k = 0; k < batch.size(); k++) {
          int index = pending.get(k);
          WriteOutcome<T> outcome = results.get(k);
          outcomes.set(index, outcome);
          // retried now only when now can help; waiting on a later run only costs back-off time
          if (!outcome.isSuccess() && outcome.error().map(e -> e.retryable() && !e.notBeforeNextRun()).orElse(false)) {
            still.add(index);
          }
        }
        pending.clear();
        pending.addAll(still);
        return still.size();
      };
      try {
        retry().executeSupplier(attempt);
      } catch (RuntimeException e) {
        return new Result<>(outcomes, Optional.of(e));
      }
    }
    return new Result<>(outcomes, Optional.empty());
  }

  static Retry retry(String name, RetrySettings settings) {
    long initial = Math.max(1, settings.initialBackoff().toMillis());
    long max = Math.max(initial, settings.maxBackoff().toMillis());
    double jitter = Math.min(settings.jitter(), 0.99);
    RetryConfig config = RetryConfig.<Object>custom()
        .maxAttempts(settings.maxAttempts())
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initial, settings.multiplier(), jitter, max))
        .retryOnResult(r -> r instanceof Integer n && n > 0)
        .retryOnException(e -> e instanceof RetryableException && !(e instanceof BudgetExhaustedException))
        .failAfterMaxAttempts(false)
        .build();
    return Retry.of(name, config);
  }

  private Retry retry() {
    return retry(name, settings);
  }
}
