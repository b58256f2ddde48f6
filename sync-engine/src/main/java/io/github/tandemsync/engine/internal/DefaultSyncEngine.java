package io.github.tandemsync.engine.internal;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.engine.DryRunReport;
import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.QuarantineAdmin;
import io.github.tandemsync.engine.QuarantinedRecord;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.state.Side;
import io.github.tandemsync.engine.SyncEngine;
import io.github.tandemsync.engine.state.Lease;
import io.github.tandemsync.engine.state.QuarantineEntry;
import io.github.tandemsync.engine.state.StagedChange;
import io.github.tandemsync.engine.state.StateChanges;
import io.github.tandemsync.engine.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine behind {@link SyncEngine}. */
public final class DefaultSyncEngine implements SyncEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSyncEngine.class);

  private final EngineSettings settings;
  private final CanonicalCodec codec = new CanonicalCodec();
  private final Listeners listeners;
  private final Map<String, Flow<?>> flows = new LinkedHashMap<>();
  private final Map<String, ReentrantLock> locks = new LinkedHashMap<>();
  private final AtomicBoolean connectorsStarted = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private @Nullable ScheduledExecutorService scheduler;

  public DefaultSyncEngine(EngineSettings settings) {
    this.settings = settings;
    this.listeners = new Listeners(settings.listeners());
    for (Flow<?> flow : settings.flows()) {
      validate(flow);
      flows.put(flow.name(), flow);
      locks.put(flow.name(), new ReentrantLock());
    }
  }

  private void validate(Flow<?> flow) {
    for (Side side : Side.values()) {
      String name = flow.connector(side);
      Connector connector = settings.connectors().get(name);
      if (connector == null) {
        throw new ConfigurationException("flow '" + flow.name() + "' uses connector '" + name + "', which is not registered (registered: "
            + settings.connectors().keySet() + ")");
      }
      if (flow.syncs(side) && !connector.can(flow.entityType(), Capability.Access.READ)) {
        throw new ConfigurationException("flow '" + flow.name() + "' reads " + flow.entityType() + " from '" + name
            + "', which cannot read it; switch that direction off or use another connector");
      }
      if (flow.syncs(side.other()) && !connector.can(flow.entityType(), Capability.Access.WRITE)) {
        throw new ConfigurationException("flow '" + flow.name() + "' writes " + flow.entityType() + " to '" + name
            + "', which cannot write it; switch that direction off or use another connector");
      }
    }
  }

  @Override
  public void start() {
    startConnectors();
    synchronized (this) {
      if (scheduler != null || stopping.get()) {
        return;
      }
      AtomicInteger n = new AtomicInteger();
      long scheduled = flows.values().stream().filter(f -> f.runEvery().isPresent()).count();
      if (scheduled == 0) {
        return;
      }
      scheduler = Executors.newScheduledThreadPool((int) Math.min(scheduled, 4), r -> {
        Thread t = new Thread(r, "tandem-scheduler-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      for (Flow<?> flow : flows.values()) {
        flow.runEvery().ifPresent(every -> scheduler.scheduleWithFixedDelay(() -> runScheduled(flow), 0, every.toMillis(), TimeUnit.MILLISECONDS));
      }
    }
  }

  private void runScheduled(Flow<?> flow) {
    if (stopping.get()) {
      return;
    }
    ReentrantLock lock = locks.get(flow.name());
    if (!lock.tryLock()) {
      return; // still running since the last tick
    }
    try {
      runLocked(flow);
    } catch (RuntimeException e) {
      LOG.error("scheduled run of flow {} failed", flow.name(), e);
    } finally {
      lock.unlock();
    }
  }

  private void startConnectors() {
    if (connectorsStarted.compareAndSet(false, true)) {
      ConnectorContext context = new ConnectorContext() {
        @Override
        public String originTag() {
          return settings.originTag();
        }

        @Override
        public Clock clock() {
          return settings.clock();
        }
      };
      for (Connector connector : settings.connectors().values()) {
        try {
          connector.start(context);
        } catch (RuntimeException e) {
          connectorsStarted.set(false);
          throw e;
        }
      }
    }
  }

  @Override
  public RunReport runOnce(String flowName) {
    Flow<?> flow = flow(flowName);
    if (stopping.get()) {
      return notRun(flow, RunReport.Status.STOPPED, "engine is stopping");
    }
    startConnectors();
    ReentrantLock lock = locks.get(flow.name());
    lock.lock();
    try {
      return runLocked(flow);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<RunReport> runAll() {
    List<RunReport> reports = new ArrayList<>();
    for (String name : flows.keySet()) {
      reports.add(runOnce(name));
    }
    return reports;
  }

  private RunReport runLocked(Flow<?> flow) {
    Optional<Lease> lease = acquire(flow.name());
    if (lease.isEmpty()) {
      RunReport report = notRun(flow, RunReport.Status.LEASE_UNAVAILABLE, "another node holds the lease of flow '" + flow.name() + "'");
      listeners.runFinished(report);
      return report;
    }
    listeners.runStarted(flow.name());
    RunReport report;
    try {
      report = newRun(flow, settings.store(), lease.get(), false).run();
    } finally {
      try {
        settings.store().releaseLease(lease.get());
      } catch (RuntimeException e) {
        LOG.warn("could not release the lease of flow {}: {}", flow.name(), e.toString());
      }
    }
    LOG.info("flow {} {}: {} in {} ms, {} pending, {} quarantined{}", flow.name(), report.status(), report.directions(),
        report.duration().toMillis(), report.pending(), report.quarantined(), report.detail().map(d -> " (" + d + ")").orElse(""));
    listeners.runFinished(report);
    return report;
  }

  private Optional<Lease> acquire(String flow) {
    Instant deadline = Instant.now().plus(settings.leaseWait());
    while (true) {
      Optional<Lease> lease = settings.store().acquireLease(flow, settings.nodeId(), settings.leaseTtl());
      if (lease.isPresent() || !Instant.now().isBefore(deadline)) {
        return lease;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  private <T> FlowRun<T> newRun(Flow<T> flow, StateStore store, Lease lease, boolean dryRun) {
    EnumMap<Side, Optional<ChangeReader<T>>> readers = new EnumMap<>(Side.class);
    EnumMap<Side, Optional<RecordWriter<T>>> writers = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      Connector connector = settings.connectors().get(flow.connector(side));
      readers.put(side, connector.can(flow.entityType(), Capability.Access.READ) ? connector.reader(flow.entityType()) : Optional.empty());
      writers.put(side, flow.syncs(side.other()) ? connector.writer(flow.entityType()) : Optional.empty());
    }
    return new FlowRun<>(flow, new FlowRun.RunServices(codec, settings, listeners), store, lease, dryRun, stopping::get, readers, writers);
  }

  private RunReport notRun(Flow<?> flow, RunReport.Status status, String detail) {
    Instant now = settings.clock().instant();
    return new RunReport(flow.name(), now, now, status, Optional.of(detail), Map.of(), List.of(), List.of(),
        settings.store().inboxSize(flow.name()), settings.store().quarantineSize(flow.name()));
  }

  @Override
  public DryRunReport dryRun(String flowName) {
    Flow<?> flow = flow(flowName);
    startConnectors();
    ReentrantLock lock = locks.get(flow.name());
    lock.lock();
    try {
      OverlayStateStore overlay = new OverlayStateStore(settings.store(), settings.clock());
      Lease lease = overlay.acquireLease(flow.name(), settings.nodeId(), settings.leaseTtl()).orElseThrow();
      FlowRun<?> run = newRun(flow, overlay, lease, true);
      RunReport report = run.run();
      if (report.status() != RunReport.Status.COMPLETED) {
        LOG.warn("dry run of flow {} ended {}: {}", flow.name(), report.status(), report.detail().orElse(""));
      }
      return new DryRunReport(flow.name(), run.planned(), run.conflicts(), run.failures());
    } finally {
      lock.unlock();
    }
  }

  @Override
  public QuarantineAdmin quarantine() {
    return new Admin();
  }

  @Override
  public int resync(String flowName, String connector, java.util.Collection<String> nativeIds) {
    Flow<?> flow = flow(flowName);
    Side side = flow.sideOf(connector).orElseThrow(() -> new ConfigurationException("flow '" + flowName
        + "' has no connector named '" + connector + "'"));
    if (nativeIds.isEmpty()) {
      return 0;
    }
    startConnectors();
    return new Admin().withLease(flow, lease -> {
      StateChanges.Builder changes = StateChanges.forFlow(flow.name());
      int staged = stage(flow, side, List.copyOf(nativeIds), changes);
      if (!changes.isEmpty()) {
        settings.store().commit(lease, changes.build());
      }
      return staged;
    });
  }

  private <T> int stage(Flow<T> flow, Side side, List<String> ids, StateChanges.Builder changes) {
    Connector connector = settings.connectors().get(flow.connector(side));
    ChangeReader<T> reader = connector.reader(flow.entityType()).orElseThrow(() -> new ConfigurationException("connector '"
        + connector.name() + "' cannot read " + flow.entityType()));
    int staged = 0;
    for (Change<T> c : reader.fetch(ids)) {
      if (c.kind() == Change.Kind.INVALID) {
        SyncError e = c.error().orElseThrow();
        int attempts = settings.store().quarantined(flow.name(), side, c.nativeId()).map(q -> q.attempts() + 1).orElse(1);
        changes.quarantine(new QuarantineEntry(flow.name(), side, c.nativeId(),
            settings.store().link(flow.name(), side, c.nativeId()).map(l -> l.side(side.other()).nativeId()), Optional.empty(),
            e.code(), e.message(), e.field(), attempts, settings.clock().instant()));
      } else {
        changes.stage(new StagedChange(side, c.nativeId(), c.kind(), c.value().map(codec::toJson), c.sourceTime(), c.sourceVersion(),
            c.origin()));
        staged++;
      }
    }
    return staged;
  }

  @Override
  public List<Flow<?>> flows() {
    return List.copyOf(flows.values());
  }

  @Override
  public Optional<Connector> connector(String name) {
    return Optional.ofNullable(settings.connectors().get(name));
  }

  private Flow<?> flow(String name) {
    Flow<?> flow = flows.get(name);
    if (flow == null) {
      throw new ConfigurationException("no flow named '" + name + "' (flows: " + flows.keySet() + ")");
    }
    return flow;
  }

  @Override
  public void stop(Duration timeout) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (scheduler != null) {
        scheduler.shutdown();
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<String, ReentrantLock> e : locks.entrySet()) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (e.getValue().tryLock(left, TimeUnit.NANOSECONDS)) {
          e.getValue().unlock();
        } else {
          LOG.warn("flow {} did not finish its batch within {}", e.getKey(), timeout);
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
    if (stopped.compareAndSet(false, true)) {
      for (Connector connector : settings.connectors().values()) {
        try {
          connector.close();
        } catch (RuntimeException ex) {
          LOG.warn("closing connector {} failed: {}", connector.name(), ex.toString());
        }
      }
      settings.store().close();
    }
  }

  /** Quarantine administration, fenced by the flow's lease like every other state change. */
  private final class Admin implements QuarantineAdmin {

    @Override
    public List<QuarantinedRecord> list(String flowName, int offset, int limit) {
      Flow<?> flow = flow(flowName);
      return settings.store().quarantine(flow.name(), offset, limit).stream().map(q -> toRecord(flow, q)).toList();
    }

    @Override
    public long count(String flowName) {
      return settings.store().quarantineSize(flow(flowName).name());
    }

    @Override
    public boolean retry(String flowName, String sourceConnector, String sourceId) {
      Flow<?> flow = flow(flowName);
      Side side = side(flow, sourceConnector);
      return withLease(flow, lease -> {
        Optional<QuarantineEntry> entry = settings.store().quarantined(flow.name(), side, sourceId);
        if (entry.isEmpty()) {
          return false;
        }
        StateChanges.Builder changes = StateChanges.forFlow(flow.name());
        requeue(flow, entry.get(), changes);
        settings.store().commit(lease, changes.build());
        return true;
      });
    }

    @Override
    public int retryAll(String flowName) {
      Flow<?> flow = flow(flowName);
      return withLease(flow, lease -> {
        int n = 0;
        while (true) {
          List<QuarantineEntry> page = settings.store().quarantine(flow.name(), n, 200);
          if (page.isEmpty()) {
            return n;
          }
          StateChanges.Builder changes = StateChanges.forFlow(flow.name());
          for (QuarantineEntry q : page) {
            requeue(flow, q, changes);
          }
          if (!changes.isEmpty()) {
            settings.store().commit(lease, changes.build());
          }
          n += page.size();
        }
      });
    }

    @Override
    public boolean discard(String flowName, String sourceConnector, String sourceId) {
      Flow<?> flow = flow(flowName);
      Side side = side(flow, sourceConnector);
      return withLease(flow, lease -> {
        if (settings.store().quarantined(flow.name(), side, sourceId).isEmpty()) {
          return false;
        }
        settings.store().commit(lease, StateChanges.forFlow(flow.name()).release(side, sourceId).build());
        return true;
      });
    }

    /** Puts the record back in the inbox; it stays listed in quarantine until a run syncs it. */
    private void requeue(Flow<?> flow, QuarantineEntry q, StateChanges.Builder changes) {
      if (settings.store().inboxEntry(flow.name(), q.sourceSide(), q.sourceId()).isPresent()) {
        return; // a newer change of the record is already waiting
      }
      if (q.change().isPresent()) {
        changes.stage(q.change().get());
        return;
      }
      startConnectors();
      reread(flow, q, changes);
    }

    private void reread(Flow<?> flow, QuarantineEntry q, StateChanges.Builder changes) {
      stage(flow, q.sourceSide(), List.of(q.sourceId()), changes);
    }

    <R> R withLease(Flow<?> flow, java.util.function.Function<Lease, R> work) {
      ReentrantLock lock = locks.get(flow.name());
      boolean locked;
      try {
        locked = lock.tryLock(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RetryableException("interrupted while waiting for flow '" + flow.name() + "'");
      }
      if (!locked) {
        throw new RetryableException("flow '" + flow.name() + "' is busy; try again later");
      }
      try {
        Lease lease = settings.store().acquireLease(flow.name(), settings.nodeId(), settings.leaseTtl())
            .orElseThrow(() -> new RetryableException("flow '" + flow.name() + "' is running on another node; try again later"));
        try {
          return work.apply(lease);
        } finally {
          settings.store().releaseLease(lease);
        }
      } finally {
        lock.unlock();
      }
    }

    private Side side(Flow<?> flow, String connector) {
      return flow.sideOf(connector).orElseThrow(() -> new ConfigurationException("flow '" + flow.name()
          + "' has no connector named '" + connector + "'"));
    }

    private QuarantinedRecord toRecord(Flow<?> flow, QuarantineEntry q) {
      return new QuarantinedRecord(flow.name(), flow.connector(q.sourceSide()), q.sourceId(), q.targetId(),
          new SyncError(q.code(), q.message(), q.field(), false), q.attempts(), q.quarantinedAt());
    }
  }
}
