package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.core.BudgetExhaustedException;
import io.github.tandemsync.salesforce.ApiBudget;
import io.github.tandemsync.salesforce.ApiUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Counts metered calls and enforces the {@link ApiBudget}: the org's usage from
 * {@code Sforce-Limit-Info} against the reserve, and the connector's own calls in a rolling
 * 24 hours (kept in one bucket per minute, so memory stays bounded) against its cap.
 */
public final class ApiMeter {
  private static final Pattern API_USAGE = Pattern.compile("(?:^|[\\s,;])api-usage=(\\d+)/(\\d+)");
  private static final Duration WINDOW = Duration.ofHours(24);

  private final ApiBudget budget;
  private final Clock clock;
  private final Object lock = new Object();
  private final TreeMap<Long, long[]> ownCallsPerMinute = new TreeMap<>();
  private final AtomicLong total = new AtomicLong();
  private final Map<String, LongAdder> byEntity = new ConcurrentHashMap<>();

  private long orgUsed = -1;
  private long orgLimit = -1;
  private @Nullable Instant observedAt;
  private @Nullable Instant stoppedAt;
  private boolean probeInFlight;

  public ApiMeter(ApiBudget budget, Clock clock) {
    this.budget = budget;
    this.clock = clock;
  }

  /**
   * Parses {@code api-usage=used/max} out of a {@code Sforce-Limit-Info} value, ignoring other
   * segments such as {@code per-app-api-usage=...}.
   */
  static Optional<long[]> parseLimitInfo(@Nullable String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = API_USAGE.matcher(header.trim());
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Called before every metered call. Throws when the budget forbids it; otherwise the call may
   * proceed (and must be {@link #recordCall recorded}).
   */
  void beforeCall(String what) {
    Instant now = clock.instant();
    synchronized (lock) {
      if (budget.dailyCalls() > 0) {
        long own = ownCallsSince(now.minus(WINDOW));
        if (own >= budget.dailyCalls()) {
          Instant oldest = Instant.ofEpochSecond(ownCallsPerMinute.firstKey() * 60).plus(WINDOW).plusSeconds(60);
          throw new BudgetExhaustedException("Salesforce API budget exhausted before " + what + ": this connector made "
              + own + " calls in the last 24 hours, its cap is " + budget.dailyCalls(), oldest);
        }
      }
      if (orgLimit > 0 && orgUsed >= orgLimit - budget.reserve()) {
        Instant since = stoppedAt == null ? now : stoppedAt;
        Instant probeAt = since.plus(budget.recheckAfter());
        if (now.isBefore(probeAt) || probeInFlight) {
          if (stoppedAt == null) {
            stoppedAt = now;
          }
          throw new BudgetExhaustedException("Salesforce API budget exhausted before " + what + ": the org has used "
              + orgUsed + " of " + orgLimit + " daily calls and " + budget.reserve() + " are reserved for others",
              probeAt);
        }
        // The allocation is a rolling window: let one call through to learn the current usage.
        probeInFlight = true;
      }
    }
  }

  /** Records one metered call made for {@code entity}. */
  void recordCall(String entity) {
    long minute = Math.floorDiv(clock.instant().getEpochSecond(), 60);
    synchronized (lock) {
      ownCallsPerMinute.computeIfAbsent(minute, k -> new long[1])[0]++;
      long horizon = minute - WINDOW.toMinutes() - 1;
      while (!ownCallsPerMinute.isEmpty() && ownCallsPerMinute.firstKey() < horizon) {
        ownCallsPerMinute.pollFirstEntry();
      }
    }
    total.incrementAndGet();
    byEntity.computeIfAbsent(entity, k -> new LongAdder()).increment();
  }

  /** Records a non-metered call (OAuth token requests) for the per-entity statistics only. */
  void recordUnmetered(String entity) {
    byEntity.computeIfAbsent(entity, k -> new LongAdder()).increment();
  }

  /** Takes the org's usage from a response header. */
  void observe(@Nullable String limitInfoHeader) {
    Optional<long[]> usage = parseLimitInfo(limitInfoHeader);
    synchronized (lock) {
      probeInFlight = false;
      if (usage.isEmpty()) {
        return;
      }
      orgUsed = usage.get()[0];
      orgLimit = usage.get()[1];
      observedAt = clock.instant();
      // Over the line: wait a full re-check interval from this observation before probing again.
      stoppedAt = orgLimit > 0 && orgUsed < orgLimit - budget.reserve() ? null : observedAt;
    }
  }

  /** Salesforce refused a call with {@code REQUEST_LIMIT_EXCEEDED}: the daily allocation is gone. */
  BudgetExhaustedException limitExceeded(String what, String message) {
    Instant now = clock.instant();
    synchronized (lock) {
      probeInFlight = false;
      if (message.contains("Concurrent")) {
        // Too many concurrent long-running requests, not the daily allocation: a short pause will do.
        return new BudgetExhaustedException("Salesforce refused " + what + " with REQUEST_LIMIT_EXCEEDED (" + message
            + "): too many concurrent long-running requests", now.plus(Duration.ofMinutes(1)));
      }
      if (orgLimit > 0) {
        orgUsed = Math.max(orgUsed, orgLimit);
      } else {
        orgUsed = 1;
        orgLimit = 1;
      }
      stoppedAt = now;
      return new BudgetExhaustedException("Salesforce refused " + what + " with REQUEST_LIMIT_EXCEEDED (" + message
          + "): the org's daily API allocation is used up", now.plus(budget.recheckAfter()));
    }
  }

  /** A call failed without a response: release the probe slot. */
  void callFailed() {
    synchronized (lock) {
      probeInFlight = false;
    }
  }

  /** Whether usage has passed the budget's {@code degradedAt} fraction. */
  boolean nearLimit() {
    ApiUsage u = usage();
    if (u.orgLimit().isPresent() && u.orgUsed().isPresent()) {
      double allowed = Math.max(1, u.orgLimit().getAsLong() - budget.reserve());
      if (u.orgUsed().getAsLong() >= allowed * budget.degradedAt()) {
        return true;
      }
    }
    return budget.dailyCalls() > 0 && u.ownCallsLast24h() >= budget.dailyCalls() * budget.degradedAt();
  }

  ApiBudget budget() {
    return budget;
  }

  public ApiUsage usage() {
    Instant now = clock.instant();
    Map<String, Long> counts = new TreeMap<>();
    byEntity.forEach((k, v) -> counts.put(k, v.sum()));
    synchronized (lock) {
      return new ApiUsage(
          orgUsed < 0 ? OptionalLong.empty() : OptionalLong.of(orgUsed),
          orgLimit < 0 ? OptionalLong.empty() : OptionalLong.of(orgLimit),
          Optional.ofNullable(observedAt),
          ownCallsSince(now.minus(WINDOW)),
          total.get(),
          counts);
    }
  }

  private long ownCallsSince(Instant from) {
    long firstMinute = Math.floorDiv(from.getEpochSecond(), 60);
    long sum = 0;
    for (long[] c : ownCallsPerMinute.tailMap(firstMinute, true).values()) {
      sum += c[0];
    }
    return sum;
  }
}
