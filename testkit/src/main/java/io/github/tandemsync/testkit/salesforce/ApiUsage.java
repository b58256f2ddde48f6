package io.github.tandemsync.testkit.salesforce;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A snapshot of the API calls the sandbox has counted.
 *
 * @param used calls counted in the rolling 24 hours (the {@code N} of {@code api-usage=N/LIMIT})
 * @param limit the daily allocation
 * @param total every counted call since start or the last {@link SalesforceSandbox#resetUsage()}
 * @param countedByKind counted calls per resource kind
 * @param calls every call received (counted or not), oldest first
 */
public record ApiUsage(long used, long limit, long total, Map<ResourceKind, Long> countedByKind, List<ApiCall> calls) {

  /** Copies the map and list so the snapshot is immutable. */
  public ApiUsage {
    countedByKind = Map.copyOf(countedByKind);
    calls = List.copyOf(calls);
  }

  /** Counted calls of one kind. */
  public long counted(ResourceKind kind) {
    return countedByKind.getOrDefault(kind, 0L);
  }

  /** The calls matching a condition, oldest first. */
  public List<ApiCall> calls(Predicate<ApiCall> condition) {
    return calls.stream().filter(condition).toList();
  }
}
