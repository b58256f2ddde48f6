package io.github.tandemsync.testkit.salesforce.internal;

import io.github.tandemsync.testkit.salesforce.ApiCall;
import io.github.tandemsync.testkit.salesforce.ApiUsage;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * Counts metered calls in a rolling 24-hour window by the sandbox clock (reference §13.1) and keeps
 * a log of every call for assertions.
 */
public final class ApiUsageTracker {
  private static final long WINDOW_SECONDS = Duration.ofHours(24).toSeconds();
  /** The log keeps the most recent calls only, so a long-running demo stays bounded. */
  private static final int MAX_LOGGED_CALLS = 200_000;

  private final Clock clock;
  private final long limit;
  /** (epoch second, calls counted in that second), oldest first. */
  private final ArrayDeque<long[]> window = new ArrayDeque<>();
  private long windowCount;
  private long total;
  private final EnumMap<ResourceKind, Long> byKind = new EnumMap<>(ResourceKind.class);
  private final ArrayDeque<ApiCall> calls = new ArrayDeque<>();

  public ApiUsageTracker(Clock clock, long limit) {
    this.clock = clock;
    this.limit = limit;
  }

  /** The daily allocation. */
  public long limit() {
    return limit;
  }

  /**
   * Counts one call unless the allocation is used up.
   *
   * @return false when the limit was already reached (the call must get REQUEST_LIMIT_EXCEEDED)
   */
  public synchronized boolean tryCount(ResourceKind kind) {
    long now = clock.instant().getEpochSecond();
    prune(now);
    if (windowCount >= limit) {
      return false;
    }
    long[] last = window.peekLast();
    if (last != null && last[0] >= now) {
      last[1]++; // the same second, or a clock that stepped back: counted with the latest second, order kept
    } else {
      window.addLast(new long[] {now, 1});
    }
    windowCount++;
    total++;
    byKind.merge(kind, 1L, Long::sum);
    return true;
  }

  /** Calls counted in the rolling 24 hours. */
  public synchronized long used() {
    prune(clock.instant().getEpochSecond());
    return windowCount;
  }

  private void prune(long now) {
    while (!window.isEmpty() && window.peekFirst()[0] <= now - WINDOW_SECONDS) {
      windowCount -= window.removeFirst()[1];
    }
  }

  /** The {@code Sforce-Limit-Info} header value. */
  public String header() {
    return "api-usage=" + used() + "/" + limit;
  }

  /** Logs a call. */
  public synchronized void log(ApiCall call) {
    calls.addLast(call);
    if (calls.size() > MAX_LOGGED_CALLS) {
      calls.removeFirst();
    }
  }

  /** A snapshot for assertions. */
  public synchronized ApiUsage snapshot() {
    return new ApiUsage(used(), limit, total, new EnumMap<>(byKind), new ArrayList<>(calls));
  }

  /** Forgets every count and the call log (a new day with an empty log). */
  public synchronized void reset() {
    window.clear();
    windowCount = 0;
    total = 0;
    byKind.clear();
    calls.clear();
  }

  /** The rolling window, for a checkpoint: calls per second, oldest first. */
  synchronized List<SavedOrg.UsageSecond> saveWindow() {
    prune(clock.instant().getEpochSecond());
    List<SavedOrg.UsageSecond> seconds = new ArrayList<>(window.size());
    window.forEach(second -> seconds.add(new SavedOrg.UsageSecond(second[0], second[1])));
    return seconds;
  }

  /**
   * Replaces the rolling window with a saved one; the per-kind counts, the total and the call log
   * describe this run and start empty.
   */
  synchronized void restoreWindow(List<SavedOrg.UsageSecond> seconds) {
    window.clear();
    windowCount = 0;
    for (SavedOrg.UsageSecond second : seconds) {
      if (second.calls() <= 0) {
        throw new IllegalArgumentException("API usage window entries must have positive counts, got " + second);
      }
      long[] last = window.peekLast();
      if (last != null && second.epochSecond() <= last[0]) {
        last[1] += second.calls(); // written while the clock stepped back: counted with the latest second
      } else {
        window.addLast(new long[] {second.epochSecond(), second.calls()});
      }
      windowCount += second.calls();
    }
    prune(clock.instant().getEpochSecond());
  }

  /** Counted calls of the log so far (for tests of the tracker itself). */
  synchronized List<ApiCall> calls() {
    return List.copyOf(calls);
  }
}
