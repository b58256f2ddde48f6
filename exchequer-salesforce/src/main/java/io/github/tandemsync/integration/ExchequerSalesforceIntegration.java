package io.github.tandemsync.integration;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Contact;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Price;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.engine.DeletePolicy;
import io.github.tandemsync.engine.FieldPolicy;
import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.RetrySettings;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.SyncEngine;
import io.github.tandemsync.engine.SyncListener;
import io.github.tandemsync.engine.state.StateStore;
import io.github.tandemsync.engine.state.StateStores;
import io.github.tandemsync.exchequer.ExchequerConnector;
import io.github.tandemsync.exchequer.ExchequerConnectorProvider;
import io.github.tandemsync.integration.internal.CycleLease;
import io.github.tandemsync.integration.internal.DecoratedConnector;
import io.github.tandemsync.integration.internal.NewCustomers;
import io.github.tandemsync.integration.internal.QuoteAcceptance;
import io.github.tandemsync.integration.internal.SimpleDataSource;
import io.github.tandemsync.salesforce.ApiUsage;
import io.github.tandemsync.salesforce.SalesforceConnector;
import io.github.tandemsync.salesforce.SalesforceConnectorProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference Exchequer ⇄ Salesforce integration: one {@link SyncEngine} with a flow per
 * {@link SyncCapability}, run as a cycle in dependency order, plus the quote-acceptance workflow.
 *
 * <pre>{@code
 * try (ExchequerSalesforceIntegration integration = ExchequerSalesforceIntegration.builder()
 *     .exchequer(ExchequerConnector.builder().dataSource(readOnly).company("ZZZZ01").gateway(bridge))
 *     .salesforce(SalesforceConnector.builder().loginUrl(myDomain).auth(jwt))
 *     .settings(IntegrationSettings.builder().off(SyncCapability.JOBS).build())
 *     .stateStore(StateStores.sqlite(Path.of("tandem-state.db")))
 *     .build()) {
 *   integration.start();               // a cycle every settings.runEvery()
 * }
 * }</pre>
 *
 * <p>Or from one properties file: {@link #fromConfiguration(Path)}.
 */
public final class ExchequerSalesforceIntegration implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExchequerSalesforceIntegration.class);

  /** The Exchequer connector's name (the left side of every flow). */
  public static final String EXCHEQUER = "exchequer";
  /** The Salesforce connector's name (the right side of every flow). */
  public static final String SALESFORCE = "salesforce";

  private final IntegrationSettings settings;
  private final SyncEngine engine;
  private final DecoratedConnector salesforce;
  private final QuoteAcceptance acceptance;
  /** Held by a running cycle; close() does not take it, so it never waits for a whole cycle. */
  private final Object cycle = new Object();
  private volatile boolean closing;
  private final Clock clock;
  private final CycleLease cycleLease;
  private final NewCustomers newCustomers;
  /** Account code → the Salesforce contact that claimed it for Exchequer in this run of the contacts flow. */
  private final Map<String, String> contactClaims;
  private @Nullable ScheduledExecutorService scheduler;

  private ExchequerSalesforceIntegration(IntegrationSettings settings, SyncEngine engine, DecoratedConnector salesforce,
      QuoteAcceptance acceptance, Clock clock, StateStore store, String nodeId, NewCustomers newCustomers,
      Map<String, String> contactClaims) {
    this.settings = settings;
    this.engine = engine;
    this.salesforce = salesforce;
    this.acceptance = acceptance;
    this.clock = clock;
    this.cycleLease = new CycleLease(store, nodeId);
    this.newCustomers = newCustomers;
    this.contactClaims = contactClaims;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the integration from a properties file: the integration's keys (see
   * {@link IntegrationSettings#fromProperties}), {@code exchequer.*} and {@code salesforce.*}
   * (the connectors' provider settings, without the prefix), and the state store:
   * {@code stateStore} = {@code sqlite} (default; {@code stateStore.file}, default
   * {@code tandem-state.db}), {@code postgres} ({@code stateStore.url}, {@code stateStore.user},
   * {@code stateStore.password}, {@code stateStore.schema}) or {@code memory}; and
   * {@code tandem.nodeId}, this node's name when several share a PostgreSQL store (default: a
   * random one per start). Relative paths are resolved against the file's directory.
   *
   * @throws ConfigurationException naming the bad or missing key
   */
  public static ExchequerSalesforceIntegration fromConfiguration(Path file) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    return fromProperties(properties, base).build();
  }

  /**
   * A builder configured from properties (see {@link #fromConfiguration(Path)}), for callers that
   * add listeners or customize the connector builders before building.
   */
  public static Builder fromProperties(Properties properties, Path baseDirectory) {
    IntegrationSettings settings = IntegrationSettings.fromProperties(properties);
    Map<String, String> exchequer = prefixed(properties, "exchequer.");
    Map<String, String> salesforce = prefixed(properties, "salesforce.");
    resolvePaths(exchequer, baseDirectory, "dropFolder");
    resolvePaths(salesforce, baseDirectory, "privateKeyFile", "refreshTokenFile");
    Builder builder = builder()
        .settings(settings)
        .exchequer(ExchequerConnectorProvider.builder(EXCHEQUER, exchequer))
        .salesforce(SalesforceConnectorProvider.builder(SALESFORCE, salesforce));
    // checked now, opened at build() unless the caller sets a store of its own; with no stateStore key
    // the default SQLite file lies next to the configuration, not wherever the process started
    builder.configuredStateStore = stateStore(properties, baseDirectory);
    String node = properties.getProperty("tandem.nodeId");
    if (node != null) {
      builder.nodeId(node.strip());
    }
    return builder;
  }

  private static Map<String, String> prefixed(Properties properties, String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        out.put(key.substring(prefix.length()), properties.getProperty(key).strip());
      }
    }
    return out;
  }

  private static void resolvePaths(Map<String, String> settings, Path base, String... keys) {
    for (String key : keys) {
      String value = settings.get(key);
      if (value != null && !value.isBlank()) {
        settings.put(key, base.resolve(value).normalize().toString());
      }
    }
  }

  private static java.util.function.Supplier<StateStore> stateStore(Properties properties, Path base) {
    String kind = properties.getProperty("stateStore", "sqlite").strip();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("stateStore.") && !Set.of("stateStore.file", "stateStore.url", "stateStore.user", "stateStore.password",
          "stateStore.schema").contains(key)) {
        throw new ConfigurationException("unknown configuration key '" + key + "'");
      }
    }
    return switch (kind) {
      case "sqlite" -> {
        Path file = base.resolve(properties.getProperty("stateStore.file", "tandem-state.db").strip());
        yield () -> StateStores.sqlite(file);
      }
      case "memory" -> StateStores::inMemory;
      case "postgres" -> {
        String url = properties.getProperty("stateStore.url");
        if (url == null || url.isBlank()) {
          throw new ConfigurationException("stateStore.url is required when stateStore=postgres");
        }
        String user = properties.getProperty("stateStore.user");
        String password = properties.getProperty("stateStore.password");
        String schema = properties.getProperty("stateStore.schema", "tandem").strip();
        yield () -> StateStores.postgres(new SimpleDataSource(url.strip(), user, password), schema);
      }
      default -> throw new ConfigurationException("stateStore must be sqlite, postgres or memory, was '" + kind + "'");
    };
  }

  /** The engine: for dry runs, quarantine, single flows. */
  public SyncEngine engine() {
    return engine;
  }

  public IntegrationSettings settings() {
    return settings;
  }

  /** The Salesforce API calls the connector has made and the org's last reported usage: the budget to watch. */
  public ApiUsage salesforceApiUsage() {
    return ((SalesforceConnector) salesforce.delegate()).apiUsage();
  }

  /**
   * Runs one cycle: every enabled capability in {@link SyncCapability} order, with the
   * quote-acceptance steps after the quotes flow (accepted quotes of prospects turn their accounts
   * into customers, which the accounts flow creates in Exchequer, after which the quotes are
   * created; opportunities of accepted quotes are won).
   */
  public CycleReport runOnce() {
    synchronized (cycle) {
      return runCycle();
    }
  }

  private CycleReport runCycle() {
    Instant started = clock.instant();
    List<String> enabled = java.util.Arrays.stream(SyncCapability.values()).filter(settings::enabled).map(SyncCapability::flowName)
        .toList();
    if (closing || !cycleLease.take()) {
      return new CycleReport(started, clock.instant(), List.of(), List.of(), List.of(), enabled);
    }
    try {
      return runCycle(started, enabled);
    } finally {
      cycleLease.release();
    }
  }

  private CycleReport runCycle(Instant started, List<String> enabled) {
    List<RunReport> runs = new ArrayList<>();
    List<String> converted = new ArrayList<>();
    List<String> won = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    for (SyncCapability capability : SyncCapability.values()) {
      if (!settings.enabled(capability)) {
        continue;
      }
      if (closing || !cycleLease.renew(capability.flowName())) {
        notRun.add(capability.flowName());
        continue;
      }
      if (capability == SyncCapability.CONTACTS) {
        contactClaims.clear(); // claims hold within one run: across runs Exchequer's own contacts tell
      }
      runs.add(engine.runOnce(capability.flowName())); // a closing engine answers STOPPED at once
      if (capability == SyncCapability.ACCOUNTS && !closing) {
        stageContactsOfNewCustomers(); // the contacts flow runs next
      }
      if (capability == SyncCapability.QUOTES && !closing) {
        Map<String, String> waiting = acceptance.waitingQuotes();
        if (!waiting.isEmpty() && settings.direction(SyncCapability.ACCOUNTS).crmToErp()) {
          try {
            List<String> now = acceptance.convertProspects(salesforce);
            converted.addAll(now);
            if (!now.isEmpty()) {
              // staged directly rather than waiting for the change stream, which may not show an edit this recent yet
              engine.resync(SyncCapability.ACCOUNTS.flowName(), SALESFORCE, now);
              runs.add(engine.runOnce(SyncCapability.ACCOUNTS.flowName()));
              if (stageContactsOfNewCustomers()) {
                contactClaims.clear();
                runs.add(engine.runOnce(SyncCapability.CONTACTS.flowName()));
              }
              engine.resync(SyncCapability.QUOTES.flowName(), SALESFORCE, waiting.keySet());
              runs.add(engine.runOnce(SyncCapability.QUOTES.flowName()));
            }
          } catch (RuntimeException e) {
            // the accepted quotes stay waiting and are taken up again next cycle; the flows go on
            LOG.warn("could not turn the prospects of accepted quotes into customers yet: {}", e.toString());
          }
        }
        try {
          won.addAll(acceptance.winOpportunities(salesforce));
        } catch (RuntimeException e) {
          // the opportunities stay noted and are won by a later cycle; the flows go on
          LOG.warn("could not set the opportunities of accepted quotes to Closed Won yet: {}", e.toString());
        }
      }
    }
    CycleReport report = new CycleReport(started, clock.instant(), runs, converted, won, notRun);
    LOG.info("cycle finished in {} ms: {} writes, {} conflicts, {} failures{}", report.duration().toMillis(), report.writes(),
        report.conflicts().size(), report.failures().size(), report.completed() ? "" : " (not every flow completed)");
    return report;
  }

  /**
   * Stages the Salesforce contacts of accounts the accounts flow just created in Exchequer. While
   * those accounts were prospects their contacts were not eligible for Exchequer (no account code)
   * and were skipped; nothing else would bring them back until someone edited them.
   *
   * @return whether any contact was staged
   */
  private boolean stageContactsOfNewCustomers() {
    List<String> codes = newCustomers.drain();
    if (codes.isEmpty() || !settings.enabled(SyncCapability.CONTACTS) || !settings.direction(SyncCapability.CONTACTS).crmToErp()) {
      return false;
    }
    try {
      List<String> contactIds = new ArrayList<>();
      salesforce.reader(EntityTypes.CONTACT).ifPresent(reader -> reader.findByKey("accountCode", codes).stream()
          .filter(c -> c.kind() == io.github.tandemsync.core.spi.Change.Kind.UPSERT).forEach(c -> contactIds.add(c.nativeId())));
      if (contactIds.isEmpty()) {
        return false;
      }
      LOG.info("{} Salesforce contact(s) of {} new Exchequer customer(s) staged for the contacts flow", contactIds.size(), codes.size());
      engine.resync(SyncCapability.CONTACTS.flowName(), SALESFORCE, contactIds);
      return true;
    } catch (RuntimeException e) {
      // kept for the next cycle rather than lost; the flows go on
      newCustomers.putBack(codes);
      LOG.warn("could not stage the contacts of {} new Exchequer customer(s) yet: {}", codes.size(), e.toString());
      return false;
    }
  }

  /** Starts the connectors and runs a cycle every {@link IntegrationSettings#runEvery()}. */
  public synchronized void start() {
    if (closing) {
      throw new IllegalStateException("this integration was closed; build a new one");
    }
    if (scheduler != null) {
      return;
    }
    engine.start();
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tandem-integration");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        runOnce();
      } catch (RuntimeException e) {
        LOG.error("integration cycle failed", e);
      }
    }, 0, settings.runEvery().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops scheduling, lets the flow running now finish its batch (at most 60 seconds, see
   * {@link SyncEngine#stop}), skips the rest of the cycle, and closes the engine. Does not wait for
   * the whole cycle: call it from a shutdown hook or a container's stop callback. The cycle lease
   * is given up first, so another node (or this one, restarted) can run the next cycle at once.
   */
  @Override
  public void close() {
    closing = true;
    cycleLease.close(); // before the store closes with the engine
    synchronized (this) {
      if (scheduler != null) {
        scheduler.shutdown();
      }
    }
    engine.close();
  }

  /** Builds an {@link ExchequerSalesforceIntegration}. */
  public static final class Builder {
    private SalesforceConnector.@Nullable Builder salesforce;
    private ExchequerConnector.@Nullable Builder exchequer;
    private IntegrationSettings settings = IntegrationSettings.defaults();
    private @Nullable StateStore stateStore;
    /** The store a configuration file names, opened at build() unless {@link #stateStore} replaced it. */
    private java.util.function.@Nullable Supplier<StateStore> configuredStateStore;
    private final List<SyncListener> listeners = new ArrayList<>();
    private BiConsumer<SyncCapability, Flow.Builder<?>> flowCustomizer = (capability, flow) -> { };
    private Clock clock = Clock.systemUTC();
    private @Nullable RetrySettings retry;
    private @Nullable String nodeId;

    private Builder() {}

    /**
     * The Exchequer connector, as a builder the integration finishes (it names it
     * {@value #EXCHEQUER}); add your customizers to it first.
     */
    public Builder exchequer(ExchequerConnector.Builder value) {
      this.exchequer = Objects.requireNonNull(value, "exchequer");
      return this;
    }

    /**
     * The Salesforce connector, as a builder the integration finishes (it names it
     * {@value #SALESFORCE}, chooses the entity types the enabled capabilities need, and adds the
     * quote-acceptance customizer); add your customizers to it first.
     */
    public Builder salesforce(SalesforceConnector.Builder value) {
      this.salesforce = Objects.requireNonNull(value, "salesforce");
      return this;
    }

    public Builder settings(IntegrationSettings value) {
      this.settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /** Where the sync state lives (default: the SQLite file {@code tandem-state.db}). */
    public Builder stateStore(StateStore value) {
      this.stateStore = Objects.requireNonNull(value, "stateStore");
      return this;
    }

    public Builder listener(SyncListener value) {
      listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    /**
     * Adjusts the flows beyond what {@link IntegrationSettings} expresses, after the integration's
     * defaults are set: a field policy ({@code FieldPolicy.lastWriterWins}, {@code resolvedBy} a
     * {@code ConflictResolver}), a delete policy, a creation rule. Called once per enabled
     * capability with that capability's flow builder.
     *
     * <pre>{@code
     * .flows((capability, flow) -> {
     *   if (capability == SyncCapability.ACCOUNTS) {
     *     flow.field("email", FieldPolicy.lastWriterWins(ExchequerSalesforceIntegration.SALESFORCE));
     *   }
     * })
     * }</pre>
     */
    public Builder flows(BiConsumer<SyncCapability, Flow.Builder<?>> value) {
      this.flowCustomizer = Objects.requireNonNull(value, "flows");
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder retry(RetrySettings value) {
      this.retry = Objects.requireNonNull(value, "retry");
      return this;
    }

    public Builder nodeId(String value) {
      this.nodeId = Objects.requireNonNull(value, "nodeId");
      return this;
    }

    public ExchequerSalesforceIntegration build() {
      if (exchequer == null) {
        throw new ConfigurationException("the integration needs the Exchequer connector: call exchequer(ExchequerConnector.builder()...)");
      }
      if (salesforce == null) {
        throw new ConfigurationException("the integration needs the Salesforce connector: call salesforce(SalesforceConnector.builder()...)");
      }
      QuoteAcceptance acceptance = new QuoteAcceptance();
      Set<EntityType<?>> types = new LinkedHashSet<>();
      for (SyncCapability c : SyncCapability.values()) {
        if (settings.enabled(c)) {
          types.add(c.entityType());
        }
      }
      if (settings.enabled(SyncCapability.QUOTES)) {
        types.add(EntityTypes.ACCOUNT);
        types.add(EntityTypes.OPPORTUNITY);
        salesforce.customize(EntityTypes.QUOTE, QuoteAcceptance.salesforceQuoteCustomizer(), "AccountId");
      }
      if (types.isEmpty()) {
        types.add(EntityTypes.ACCOUNT); // nothing enabled: the connectors still need something to start with
      }
      salesforce.name(SALESFORCE).includeSuppliers(settings.suppliers()).entities(types.toArray(EntityType<?>[]::new));
      DecoratedConnector sf = new DecoratedConnector(salesforce.build())
          .reader(EntityTypes.QUOTE, acceptance::watch);
      NewCustomers newCustomers = new NewCustomers();
      Map<String, String> contactClaims = new java.util.concurrent.ConcurrentHashMap<>();
      DecoratedConnector erp = new DecoratedConnector(exchequer.name(EXCHEQUER).includeSuppliers(settings.suppliers()).build())
          .writer(EntityTypes.QUOTE, acceptance::guard)
          .writer(EntityTypes.ACCOUNT, newCustomers::watch);
      SyncEngine.Builder engine = SyncEngine.builder()
          .connector(erp)
          .connector(sf)
          .originTag(settings.originTag())
          .clock(clock);
      listeners.forEach(engine::listener);
      if (retry != null) {
        engine.retry(retry);
      }
      String node = nodeId != null ? nodeId : "node-" + java.util.UUID.randomUUID();
      engine.nodeId(node);
      for (SyncCapability c : SyncCapability.values()) {
        if (settings.enabled(c)) {
          engine.flow(flow(c, settings, Optional.of(erp), contactClaims, flowCustomizer));
        }
      }
      // opened last: a flow refused above leaves no store open
      StateStore store = stateStore != null ? stateStore
          : configuredStateStore != null ? configuredStateStore.get() : StateStores.sqlite(Path.of("tandem-state.db"));
      engine.stateStore(store);
      return new ExchequerSalesforceIntegration(settings, engine.build(), sf, acceptance, clock, store, node, newCustomers, contactClaims);
    }
  }

  /** The flow of one capability: direction, matching, ownership, creation rules, deletes. */
  static <T> Flow<T> flow(SyncCapability capability, IntegrationSettings settings) {
    return flow(capability, settings, Optional.empty(), new java.util.concurrent.ConcurrentHashMap<>(), (c, b) -> { });
  }

  /**
   * The flow of one capability; {@code exchequer}, when given, lets the contacts flow ask whether
   * an account already has its contact there.
   */
  static <T> Flow<T> flow(SyncCapability capability, IntegrationSettings settings, Optional<Connector> exchequer,
      Map<String, String> claims, BiConsumer<SyncCapability, Flow.Builder<?>> customizer) {
    @SuppressWarnings("unchecked")
    EntityType<T> type = (EntityType<T>) capability.entityType();
    FlowDirection direction = settings.direction(capability);
    Flow.Builder<T> b = Flow.builder(capability.flowName(), type)
        .between(EXCHEQUER, SALESFORCE)
        .leftToRight(direction.erpToCrm())
        .rightToLeft(direction.crmToErp())
        .batchSize(settings.batchSize())
        .defaultPolicy(DefaultOwnership.defaultPolicy(capability));
    for (String field : DefaultOwnership.exchequerFields(capability)) {
      b.field(field, FieldPolicy.ownedBy(EXCHEQUER));
    }
    for (String field : DefaultOwnership.salesforceFields(capability)) {
      b.field(field, FieldPolicy.ownedBy(SALESFORCE));
    }
    settings.ownershipOverrides().getOrDefault(capability, Map.of()).forEach((field, owner) -> b.field(field, FieldPolicy.ownedBy(owner)));
    switch (capability) {
      case ACCOUNTS -> {
        b.matchOn("code").reconcileEvery(settings.reconcileEvery()).deletes(DeletePolicy.markInactive("closed", true));
        Flow.Builder<Account> accounts = castFlow(b);
        accounts.createWhen(SALESFORCE, a -> a.role() == AccountRole.CUSTOMER);
        accounts.createWhen(EXCHEQUER, a -> a.role() != AccountRole.SUPPLIER || settings.suppliers());
      }
      case CONTACTS -> {
        b.matchOn("email");
        // Exchequer keeps one contact per account (acContact): a Salesforce contact goes there only
        // for an account that is in Exchequer and has none yet; the others stay in Salesforce.
        // When several arrive for such an account at once (a prospect with its contacts becomes a
        // customer), the first one claims it and the others stay in Salesforce too.
        Optional<ChangeReader<Contact>> erpContacts = exchequer.flatMap(e -> e.reader(EntityTypes.CONTACT));
        castFlow(b).createWhen(SALESFORCE, c -> {
          Contact contact = (Contact) c;
          Optional<String> code = contact.accountCode().filter(k -> !k.isBlank()).map(k -> k.strip().toUpperCase(java.util.Locale.ROOT));
          if (code.isEmpty() || erpContacts.map(r -> !r.findByKey("accountCode", List.of(code.get())).isEmpty()).orElse(false)) {
            return false;
          }
          String who = contact.email().orElse("") + "|" + contact.firstName().orElse("") + "|" + contact.lastName();
          return claims.computeIfAbsent(code.get(), k -> who).equals(who);
        });
      }
      case QUOTES -> {
        // Exchequer's side only writes back what it assigns (the document number, the conversion);
        // quotes keyed in Exchequer never become Salesforce quotes.
        b.leftToRight(direction.crmToErp()).matchOn("externalReference");
        castFlow(b).createWhen(EXCHEQUER, q -> false);
      }
      case ORDERS, DELIVERIES -> b.matchOn("number", "externalReference").reconcileEvery(settings.reconcileEvery());
      // products keyed in by hand before go-live are linked by their product code, not duplicated
      case PRODUCTS -> b.matchOn("code").reconcileEvery(settings.reconcileEvery()).deletes(DeletePolicy.markInactive("obsolete", true));
      case PRICES -> {
        Set<String> currencies = settings.priceCurrencies();
        castFlow(b).createWhen(EXCHEQUER, p -> currencies.isEmpty() || currencies.contains(((Price) p).unitPrice().currency()));
      }
      default -> { }
    }
    customizer.accept(capability, b);
    return b.build();
  }

  @SuppressWarnings("unchecked")
  private static <X> Flow.Builder<X> castFlow(Flow.Builder<?> b) {
    return (Flow.Builder<X>) b;
  }
}
