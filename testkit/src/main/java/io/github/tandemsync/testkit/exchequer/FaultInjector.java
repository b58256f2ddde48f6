package io.github.tandemsync.testkit.exchequer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The running state of the bridge's fault plans: script positions and seeded generators. */
final class FaultInjector {
  /** What to do to one request. */
  record Decision(FaultPlan.Fault fault, Duration latency) {}

  private static final Decision CLEAN = new Decision(FaultPlan.Fault.NONE, Duration.ZERO);

  private static final class State {
    final FaultPlan plan;
    final Random random;
    int scriptPosition;

    State(FaultPlan plan) {
      this.plan = plan;
      this.random = new Random(plan.seed());
    }
  }

  private final List<State> states = new ArrayList<>();

  synchronized void replace(List<FaultPlan> plans) {
    states.clear();
    for (FaultPlan plan : plans) {
      states.add(new State(plan));
    }
  }

  /** Draws the fault and latency for the next request; the first plan with a fault wins. */
  synchronized Decision next(boolean write) {
    FaultPlan.Fault chosen = FaultPlan.Fault.NONE;
    long latencyNanos = 0;
    for (State state : states) {
      if (!write && state.plan.scope() == FaultPlan.Scope.WRITES) {
        continue;
      }
      FaultPlan.Fault fault;
      if (state.scriptPosition < state.plan.script().size()) {
        fault = state.plan.script().get(state.scriptPosition++);
      } else {
        fault = draw(state);
      }
      long min = state.plan.minLatency().toNanos();
      long max = state.plan.maxLatency().toNanos();
      if (max > 0) {
        latencyNanos += min + (max > min ? (long) (state.random.nextDouble() * (max - min)) : 0);
      }
      if (chosen == FaultPlan.Fault.NONE) {
        chosen = fault;
      }
    }
    if (chosen == FaultPlan.Fault.NONE && latencyNanos == 0) {
      return CLEAN;
    }
    return new Decision(chosen, Duration.ofNanos(latencyNanos));
  }

  private static FaultPlan.Fault draw(State state) {
    if (state.plan.probabilities().isEmpty()) {
      return FaultPlan.Fault.NONE;
    }
    double roll = state.random.nextDouble();
    double cumulative = 0;
    for (FaultPlan.Fault fault : FaultPlan.Fault.values()) {
      Double probability = state.plan.probabilities().get(fault);
      if (probability == null || fault == FaultPlan.Fault.NONE) {
        continue;
      }
      cumulative += probability;
      if (roll < cumulative) {
        return fault;
      }
    }
    return FaultPlan.Fault.NONE;
  }

  /** Result code and message of the faults that answer instead of the Toolkit. */
  static final Map<FaultPlan.Fault, ToolkitResult> ANSWERS = Map.of(
      FaultPlan.Fault.RECORD_LOCKED, ToolkitResult.error(84, "Record locked by another user"),
      FaultPlan.Fault.FILE_LOCKED, ToolkitResult.error(85, "File locked by another user"),
      FaultPlan.Fault.TOOLKIT_BUSY, ToolkitResult.error(32762, "This toolkit instance is already in use"),
      FaultPlan.Fault.COUNTER_ERROR, ToolkitResult.error(31001, "Btrieve error obtaining the next transaction number"));
}
