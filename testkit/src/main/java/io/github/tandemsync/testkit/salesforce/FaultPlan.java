package io.github.tandemsync.testkit.salesforce;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Seeded faults the sandbox injects into counted API calls: {@code 503 SERVER_UNAVAILABLE},
 * {@code UNABLE_TO_LOCK_ROW} (the whole call for single-record writes, single records inside
 * collections, composite subrequests and Bulk rows), connection resets before or after the change
 * is applied, and latency. The same plan and the same sequence of calls give the same faults.
 *
 * <pre>{@code
 * sandbox.faults(FaultPlan.builder().seed(7).serverUnavailableRate(0.1).lockRowRate(0.05)
 *     .connectionResetRate(0.05).latency(Duration.ofMillis(50)).build());
 * }</pre>
 */
public final class FaultPlan {
  /** When a connection reset happens relative to applying the request. */
  public enum ResetTiming {
    /** The request is dropped: nothing was applied. */
    BEFORE_PROCESSING,
    /** The request was applied but its response is lost (the classic duplicate trap on retried creates). */
    AFTER_PROCESSING,
    /** Either, chosen by the seeded random source for each reset. */
    EITHER
  }

  private static final FaultPlan NONE = builder().build();

  private final long seed;
  private final double serverUnavailableRate;
  private final double lockRowRate;
  private final double connectionResetRate;
  private final ResetTiming resetTiming;
  private final Duration latency;
  private final boolean includeTokenEndpoint;
  private final Set<ResourceKind> kinds;

  private FaultPlan(Builder builder) {
    this.seed = builder.seed;
    this.serverUnavailableRate = builder.serverUnavailableRate;
    this.lockRowRate = builder.lockRowRate;
    this.connectionResetRate = builder.connectionResetRate;
    this.resetTiming = builder.resetTiming;
    this.latency = builder.latency;
    this.includeTokenEndpoint = builder.includeTokenEndpoint;
    this.kinds = Set.copyOf(builder.kinds);
  }

  /** No faults and no latency. */
  public static FaultPlan none() {
    return NONE;
  }

  /** A builder with every rate at zero. */
  public static Builder builder() {
    return new Builder();
  }

  /** The random seed. */
  public long seed() {
    return seed;
  }

  /** Share of counted calls answered {@code 503 SERVER_UNAVAILABLE}. */
  public double serverUnavailableRate() {
    return serverUnavailableRate;
  }

  /** Share of writes (or written records) failing with {@code UNABLE_TO_LOCK_ROW}. */
  public double lockRowRate() {
    return lockRowRate;
  }

  /** Share of counted calls whose connection is reset without a response. */
  public double connectionResetRate() {
    return connectionResetRate;
  }

  /** When resets happen relative to applying the request. */
  public ResetTiming resetTiming() {
    return resetTiming;
  }

  /** Delay added before each affected call is processed. */
  public Duration latency() {
    return latency;
  }

  /** Whether the OAuth token endpoint gets latency and resets too. */
  public boolean includeTokenEndpoint() {
    return includeTokenEndpoint;
  }

  /** The resource kinds faults apply to. */
  public Set<ResourceKind> kinds() {
    return kinds;
  }

  /** Whether this plan injects nothing at all. */
  public boolean isNone() {
    return serverUnavailableRate == 0 && lockRowRate == 0 && connectionResetRate == 0 && latency.isZero();
  }

  @Override
  public String toString() {
    return "FaultPlan[seed=" + seed + ", 503=" + serverUnavailableRate + ", lockRow=" + lockRowRate + ", reset="
        + connectionResetRate + " " + resetTiming + ", latency=" + latency + ", token=" + includeTokenEndpoint + ", kinds=" + kinds + "]";
  }

  /** Builds a {@link FaultPlan}; rates are probabilities between 0 and 1. */
  public static final class Builder {
    private long seed;
    private double serverUnavailableRate;
    private double lockRowRate;
    private double connectionResetRate;
    private ResetTiming resetTiming = ResetTiming.EITHER;
    private Duration latency = Duration.ZERO;
    private boolean includeTokenEndpoint;
    private Set<ResourceKind> kinds = EnumSet.complementOf(EnumSet.of(ResourceKind.AUTH, ResourceKind.VERSIONS));

    private Builder() {}

    /**
     * Seeds the random source.
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Share of counted calls answered {@code 503 SERVER_UNAVAILABLE}.
     *
     * @param rate a probability
     * @return this builder
     */
    public Builder serverUnavailableRate(double rate) {
      this.serverUnavailableRate = rate(rate);
      return this;
    }

    /**
     * Share of writes failing with {@code UNABLE_TO_LOCK_ROW}.
     *
     * @param rate a probability
     * @return this builder
     */
    public Builder lockRowRate(double rate) {
      this.lockRowRate = rate(rate);
      return this;
    }

    /**
     * Share of counted calls whose connection is reset.
     *
     * @param rate a probability
     * @return this builder
     */
    public Builder connectionResetRate(double rate) {
      this.connectionResetRate = rate(rate);
      return this;
    }

    /**
     * When resets happen relative to applying the request (default {@link ResetTiming#EITHER}).
     *
     * @param timing the timing
     * @return this builder
     */
    public Builder resetTiming(ResetTiming timing) {
      this.resetTiming = Objects.requireNonNull(timing, "timing");
      return this;
    }

    /**
     * Delay before each affected call is processed.
     *
     * @param value a non-negative duration
     * @return this builder
     */
    public Builder latency(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative: " + value);
      }
      this.latency = value;
      return this;
    }

    /**
     * Also applies latency and resets to the OAuth token endpoint (off by default).
     *
     * @param include whether to include it
     * @return this builder
     */
    public Builder includeTokenEndpoint(boolean include) {
      this.includeTokenEndpoint = include;
      return this;
    }

    /**
     * Restricts faults to these resource kinds (default: every metered kind).
     *
     * @param first a kind
     * @param more more kinds
     * @return this builder
     */
    public Builder onlyFor(ResourceKind first, ResourceKind... more) {
      this.kinds = EnumSet.of(first, more);
      return this;
    }

    /**
     * Builds the plan.
     *
     * @return the immutable plan
     */
    public FaultPlan build() {
      if (serverUnavailableRate + connectionResetRate > 1.0) {
        throw new IllegalStateException("serverUnavailableRate + connectionResetRate exceed 1: " + this);
      }
      return new FaultPlan(this);
    }

    private static double rate(double value) {
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException("a rate is a probability between 0 and 1, got " + value);
      }
      return value;
    }
  }
}
