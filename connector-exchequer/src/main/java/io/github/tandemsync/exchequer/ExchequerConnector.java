package io.github.tandemsync.exchequer;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.TandemException;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.exchequer.gateway.ExchequerWriteGateway;
import io.github.tandemsync.exchequer.internal.Database;
import io.github.tandemsync.exchequer.internal.ReadContext;
import io.github.tandemsync.exchequer.internal.Readers;
import io.github.tandemsync.exchequer.internal.Writers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Exchequer connector: reads every seed-001 entity from an Exchequer SQL-edition company
 * through a read-only JDBC login, and writes accounts, contacts, quotes, orders and deliveries
 * through an {@link ExchequerWriteGateway} (never SQL).
 *
 * <pre>{@code
 * Connector exchequer = ExchequerConnector.builder()
 *     .dataSource(readOnlyDataSource)            // e.g. a pool over the SQL Server JDBC driver
 *     .company("ZZZZ01")
 *     .gateway(ToolkitBridgeGateway.builder()
 *         .baseUrl(URI.create("https://erp-bridge.example.com:8443"))
 *         .apiKey(bridgeKey).company("ZZZZ01").build())
 *     .options(ExchequerOptions.builder().sellPriceBand("B").build())
 *     .customize(EntityTypes.ACCOUNT, new MappingCustomizer<>() {
 *       public Account afterRead(NativeRecord row, Account account) {
 *         return account.toBuilder().extension("region", row.text("acUserDef1").orElse("")).build();
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Without a gateway the connector is read-only. Thread-safe once built.
 */
public final class ExchequerConnector implements Connector {
  private static final Logger LOG = LoggerFactory.getLogger(ExchequerConnector.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private final String name;
  private final ReadContext context;
  private final @Nullable ExchequerWriteGateway gateway;
  private final Readers readers;
  private final @Nullable Writers writers;
  private final Map<EntityType<?>, List<MappingCustomizer<?>>> customizers;
  private final Set<Capability> capabilities;

  private ExchequerConnector(Builder builder) {
    this.name = builder.name;
    Database database = new Database(Objects.requireNonNull(builder.dataSource), Objects.requireNonNull(builder.company),
        builder.options.queryTimeout());
    this.context = new ReadContext(database, builder.options, builder.clock);
    this.gateway = builder.gateway;
    this.readers = new Readers(context);
    this.customizers = Map.copyOf(builder.customizers);
    this.writers = gateway == null ? null : new Writers(context, gateway, builder.accountCodes, this.customizers);
    Set<Capability> offered = new LinkedHashSet<>();
    for (EntityType<?> type : readers.readable()) {
      offered.add(Capability.read(type));
    }
    if (writers != null) {
      for (EntityType<?> type : writers.writable()) {
        offered.add(Capability.write(type));
      }
    }
    this.capabilities = Set.copyOf(offered);
  }

  /**
   * A builder; {@code dataSource} and {@code company} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  /**
   * Checks the schema (tables visible to the login, the EXCHQSS system record, currencies) and
   * takes the engine's clock.
   *
   * @throws ConfigurationException naming what is missing
   */
  @Override
  public void start(ConnectorContext engine) {
    context.useClock(engine.clock());
    for (String table : List.of("CUSTSUPP", "STOCK", "DOCUMENT", "DETAILS", "EXCHQSS")) {
      context.database().catalog().tableName(table);
    }
    context.invalidate();
    var settings = context.settings();
    if (context.currencies().base().isEmpty()) {
      LOG.warn("Exchequer company {}: the base currency has no ISO code; set ExchequerOptions.currencyIsoCode(1, ...)",
          context.database().company());
    }
    if (!context.database().catalog().hasColumn("CUSTSUPP", "acCountry")) {
      LOG.info("Exchequer company {} has no acCountry column (pre-v8): address line 5 is read as the country",
          context.database().company());
    }
    LOG.info("Exchequer connector {} started on company {} (year {}, period {}, {} locations, gateway {})", name,
        context.database().company(), settings.currentYear(), settings.currentPeriod(),
        settings.multiLocation() ? "multiple" : "no", gateway == null ? "none" : gateway.kind());
  }

  @Override
  public Health health() {
    Health database;
    try {
      context.database().ping();
      database = Health.up("Exchequer SQL company " + context.database().company() + " reachable");
    } catch (TandemException e) {
      return Health.down("Exchequer SQL company " + context.database().company() + ": " + e.getMessage());
    }
    if (gateway == null) {
      return Health.up(database.detail() + "; no write gateway (read-only)");
    }
    Health writes = gateway.health();
    String detail = database.detail() + "; " + writes.detail();
    return switch (writes.status()) {
      case UP -> Health.up(detail);
      case DEGRADED -> Health.degraded(detail);
      case DOWN -> Health.degraded(detail + " (reads work, writes do not)");
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Optional<ChangeReader<T>> reader(EntityType<T> type) {
    return readers.reader(type, (List<MappingCustomizer<T>>) (List<?>) customizers.getOrDefault(type, List.of()));
  }

  @Override
  public <T> Optional<RecordWriter<T>> writer(EntityType<T> type) {
    return writers == null ? Optional.empty() : writers.writer(type);
  }

  /**
   * The write gateway, when one is configured.
   *
   * @return the gateway
   */
  public Optional<ExchequerWriteGateway> gateway() {
    return Optional.ofNullable(gateway);
  }

  /** Closes the gateway. */
  @Override
  public void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Override
  public String toString() {
    return "ExchequerConnector[" + name + ", company " + context.database().company() + "]";
  }

  /** Builds an {@link ExchequerConnector}. */
  public static final class Builder {
    private String name = "exchequer";
    private @Nullable DataSource dataSource;
    private @Nullable String company;
    private @Nullable ExchequerWriteGateway gateway;
    private ExchequerOptions options = ExchequerOptions.defaults();
    private AccountCodeGenerator accountCodes = AccountCodeGenerator.defaultGenerator();
    private Clock clock = Clock.systemUTC();
    private final Map<EntityType<?>, List<MappingCustomizer<?>>> customizers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The connector's name, unique within one engine (default {@code exchequer}).
     *
     * @param value letters, digits, {@code _ . -}
     * @return this builder
     */
    public Builder name(String value) {
      if (!NAME.matcher(value).matches()) {
        throw new ConfigurationException("connector name '" + value + "' must be letters, digits, '_', '.' or '-'");
      }
      this.name = value;
      return this;
    }

    /**
     * The company database, through a read-only login (see docs/exchequer.md). The partner adds
     * the SQL Server JDBC driver ({@code com.microsoft.sqlserver:mssql-jdbc}) and a pool.
     *
     * @param value the data source
     * @return this builder
     */
    public Builder dataSource(DataSource value) {
      this.dataSource = Objects.requireNonNull(value, "dataSource");
      return this;
    }

    /**
     * The Exchequer company code, which is also its SQL schema, e.g. {@code ZZZZ01}.
     *
     * @param value the company code
     * @return this builder
     */
    public Builder company(String value) {
      this.company = Objects.requireNonNull(value, "company");
      return this;
    }

    /**
     * The write gateway: a {@link io.github.tandemsync.exchequer.gateway.ToolkitBridgeGateway},
     * an {@link io.github.tandemsync.exchequer.gateway.ImporterCsvGateway} or your own. Without
     * one the connector only reads.
     *
     * @param value the gateway
     * @return this builder
     */
    public Builder gateway(ExchequerWriteGateway value) {
      this.gateway = Objects.requireNonNull(value, "gateway");
      return this;
    }

    /**
     * The options (default {@link ExchequerOptions#defaults()}).
     *
     * @param value the options
     * @return this builder
     */
    public Builder options(ExchequerOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /**
     * Reads purchase-ledger accounts (suppliers) too, or not: a shortcut for the option of the same
     * name that keeps every other option.
     *
     * @param value whether to read suppliers
     * @return this builder
     */
    public Builder includeSuppliers(boolean value) {
      this.options = options.toBuilder().includeSuppliers(value).build();
      return this;
    }

    /**
     * How codes of new accounts without one are made (default
     * {@link AccountCodeGenerator#defaultGenerator()}).
     *
     * @param value the generator
     * @return this builder
     */
    public Builder accountCodeGenerator(AccountCodeGenerator value) {
      this.accountCodes = Objects.requireNonNull(value, "accountCodeGenerator");
      return this;
    }

    /**
     * The clock used until the engine starts the connector with its own (default UTC system
     * clock).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Adds a mapping customizer for one entity type; several run in registration order. On read
     * it sees the SQL row ({@code NativeRecord.type()} is the table, e.g. {@code CUSTSUPP}; every
     * column read, including user-defined fields such as {@code acUserDef1}); on write the Toolkit
     * record being sent (property names such as {@code acUserDef1}; a transaction's lines under
     * {@code "lines"}).
     *
     * @param type the entity type
     * @param customizer the customizer
     * @param <T> the record type
     * @return this builder
     */
    public <T> Builder customize(EntityType<T> type, MappingCustomizer<T> customizer) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(customizer, "customizer");
      if (EntityTypes.byName(type.name()).isEmpty()) {
        throw new ConfigurationException("the Exchequer connector maps canonical entity types only, not " + type);
      }
      customizers.computeIfAbsent(type, t -> new ArrayList<>()).add(customizer);
      return this;
    }

    /**
     * The connector.
     *
     * @return the connector, not yet started
     * @throws ConfigurationException when the data source or company is missing
     */
    public ExchequerConnector build() {
      if (dataSource == null) {
        throw new ConfigurationException("the Exchequer connector needs a dataSource (read-only login)");
      }
      if (company == null || company.isBlank()) {
        throw new ConfigurationException("the Exchequer connector needs the company code");
      }
      Map<EntityType<?>, List<MappingCustomizer<?>>> frozen = new LinkedHashMap<>();
      customizers.forEach((type, list) -> frozen.put(type, List.copyOf(list)));
      customizers.clear();
      customizers.putAll(frozen);
      return new ExchequerConnector(this);
    }
  }
}
