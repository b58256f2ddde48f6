package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.core.BudgetExhaustedException;
import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.TandemException;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.salesforce.ApiUsage;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The started connector: client stack, validated mappings, one reader and writer per entity type. */
public final class SalesforceRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceRuntime.class);

  private final ConnectorSettings settings;
  private final ApiMeter meter;
  private final RestApi rest;
  private final TokenService tokens;
  private final Map<String, SalesforceReader<?>> readers = new LinkedHashMap<>();
  private final Map<String, SalesforceWriter<?>> writers = new LinkedHashMap<>();

  private SalesforceRuntime(ConnectorSettings settings, ApiMeter meter, RestApi rest, TokenService tokens) {
    this.settings = settings;
    this.meter = meter;
    this.rest = rest;
    this.tokens = tokens;
  }

  /** What the enabled mappings can do. */
  public static java.util.Set<io.github.tandemsync.core.spi.Capability> capabilities(ConnectorSettings settings) {
    java.util.Set<io.github.tandemsync.core.spi.Capability> caps = new java.util.LinkedHashSet<>();
    Map<String, EntityMapping<?>> mappings = DefaultMappings.all();
    for (EntityType<?> type : ConnectorSettings.supportedTypes()) {
      EntityMapping<?> m = mappings.get(type.name());
      if (m != null && settings.entities().contains(type.name())) {
        if (m.readable) {
          caps.add(io.github.tandemsync.core.spi.Capability.read(type));
        }
        if (m.writeMode != EntityMapping.WriteMode.NONE) {
          caps.add(io.github.tandemsync.core.spi.Capability.write(type));
        }
      }
    }
    return java.util.Set.copyOf(caps);
  }

  /** A meter for usage figures before start. */
  public static ApiMeter meter(ConnectorSettings settings, Clock clock) {
    return new ApiMeter(settings.budget(), clock);
  }

  /** Authenticates, describes and validates every enabled mapping, and builds readers and writers. */
  public static SalesforceRuntime start(ConnectorSettings settings, ConnectorContext context, ApiMeter meter) {
    Clock clock = context.clock();
    HttpClient http = settings.httpClient().orElseGet(() -> HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build());
    TokenService tokens = new TokenService(settings.auth(), settings.loginUrl(), http, settings.requestTimeout(), meter, clock,
        settings.initialBackoff());
    Transport transport = new Transport(http, tokens, meter, settings.apiVersion(), context.originTag(), settings.requestTimeout(),
        settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff(), clock);
    RestApi rest = new RestApi(transport);
    BulkApi bulk = new BulkApi(rest, settings.bulkFirstPoll(), settings.bulkMaxPoll(), settings.bulkTimeout(), clock);
    SalesforceRuntime runtime = new SalesforceRuntime(settings, meter, rest, tokens);
    transport.authenticate();
    OrgCache orgCache = new OrgCache(rest, settings.naming());
    DescribeValidator validator = new DescribeValidator(rest);
    Map<String, EntityMapping<?>> mappings = DefaultMappings.all();
    MappingContext ctx = context(settings, validator, mappings);
    for (String entity : settings.entities()) {
      EntityMapping<?> mapping = mappings.get(entity);
      runtime.add(mapping, ctx, rest, bulk, orgCache, validator);
    }
    validator.finish();
    LOG.info("Salesforce connector {} started against {} ({} entity types, API {})", settings.name(),
        transport.instanceUrl().getHost(), settings.entities().size(), settings.apiVersion());
    return runtime;
  }

  /**
   * The mapping context, with the org's currencies when it is a multi-currency org (describe shows
   * {@code CurrencyIsoCode}); the objects described here are the ones validation describes anyway.
   */
  private static MappingContext context(ConnectorSettings settings, DescribeValidator validator, Map<String, EntityMapping<?>> mappings) {
    List<String> objects = new ArrayList<>();
    for (String entity : settings.entities()) {
      EntityMapping<?> m = mappings.get(entity);
      objects.add(settings.naming().object(m.object));
      m.lines.ifPresent(l -> objects.add(settings.naming().object(l.object())));
    }
    List<String> distinct = objects.stream().distinct().toList();
    Optional<MappingContext.OrgCurrencies> currencies = validator.currencies(distinct);
    if (currencies.isEmpty()) {
      LOG.info("Salesforce org is single-currency: amounts are taken as {} (defaultCurrency); prices and orders in other currencies are "
          + "refused", settings.defaultCurrency());
      return new MappingContext(settings.naming(), settings.defaultCurrency(), settings.standardPriceBook());
    }
    String byDefault = validator.defaultCurrency(distinct).orElse(settings.defaultCurrency());
    LOG.info("Salesforce org is multi-currency: active currencies {}, default {}; records carry their currency in CurrencyIsoCode",
        new java.util.TreeSet<>(currencies.get().active()), byDefault);
    return new MappingContext(settings.naming(), byDefault, settings.standardPriceBook(), currencies);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T> void add(EntityMapping<T> mapping, MappingContext ctx, RestApi rest, BulkApi bulk, OrgCache orgCache,
      DescribeValidator validator) {
    List<MappingCustomizer<T>> customizers = new ArrayList<>();
    for (MappingCustomizer<?> c : settings.customizers().getOrDefault(mapping.type.name(), List.of())) {
      customizers.add((MappingCustomizer<T>) c);
    }
    List<String> extra = RecordMapper.customizerNativeFields(customizers, settings.customizerFields().getOrDefault(mapping.type.name(), List.of()));
    RecordMapper<T> mapper = new RecordMapper<>(mapping, ctx, customizers, extra);
    validator.validate(mapper);
    if (mapping.readable) {
      readers.put(mapping.type.name(), new SalesforceReader<>(mapper, rest, bulk, new SalesforceReader.ReaderSettings(
          settings.queryBatchSize(), settings.safetyLag(), settings.overlap(), settings.deletePollInterval(), settings.bulkReadThreshold(),
          settings.includeSuppliers())));
    }
    if (mapping.writeMode != EntityMapping.WriteMode.NONE) {
      int maxBatch = Math.max(10_000, settings.bulkThreshold());
      writers.put(mapping.type.name(), new SalesforceWriter<>(mapper, rest, bulk, new SalesforceWriter.WriterSettings(settings.bulkThreshold(),
          maxBatch, settings.includeSuppliers(), settings.activatedOrderStatus()), orgCache));
    }
  }

  @SuppressWarnings("unchecked")
  public <T> Optional<ChangeReader<T>> reader(EntityType<T> type) {
    return Optional.ofNullable((ChangeReader<T>) readers.get(type.name()));
  }

  @SuppressWarnings("unchecked")
  public <T> Optional<RecordWriter<T>> writer(EntityType<T> type) {
    return Optional.ofNullable((RecordWriter<T>) writers.get(type.name()));
  }

  public ApiUsage usage() {
    return meter.usage();
  }

  /** One {@code GET /limits/} call; DEGRADED near the budget, DOWN when Salesforce cannot be reached. */
  public Health health() {
    try {
      ApiResponse r = rest.limits();
      String detail;
      if (r.isSuccess()) {
        JsonNode daily = r.json().path("DailyApiRequests");
        detail = "DailyApiRequests " + (daily.path("Max").asLong() - daily.path("Remaining").asLong()) + "/" + daily.path("Max").asLong();
      } else {
        detail = "limits answered HTTP " + r.status();
      }
      ApiUsage u = meter.usage();
      String usage = detail + "; api-usage " + (u.orgUsed().isPresent() ? u.orgUsed().getAsLong() + "/" + u.orgLimit().getAsLong() : "unknown")
          + "; reserve " + settings.budget().reserve() + "; own calls in 24 h " + u.ownCallsLast24h();
      return meter.nearLimit() ? Health.degraded("Salesforce reachable, API usage near the budget: " + usage)
          : Health.up("Salesforce reachable: " + usage);
    } catch (BudgetExhaustedException e) {
      return Health.degraded("Salesforce API budget exhausted: " + e.getMessage());
    } catch (TandemException e) {
      return Health.down("Salesforce not reachable: " + e.getMessage());
    }
  }

  public void close() {
    tokens.clear();
  }
}
