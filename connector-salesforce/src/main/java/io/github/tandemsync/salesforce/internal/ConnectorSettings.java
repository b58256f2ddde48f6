package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.salesforce.ApiBudget;
import io.github.tandemsync.salesforce.SalesforceAuth;
import io.github.tandemsync.salesforce.SalesforceNaming;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the public builder collected; validated there.
 *
 * @param name connector name
 * @param loginUrl OAuth login host
 * @param apiVersion e.g. {@code v66.0}
 * @param auth OAuth flow
 * @param budget API budget
 * @param naming API names
 * @param entities enabled entity type names
 * @param customizers customizers per entity type name
 * @param customizerFields explicit native fields per entity type name
 * @param includeSuppliers whether supplier accounts are synced
 * @param defaultCurrency currency assumed when a record has none
 * @param standardPriceBook price book whose prices feed the standard price book
 * @param activatedOrderStatus Order status value of the Activated category
 * @param bulkThreshold upserts per batch from which Bulk API 2.0 is used
 * @param bulkReadThreshold rows from which a full read uses a Bulk query job (0 = never)
 * @param queryBatchSize SOQL page size
 * @param safetyLag reads stop this far behind Salesforce's clock
 * @param overlap each new read re-reads this far behind the watermark
 * @param deletePollInterval least time between getDeleted calls
 * @param requestTimeout per-request timeout
 * @param connectTimeout connect timeout
 * @param maxAttempts attempts per request for transient faults
 * @param initialBackoff first back-off
 * @param maxBackoff largest back-off
 * @param bulkFirstPoll first Bulk poll delay
 * @param bulkMaxPoll largest Bulk poll delay
 * @param bulkTimeout how long to wait for a Bulk job
 * @param httpClient a caller-provided client, if any
 */
public record ConnectorSettings(
    String name,
    URI loginUrl,
    String apiVersion,
    SalesforceAuth auth,
    ApiBudget budget,
    SalesforceNaming naming,
    Set<String> entities,
    Map<String, List<MappingCustomizer<?>>> customizers,
    Map<String, List<String>> customizerFields,
    boolean includeSuppliers,
    String defaultCurrency,
    String standardPriceBook,
    String activatedOrderStatus,
    int bulkThreshold,
    long bulkReadThreshold,
    int queryBatchSize,
    Duration safetyLag,
    Duration overlap,
    Duration deletePollInterval,
    Duration requestTimeout,
    Duration connectTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration bulkFirstPoll,
    Duration bulkMaxPoll,
    Duration bulkTimeout,
    Optional<HttpClient> httpClient) {

  /** Every entity type the connector can map. */
  public static List<EntityType<?>> supportedTypes() {
    return io.github.tandemsync.core.model.EntityTypes.all();
  }

  @Override
  public String toString() {
    return "ConnectorSettings[name=" + name + ", loginUrl=" + loginUrl + ", apiVersion=" + apiVersion + ", auth=" + auth + "]";
  }
}
