package io.github.tandemsync.engine;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorProvider;
import io.github.tandemsync.engine.internal.DefaultSyncEngine;
import io.github.tandemsync.engine.internal.EngineSettings;
import io.github.tandemsync.engine.state.StateStore;
import io.github.tandemsync.engine.state.StateStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Runs flows between connectors. Build one with {@link #builder()}, {@link #start()} it for
 * scheduled runs or call {@link #runOnce(String)}, and {@link #close()} it to stop gracefully.
 *
 * <pre>{@code
 * try (SyncEngine engine = SyncEngine.builder()
 *     .connector(exchequer)
 *     .connector(salesforce)
 *     .stateStore(StateStores.sqlite(Path.of("tandem-state.db")))
 *     .flow(accounts)
 *     .listener(myListener)
 *     .build()) {
 *   RunReport report = engine.runOnce("accounts");
 * }
 * }</pre>
 *
 * <p>Guarantees (see docs/sync-engine.md): a watermark only moves past changes durably staged in
 * the inbox; a crash at any point followed by a rerun loses no change and creates no duplicate;
 * records that did not change cost no write; the engine's own writes do not come back as changes.
 */
public interface SyncEngine extends AutoCloseable {

  static Builder builder() {
    return new Builder();
  }

  /** Starts the connectors (if not yet started) and the scheduler for flows with an interval. */
  void start();

  /**
   * Runs one flow now and waits for it to end. Never runs concurrently with another run of the
   * same flow (in this engine, or — through the store's lease — in another node sharing the store).
   */
  RunReport runOnce(String flow);

  /** Runs every flow once, in registration order. */
  List<RunReport> runAll();

  /**
   * Computes what a run of {@code flow} would do — creates, updates, deletes with field values,
   * conflicts, failures — reading from the connectors but writing nothing anywhere.
   */
  DryRunReport dryRun(String flow);

  /**
   * Re-reads the given records of {@code connector} and stages them for the next run of
   * {@code flow}, as if they had just changed: to resync records after a fix on the other side,
   * or records whose eligibility depends on something else that changed. Records that no longer
   * exist are staged as deletes. Returns how many were staged.
   */
  int resync(String flow, String connector, java.util.Collection<String> nativeIds);

  /** Operator access to quarantined records. */
  QuarantineAdmin quarantine();

  /** The flows, in registration order. */
  List<Flow<?>> flows();

  /** A registered connector by name. */
  Optional<Connector> connector(String name);

  /**
   * Stops gracefully: no new runs start; running flows finish the batch in hand and commit it;
   * then connectors and the store are closed. Waits at most {@code timeout} for running flows.
   */
  void stop(Duration timeout);

  /** {@link #stop(Duration)} with a 60-second timeout. */
  @Override
  default void close() {
    stop(Duration.ofSeconds(60));
  }

  /** Builds a {@link SyncEngine}. Connectors and flows are registered explicitly. */
  final class Builder {
    private final Map<String, Connector> connectors = new LinkedHashMap<>();
    private final List<Flow<?>> flows = new ArrayList<>();
    private final List<SyncListener> listeners = new ArrayList<>();
    private @Nullable StateStore stateStore;
    private String originTag = "tandem";
    private String nodeId = "node-" + UUID.randomUUID();
    private Clock clock = Clock.systemUTC();
    private RetrySettings retry = RetrySettings.defaults();
    private Duration leaseTtl = Duration.ofMinutes(2);
    private Duration leaseWait = Duration.ZERO;

    private Builder() {}

    /** Registers a connector under its {@link Connector#name()}. */
    public Builder connector(Connector connector) {
      Objects.requireNonNull(connector, "connector");
      if (connectors.putIfAbsent(connector.name(), connector) != null) {
        throw new ConfigurationException("two connectors are named '" + connector.name() + "'");
      }
      return this;
    }

    /**
     * Opt-in discovery: builds connectors with the {@link ConnectorProvider}s that
     * {@code classLoader} offers through {@link ServiceLoader}. {@code settings} maps each
     * connector's name to its settings, which must contain {@code type} (the provider's type).
     */
    public Builder discoverConnectors(ClassLoader classLoader, Map<String, Map<String, String>> settings) {
      Map<String, ConnectorProvider> providers = new LinkedHashMap<>();
      for (ConnectorProvider provider : ServiceLoader.load(ConnectorProvider.class, classLoader)) {
        providers.putIfAbsent(provider.type(), provider);
      }
      settings.forEach((name, values) -> {
        String type = values.get("type");
        if (type == null || type.isBlank()) {
          throw new ConfigurationException("connector '" + name + "': missing key 'type'");
        }
        ConnectorProvider provider = providers.get(type);
        if (provider == null) {
          throw new ConfigurationException("connector '" + name + "': no provider for type '" + type + "' on the class path (found " + providers.keySet() + ")");
        }
        connector(provider.create(name, values));
      });
      return this;
    }

    /** Registers a flow; its name must be unique. */
    public Builder flow(Flow<?> flow) {
      Objects.requireNonNull(flow, "flow");
      if (flows.stream().anyMatch(f -> f.name().equals(flow.name()))) {
        throw new ConfigurationException("two flows are named '" + flow.name() + "'");
      }
      flows.add(flow);
      return this;
    }

    /** Adds a listener. */
    public Builder listener(SyncListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Where state lives (default: the embedded SQLite file {@code tandem-state.db} in the working directory). */
    public Builder stateStore(StateStore store) {
      this.stateStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Names this installation in the systems it writes to (e.g. Salesforce
     * {@code Sforce-Call-Options: client=...}), so its own changes can be recognised.
     */
    public Builder originTag(String tag) {
      if (tag == null || !tag.matches("[A-Za-z0-9_.-]{1,40}")) {
        throw new ConfigurationException("originTag must be 1-40 letters, digits, '.', '_' or '-'");
      }
      this.originTag = tag;
      return this;
    }

    /** This node's id in leases (default: random); set it to something stable per host. */
    public Builder nodeId(String id) {
      this.nodeId = Objects.requireNonNull(id, "id");
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Retry of transient write failures within a run. */
    public Builder retry(RetrySettings settings) {
      this.retry = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** How long a flow's lease lasts without renewal (renewed after each batch; default 2 min). */
    public Builder leaseTtl(Duration ttl) {
      this.leaseTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** How long {@link SyncEngine#runOnce} waits for a lease held by another node (default 0). */
    public Builder leaseWait(Duration wait) {
      this.leaseWait = Objects.requireNonNull(wait, "wait");
      return this;
    }

    /**
     * Checks the configuration — every flow's connectors are registered and can read and write
     * what the flow's enabled directions need — and builds the engine. Connectors are started by
     * {@link SyncEngine#start()} or the first run.
     */
    public SyncEngine build() {
      StateStore store = stateStore != null ? stateStore : StateStores.sqlite(Path.of("tandem-state.db"));
      return new DefaultSyncEngine(new EngineSettings(Map.copyOf(connectors), List.copyOf(flows), List.copyOf(listeners),
          store, originTag, nodeId, clock, retry, leaseTtl, leaseWait));
    }
  }
}
