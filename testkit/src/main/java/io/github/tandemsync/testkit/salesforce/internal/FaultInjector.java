package io.github.tandemsync.testkit.salesforce.internal;

import io.github.tandemsync.testkit.salesforce.FaultPlan;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import java.time.Duration;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Draws the faults of the current {@link FaultPlan} from its seeded random source. */
public final class FaultInjector {
  private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);

  /** What happens to one call. */
  public enum Fault { NONE, SERVER_UNAVAILABLE, RESET_BEFORE, RESET_AFTER }

  private FaultPlan plan = FaultPlan.none();
  private SplittableRandom random = new SplittableRandom(0);

  /** Installs a plan and restarts its random sequence. */
  public synchronized void plan(FaultPlan next) {
    this.plan = next;
    this.random = new SplittableRandom(next.seed());
    LOG.info("Salesforce sandbox fault plan: {}", next);
  }

  /** The current plan. */
  public synchronized FaultPlan plan() {
    return plan;
  }

  private boolean applies(ResourceKind kind) {
    return kind == ResourceKind.AUTH ? plan.includeTokenEndpoint() : plan.kinds().contains(kind);
  }

  /** The call-level fault for one call. */
  public synchronized Fault decide(ResourceKind kind) {
    if (!applies(kind) || (plan.serverUnavailableRate() == 0 && plan.connectionResetRate() == 0)) {
      return Fault.NONE;
    }
    double draw = random.nextDouble();
    if (kind != ResourceKind.AUTH && draw < plan.serverUnavailableRate()) {
      return Fault.SERVER_UNAVAILABLE;
    }
    if (draw < plan.serverUnavailableRate() + plan.connectionResetRate()) {
      return switch (plan.resetTiming()) {
        case BEFORE_PROCESSING -> Fault.RESET_BEFORE;
        case AFTER_PROCESSING -> Fault.RESET_AFTER;
        case EITHER -> random.nextBoolean() ? Fault.RESET_BEFORE : Fault.RESET_AFTER;
      };
    }
    return Fault.NONE;
  }

  /** Whether one write (a single-record call, one record of a collection, one Bulk row) hits a row lock. */
  public synchronized boolean lockRow(ResourceKind kind) {
    if (plan.lockRowRate() == 0 || !applies(kind)) {
      return false;
    }
    return random.nextDouble() < plan.lockRowRate();
  }

  /** The latency to add to a call of this kind. */
  public synchronized Duration latency(ResourceKind kind) {
    return applies(kind) ? plan.latency() : Duration.ZERO;
  }

  /** Sleeps for the plan's latency. */
  public void sleep(ResourceKind kind) {
    Duration delay = latency(kind);
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
