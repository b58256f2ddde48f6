package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.salesforce.internal.ApiMeter;
import io.github.tandemsync.salesforce.internal.ConnectorSettings;
import io.github.tandemsync.salesforce.internal.SalesforceRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Salesforce connector: reads and writes every canonical entity type through the REST,
 * Composite and Bulk 2.0 APIs, frugally (200 records per collection call, one graph call per up to
 * 75 documents, Bulk above a threshold, keyset change reads), within an {@link ApiBudget}.
 *
 * <pre>{@code
 * SalesforceConnector salesforce = SalesforceConnector.builder()
 *     .loginUrl(URI.create("https://acme.my.salesforce.com"))
 *     .auth(SalesforceAuth.jwtBearer(clientId, "integration@acme.com", SalesforceAuth.privateKeyFromPem(pem)))
 *     .budget(ApiBudget.withReserve(5_000))
 *     .customize(EntityTypes.ACCOUNT, regionCustomizer)
 *     .build();
 * }</pre>
 *
 * <p>{@link #start} authenticates and describes every object the enabled mappings use; a missing
 * or hidden field fails it with a {@link ConfigurationException} naming object and field. The
 * connector is thread-safe.
 */
public final class SalesforceConnector implements Connector {
  /** Production login host. */
  public static final URI PRODUCTION_LOGIN_URL = URI.create("https://login.salesforce.com");
  /** Sandbox login host. */
  public static final URI SANDBOX_LOGIN_URL = URI.create("https://test.salesforce.com");
  /** The REST API version used unless configured (Spring '26). */
  public static final String DEFAULT_API_VERSION = "v66.0";

  private static final Pattern VERSION = Pattern.compile("v\\d{2,3}\\.0");

  private final ConnectorSettings settings;
  private final Set<Capability> capabilities;
  private volatile @Nullable SalesforceRuntime runtime;
  private volatile ApiMeter preStartMeter;

  private SalesforceConnector(ConnectorSettings settings) {
    this.settings = settings;
    this.capabilities = SalesforceRuntime.capabilities(settings);
    this.preStartMeter = SalesforceRuntime.meter(settings, Clock.systemUTC());
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public synchronized void start(ConnectorContext context) {
    if (runtime != null) {
      return;
    }
    ApiMeter meter = SalesforceRuntime.meter(settings, context.clock());
    preStartMeter = meter;
    runtime = SalesforceRuntime.start(settings, context, meter);
  }

  @Override
  public Health health() {
    SalesforceRuntime rt = runtime;
    return rt == null ? Health.down("Salesforce connector " + name() + " is not started") : rt.health();
  }

  @Override
  public <T> Optional<ChangeReader<T>> reader(EntityType<T> type) {
    return started().reader(type);
  }

  @Override
  public <T> Optional<RecordWriter<T>> writer(EntityType<T> type) {
    return started().writer(type);
  }

  /** The API usage observed so far: the org's usage from {@code Sforce-Limit-Info} and this connector's own calls. */
  public ApiUsage apiUsage() {
    SalesforceRuntime rt = runtime;
    return rt == null ? preStartMeter.usage() : rt.usage();
  }

  @Override
  public synchronized void close() {
    SalesforceRuntime rt = runtime;
    if (rt != null) {
      rt.close();
    }
    runtime = null;
  }

  private SalesforceRuntime started() {
    SalesforceRuntime rt = runtime;
    if (rt == null) {
      throw new IllegalStateException("Salesforce connector " + name() + " is not started: call start(context) first");
    }
    return rt;
  }

  @Override
  public String toString() {
    return "SalesforceConnector[" + settings + "]";
  }

  /**
   * Builds a {@link SalesforceConnector}. Only {@link #auth} is required; everything else has a
   * documented default (see {@code docs/salesforce.md}).
   */
  public static final class Builder {
    private String name = "salesforce";
    private URI loginUrl = PRODUCTION_LOGIN_URL;
    private String apiVersion = DEFAULT_API_VERSION;
    private @Nullable SalesforceAuth auth;
    private ApiBudget budget = ApiBudget.defaults();
    private SalesforceNaming naming = SalesforceNaming.defaults();
    private final Set<String> entities = new LinkedHashSet<>();
    private final Map<String, List<MappingCustomizer<?>>> customizers = new LinkedHashMap<>();
    private final Map<String, List<String>> customizerFields = new LinkedHashMap<>();
    private boolean includeSuppliers;
    private String defaultCurrency = "GBP";
    private String standardPriceBook = "A";
    private String activatedOrderStatus = "Activated";
    private int bulkThreshold = 2_000;
    private long bulkReadThreshold = 10_000;
    private int queryBatchSize = 2_000;
    private Duration safetyLag = Duration.ofSeconds(30);
    private Duration overlap = Duration.ofMinutes(2);
    private Duration deletePollInterval = Duration.ofMinutes(5);
    private Duration requestTimeout = Duration.ofMinutes(2);
    private Duration connectTimeout = Duration.ofSeconds(20);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration bulkFirstPoll = Duration.ofSeconds(2);
    private Duration bulkMaxPoll = Duration.ofSeconds(30);
    private Duration bulkTimeout = Duration.ofMinutes(30);
    private @Nullable HttpClient httpClient;

    private Builder() {}

    /** This connector's name within the engine (default {@code salesforce}). */
    public Builder name(String value) {
      this.name = requireText(value, "name");
      return this;
    }

    /**
     * The OAuth login URL: {@link #PRODUCTION_LOGIN_URL} (default), {@link #SANDBOX_LOGIN_URL}, or
     * the org's My Domain (required for client credentials). HTTPS only, except loopback hosts.
     */
    public Builder loginUrl(URI value) {
      this.loginUrl = value;
      return this;
    }

    /** The REST API version, e.g. {@code v66.0} (default {@value #DEFAULT_API_VERSION}). */
    public Builder apiVersion(String value) {
      if (value == null || !VERSION.matcher(value).matches()) {
        throw new ConfigurationException("salesforce.apiVersion must look like v66.0, was '" + value + "'");
      }
      this.apiVersion = value;
      return this;
    }

    /** The OAuth flow (required). */
    public Builder auth(SalesforceAuth value) {
      this.auth = value;
      return this;
    }

    /** The API budget (default {@link ApiBudget#defaults()}). */
    public Builder budget(ApiBudget value) {
      this.budget = value;
      return this;
    }

    /** Org-specific object and field names (default: the documented names). */
    public Builder naming(SalesforceNaming value) {
      this.naming = value;
      return this;
    }

    /** Enables only these entity types (default: every canonical type). */
    public Builder entities(EntityType<?>... types) {
      entities.clear();
      Arrays.stream(types).forEach(t -> entities.add(t.name()));
      return this;
    }

    /**
     * Registers a mapping customizer for {@code type}; customizers run in registration order.
     * {@code nativeFields} names the Salesforce fields it reads beyond the defaults (fields in its
     * {@link MappingCustomizer#fields()} of the form {@code extensions.Some_Field__c} are added
     * automatically); they are selected on read and checked by describe at start.
     */
    public <T> Builder customize(EntityType<T> type, MappingCustomizer<T> customizer, String... nativeFields) {
      customizers.computeIfAbsent(type.name(), k -> new ArrayList<>()).add(customizer);
      customizerFields.computeIfAbsent(type.name(), k -> new ArrayList<>()).addAll(List.of(nativeFields));
      return this;
    }

    /** Whether supplier accounts ({@code S-} keys) are synced (default false). */
    public Builder includeSuppliers(boolean value) {
      this.includeSuppliers = value;
      return this;
    }

    /**
     * The currency of a single-currency org (default {@code GBP}): its amounts carry none, and prices
     * and orders in another currency are refused ({@code UNSUPPORTED_CURRENCY}). A multi-currency org
     * is recognised at {@link SalesforceConnector#start start} by its {@code CurrencyIsoCode} fields;
     * records then carry their own currency and this setting only applies where describe shows no
     * default.
     */
    public Builder defaultCurrency(String value) {
      if (value == null || !value.matches("[A-Z]{3}")) {
        throw new ConfigurationException("salesforce.defaultCurrency must be an ISO 4217 code like GBP, was '" + value + "'");
      }
      this.defaultCurrency = value;
      return this;
    }

    /** The ERP price book (band) whose prices become Salesforce standard prices (default {@code A}). */
    public Builder standardPriceBook(String value) {
      this.standardPriceBook = requireText(value, "standardPriceBook");
      return this;
    }

    /** The Order status value of the Activated category (default {@code Activated}). */
    public Builder activatedOrderStatus(String value) {
      this.activatedOrderStatus = requireText(value, "activatedOrderStatus");
      return this;
    }

    /** Batches of at least this many upserts use Bulk API 2.0 (default 2,000). */
    public Builder bulkThreshold(int value) {
      if (value < 1) {
        throw new ConfigurationException("salesforce.bulkThreshold must be positive");
      }
      this.bulkThreshold = value;
      return this;
    }

    /**
     * Full reads (from the initial watermark) of at least this many rows use one Bulk API 2.0
     * query job instead of SOQL pages (default 10,000; 0 = never). Costs one {@code COUNT()} call
     * per full read to decide. Documents with lines always use SOQL (Bulk has no child subqueries).
     */
    public Builder bulkReadThreshold(long value) {
      if (value < 0) {
        throw new ConfigurationException("salesforce.bulkReadThreshold must not be negative");
      }
      this.bulkReadThreshold = value;
      return this;
    }

    /** SOQL page size, 200 to 2,000 (default 2,000). */
    public Builder queryBatchSize(int value) {
      if (value < 200 || value > 2_000) {
        throw new ConfigurationException("salesforce.queryBatchSize must be between 200 and 2000");
      }
      this.queryBatchSize = value;
      return this;
    }

    /** How far behind Salesforce's clock change reads stop (default 30 s). */
    public Builder changeSafetyLag(Duration value) {
      this.safetyLag = nonNegative(value, "changeSafetyLag");
      return this;
    }

    /** How far behind the watermark each new read re-reads (default 2 min; the engine drops repeats). */
    public Builder changeOverlap(Duration value) {
      this.overlap = nonNegative(value, "changeOverlap");
      return this;
    }

    /** Least time between two getDeleted calls per object, above one minute (default 5 min). */
    public Builder deletePollInterval(Duration value) {
      if (value.compareTo(Duration.ofMinutes(1)) <= 0) {
        throw new ConfigurationException("salesforce.deletePollInterval must exceed one minute (getDeleted needs a window over a minute)");
      }
      this.deletePollInterval = value;
      return this;
    }

    /** Per-request timeout (default 2 min). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive(value, "requestTimeout");
      return this;
    }

    /** Connect timeout (default 20 s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /**
     * Retry of transient faults: attempts per request and exponential back-off bounds with jitter
     * (defaults 5, 500 ms, 30 s).
     */
    public Builder retry(int attempts, Duration initial, Duration max) {
      if (attempts < 1) {
        throw new ConfigurationException("salesforce.retry attempts must be at least 1");
      }
      this.maxAttempts = attempts;
      this.initialBackoff = positive(initial, "retry initial back-off");
      this.maxBackoff = positive(max, "retry max back-off");
      return this;
    }

    /** Bulk job polling: first delay, growing to {@code max}, giving up after {@code timeout} (defaults 2 s, 30 s, 30 min). */
    public Builder bulkPolling(Duration first, Duration max, Duration timeout) {
      this.bulkFirstPoll = nonNegative(first, "bulk first poll");
      this.bulkMaxPoll = positive(max, "bulk max poll");
      this.bulkTimeout = positive(timeout, "bulk timeout");
      return this;
    }

    /** A caller-configured HTTP client (proxy, TLS); by default the connector builds its own. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /** Builds the connector; a {@link ConfigurationException} names a missing or bad setting. */
    public SalesforceConnector build() {
      if (auth == null) {
        throw new ConfigurationException("salesforce.auth is required: choose SalesforceAuth.jwtBearer, clientCredentials or refreshToken");
      }
      if (loginUrl == null) {
        throw new ConfigurationException("salesforce.loginUrl is required");
      }
      String scheme = loginUrl.getScheme() == null ? "" : loginUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
      String host = loginUrl.getHost() == null ? "" : loginUrl.getHost().toLowerCase(java.util.Locale.ROOT);
      boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
      if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
        throw new ConfigurationException("salesforce.loginUrl must use https (http only for 127.0.0.1, localhost or ::1), was '" + loginUrl + "'");
      }
      if (auth instanceof SalesforceAuth.ClientCredentials && (host.equals("login.salesforce.com") || host.equals("test.salesforce.com"))) {
        throw new ConfigurationException("salesforce.loginUrl: the client-credentials flow needs the org's My Domain URL, not " + host);
      }
      Set<String> enabled = new LinkedHashSet<>();
      for (EntityType<?> t : ConnectorSettings.supportedTypes()) {
        if (entities.isEmpty() || entities.contains(t.name())) {
          enabled.add(t.name());
        }
      }
      for (String requested : entities) {
        if (!enabled.contains(requested)) {
          throw new ConfigurationException("salesforce.entities: the Salesforce connector has no mapping for entity type '" + requested + "'");
        }
      }
      for (String customized : customizers.keySet()) {
        if (!enabled.contains(customized)) {
          throw new ConfigurationException("a customizer is registered for entity type '" + customized + "', which is not enabled");
        }
      }
      Map<String, List<MappingCustomizer<?>>> cz = new LinkedHashMap<>();
      customizers.forEach((k, v) -> cz.put(k, List.copyOf(v)));
      Map<String, List<String>> cf = new LinkedHashMap<>();
      customizerFields.forEach((k, v) -> cf.put(k, List.copyOf(v)));
      return new SalesforceConnector(new ConnectorSettings(name, loginUrl, apiVersion, auth, budget, naming, Set.copyOf(enabled), cz, cf,
          includeSuppliers, defaultCurrency, standardPriceBook, activatedOrderStatus, bulkThreshold, bulkReadThreshold, queryBatchSize, safetyLag, overlap,
          deletePollInterval, requestTimeout, connectTimeout, maxAttempts, initialBackoff, maxBackoff, bulkFirstPoll, bulkMaxPoll,
          bulkTimeout, Optional.ofNullable(httpClient)));
    }

    private static String requireText(String value, String key) {
      if (value == null || value.isBlank()) {
        throw new ConfigurationException("salesforce." + key + " must not be blank");
      }
      return value;
    }

    private static Duration nonNegative(Duration d, String key) {
      if (d == null || d.isNegative()) {
        throw new ConfigurationException("salesforce." + key + " must not be negative");
      }
      return d;
    }

    private static Duration positive(Duration d, String key) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new ConfigurationException("salesforce." + key + " must be positive");
      }
      return d;
    }
  }
}
