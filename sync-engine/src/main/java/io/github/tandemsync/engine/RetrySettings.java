package io.github.tandemsync.engine;

import io.github.tandemsync.core.ConfigurationException;
import java.time.Duration;

/**
 * How the engine retries transient write failures within one run (locks, busy servers, lost
 * connections), with exponential back-off and jitter. Records still failing afterwards stay in the
 * inbox and are retried by the next run. Immutable; build with {@link #builder()}.
 *
 * @param maxAttempts attempts per record within one run, including the first (≥ 1)
 * @param initialBackoff wait before the first retry
 * @param multiplier growth of the wait per retry (≥ 1)
 * @param jitter random spread of each wait, 0 (none) to 1 (±100 %)
 * @param maxBackoff the longest single wait
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, double jitter, Duration maxBackoff) {

  public RetrySettings {
    if (maxAttempts < 1) {
      throw new ConfigurationException("retry maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new ConfigurationException("retry backoff must be non-negative and maxBackoff >= initialBackoff");
    }
    if (multiplier < 1) {
      throw new ConfigurationException("retry multiplier must be at least 1, was " + multiplier);
    }
    if (jitter < 0 || jitter > 1) {
      throw new ConfigurationException("retry jitter must be within 0..1, was " + jitter);
    }
  }

  /** 4 attempts, 500 ms doubling with ±50 % jitter, at most 10 s per wait. */
  public static RetrySettings defaults() {
    return new RetrySettings(4, Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(10));
  }

  /** No retry within a run: transient failures wait for the next run. */
  public static RetrySettings none() {
    return new RetrySettings(1, Duration.ZERO, 1.0, 0, Duration.ZERO);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RetrySettings}, starting from {@link #defaults()}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private double multiplier = 2.0;
    private double jitter = 0.5;
    private Duration maxBackoff = Duration.ofSeconds(10);

    private Builder() {}

    public Builder maxAttempts(int value) {
      this.maxAttempts = value;
      return this;
    }

    public Builder initialBackoff(Duration value) {
      this.initialBackoff = value;
      return this;
    }

    public Builder multiplier(double value) {
      this.multiplier = value;
      return this;
    }

    public Builder jitter(double value) {
      this.jitter = value;
      return this;
    }

    public Builder maxBackoff(Duration value) {
      this.maxBackoff = value;
      return this;
    }

    public RetrySettings build() {
      return new RetrySettings(maxAttempts, initialBackoff, multiplier, jitter, maxBackoff);
    }
  }
}
