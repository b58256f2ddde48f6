package io.github.tandemsync.testkit.exchequer;

import io.github.tandemsync.core.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Faults the Toolkit bridge simulator injects, reproducibly: a fixed script of faults for the next
 * requests, then faults drawn at random with given probabilities from a seeded generator, plus
 * latency. The same plan and the same sequence of requests give the same faults.
 *
 * <pre>{@code
 * ex.bridgeFaults(FaultPlan.script(Fault.RESET_AFTER_APPLY));          // the next write is applied, the reply lost
 * ex.bridgeFaults(FaultPlan.builder().seed(42).probability(Fault.RECORD_LOCKED, 0.2)
 *     .latency(Duration.ofMillis(1), Duration.ofMillis(20)).build());
 * }</pre>
 */
public final class FaultPlan {
  /** What can go wrong with one bridge request. */
  public enum Fault {
    /** No fault (useful as a gap in a script). */
    NONE,
    /** Btrieve 84: the record is open in Exchequer; HTTP 423, nothing applied. */
    RECORD_LOCKED,
    /** Btrieve 85: the file is locked; HTTP 423, nothing applied. */
    FILE_LOCKED,
    /** 32762: the toolkit instance is busy; HTTP 503, nothing applied. */
    TOOLKIT_BUSY,
    /** 31001: Btrieve error obtaining the next document number; HTTP 503, nothing applied. */
    COUNTER_ERROR,
    /** The connection drops before the request reaches the Toolkit: nothing applied, no reply. */
    RESET_BEFORE_APPLY,
    /** The Toolkit applies the request, then the connection drops: applied, no reply. */
    RESET_AFTER_APPLY
  }

  /** Which requests a plan may disturb. */
  public enum Scope {
    /** POST and PATCH only. */
    WRITES,
    /** Every request except {@code /v1/health}. */
    ALL
  }

  private static final FaultPlan NONE = builder().build();

  private final long seed;
  private final Map<Fault, Double> probabilities;
  private final List<Fault> script;
  private final Duration minLatency;
  private final Duration maxLatency;
  private final Scope scope;

  private FaultPlan(Builder builder) {
    this.seed = builder.seed;
    this.probabilities = Collections.unmodifiableMap(new EnumMap<>(builder.probabilities));
    this.script = List.copyOf(builder.script);
    this.minLatency = builder.minLatency;
    this.maxLatency = builder.maxLatency;
    this.scope = builder.scope;
  }

  /**
   * A plan without faults.
   *
   * @return the empty plan
   */
  public static FaultPlan none() {
    return NONE;
  }

  /**
   * Exactly these faults on the next writes, one per request, then none.
   *
   * @param faults the faults in order
   * @return the plan
   */
  public static FaultPlan script(Fault... faults) {
    return builder().script(faults).build();
  }

  /**
   * Starts a plan: seed 0, no faults, no latency, writes only.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The seed of the random draws.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The probability of each fault per request in scope (after the script is used up).
   *
   * @return fault to probability; absent faults have probability 0
   */
  public Map<Fault, Double> probabilities() {
    return probabilities;
  }

  /**
   * The faults of the next requests in scope, in order.
   *
   * @return the script
   */
  public List<Fault> script() {
    return script;
  }

  /**
   * The least added latency per request in scope.
   *
   * @return the minimum latency
   */
  public Duration minLatency() {
    return minLatency;
  }

  /**
   * The most added latency per request in scope.
   *
   * @return the maximum latency
   */
  public Duration maxLatency() {
    return maxLatency;
  }

  /**
   * Which requests the plan disturbs.
   *
   * @return the scope
   */
  public Scope scope() {
    return scope;
  }

  @Override
  public String toString() {
    return "FaultPlan[seed=" + seed + ", script=" + script + ", probabilities=" + probabilities + ", latency="
        + minLatency.toMillis() + ".." + maxLatency.toMillis() + "ms, scope=" + scope + "]";
  }

  /** Builds a {@link FaultPlan}; setters validate eagerly. */
  public static final class Builder {
    private long seed;
    private final Map<Fault, Double> probabilities = new EnumMap<>(Fault.class);
    private final List<Fault> script = new ArrayList<>();
    private Duration minLatency = Duration.ZERO;
    private Duration maxLatency = Duration.ZERO;
    private Scope scope = Scope.WRITES;

    private Builder() {}

    /**
     * The seed of the random draws.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The chance of a fault on each request in scope; all chances together at most 1.
     *
     * @param fault the fault
     * @param probability 0..1
     * @return this builder
     */
    public Builder probability(Fault fault, double probability) {
      Objects.requireNonNull(fault, "fault");
      if (!(probability >= 0 && probability <= 1)) {
        throw new ConfigurationException("fault probability must be 0..1: " + probability);
      }
      probabilities.put(fault, probability);
      double sum = probabilities.entrySet().stream().filter(e -> e.getKey() != Fault.NONE)
          .mapToDouble(Map.Entry::getValue).sum();
      if (sum > 1.0 + 1e-9) {
        throw new ConfigurationException("fault probabilities add up to more than 1: " + sum);
      }
      return this;
    }

    /**
     * Faults for the next requests in scope, one each, before any random draw.
     *
     * @param faults the faults in order
     * @return this builder
     */
    public Builder script(Fault... faults) {
      for (Fault fault : faults) {
        script.add(Objects.requireNonNull(fault, "fault"));
      }
      return this;
    }

    /**
     * Latency added to each request in scope, drawn uniformly between the bounds.
     *
     * @param min the least latency
     * @param max the most latency, not less than {@code min}
     * @return this builder
     */
    public Builder latency(Duration min, Duration max) {
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new ConfigurationException("latency bounds must satisfy 0 <= min <= max: " + min + ", " + max);
      }
      this.minLatency = min;
      this.maxLatency = max;
      return this;
    }

    /**
     * Which requests to disturb.
     *
     * @param scope writes only (default) or all
     * @return this builder
     */
    public Builder scope(Scope scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Builds the plan.
     *
     * @return the immutable plan
     */
    public FaultPlan build() {
      return new FaultPlan(this);
    }
  }
}
