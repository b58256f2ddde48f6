package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How many metered Salesforce API calls the connector may spend. Two independent stops, checked
 * before every call; either one makes reads and writes fail cleanly with
 * {@link io.github.tandemsync.core.BudgetExhaustedException} (the engine stops the run and resumes
 * from its watermarks later):
 *
 * <ul>
 *   <li>{@code reserve}: calls kept free for the org's other integrations and users. The connector
 *       stops when the org's rolling 24-hour usage (from the {@code Sforce-Limit-Info} header of the
 *       last response) reaches {@code limit - reserve};</li>
 *   <li>{@code dailyCalls}: the most calls this connector itself makes in any rolling 24 hours
 *       ({@code 0} = no own cap).</li>
 * </ul>
 *
 * <p>After stopping on the org's usage, the connector lets one call through every
 * {@code recheckAfter} to learn whether usage has fallen (Salesforce's allocation is a rolling
 * window). Health reports {@code DEGRADED} once usage passes {@code degradedAt} of what the budget
 * allows.
 *
 * @param reserve calls to leave unused in the org's daily allocation
 * @param dailyCalls the connector's own cap per rolling 24 hours; 0 for none
 * @param degradedAt fraction (0..1) of the allowed calls at which health turns DEGRADED
 * @param recheckAfter how long to wait before probing again after stopping on the org's usage
 */
public record ApiBudget(long reserve, long dailyCalls, double degradedAt, Duration recheckAfter) {

  /** Validates the budget; a {@link ConfigurationException} names the bad value. */
  public ApiBudget {
    if (reserve < 0) {
      throw new ConfigurationException("ApiBudget reserve must not be negative");
    }
    if (dailyCalls < 0) {
      throw new ConfigurationException("ApiBudget dailyCalls must not be negative (0 means no own cap)");
    }
    if (!(degradedAt > 0 && degradedAt <= 1)) {
      throw new ConfigurationException("ApiBudget degradedAt must be in (0, 1]");
    }
    Objects.requireNonNull(recheckAfter, "recheckAfter");
    if (recheckAfter.isNegative()) {
      throw new ConfigurationException("ApiBudget recheckAfter must not be negative");
    }
  }

  /** The default: keep 10 % of a Developer Edition allocation (1,500 calls) free, no own cap. */
  public static ApiBudget defaults() {
    return new ApiBudget(1_500, 0, 0.9, Duration.ofMinutes(15));
  }

  /** No reserve and no cap: only Salesforce's own limit applies. */
  public static ApiBudget unlimited() {
    return new ApiBudget(0, 0, 0.9, Duration.ofMinutes(15));
  }

  /** Keeps {@code reserve} calls free for others, with no own cap. */
  public static ApiBudget withReserve(long reserve) {
    return new ApiBudget(reserve, 0, 0.9, Duration.ofMinutes(15));
  }

  /** The same budget with an own cap of {@code calls} per rolling 24 hours. */
  public ApiBudget withDailyCalls(long calls) {
    return new ApiBudget(reserve, calls, degradedAt, recheckAfter);
  }

  /** The same budget with another reserve. */
  public ApiBudget withReserveOf(long calls) {
    return new ApiBudget(calls, dailyCalls, degradedAt, recheckAfter);
  }

  /** The same budget with another re-check interval. */
  public ApiBudget withRecheckAfter(Duration interval) {
    return new ApiBudget(reserve, dailyCalls, degradedAt, interval);
  }
}
