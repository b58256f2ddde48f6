package io.github.tandemsync.salesforce;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The API consumption the connector has observed.
 *
 * @param orgUsed the org's calls in the rolling 24 hours, from the last {@code Sforce-Limit-Info}
 *     header (empty before the first response)
 * @param orgLimit the org's daily allocation from the same header
 * @param observedAt when that header was received
 * @param ownCallsLast24h calls this connector made in the rolling 24 hours
 * @param ownCallsTotal calls this connector made since it was built
 * @param callsByEntity calls since it was built, per entity type name ({@code "auth"} for token
 *     requests, {@code "connector"} for describe, health and other housekeeping)
 */
public record ApiUsage(
    OptionalLong orgUsed,
    OptionalLong orgLimit,
    Optional<Instant> observedAt,
    long ownCallsLast24h,
    long ownCallsTotal,
    Map<String, Long> callsByEntity) {

  /** Normalises absent values to empty ones and copies the map. */
  public ApiUsage {
    orgUsed = orgUsed == null ? OptionalLong.empty() : orgUsed;
    orgLimit = orgLimit == null ? OptionalLong.empty() : orgLimit;
    observedAt = observedAt == null ? Optional.empty() : observedAt;
    callsByEntity = callsByEntity == null ? Map.of() : Map.copyOf(callsByEntity);
  }
}
