package io.github.tandemsync.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.retry.Retry;
import io.github.tandemsync.core.BudgetExhaustedException;
import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeHistoryLostException;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.engine.Conflict;
import io.github.tandemsync.engine.ConflictResolver;
import io.github.tandemsync.engine.DeletePolicy;
import io.github.tandemsync.engine.Direction;
import io.github.tandemsync.engine.DirectionCounts;
import io.github.tandemsync.engine.FailedRecord;
import io.github.tandemsync.engine.FieldConflict;
import io.github.tandemsync.engine.FieldPolicy;
import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.PlannedWrite;
import io.github.tandemsync.engine.Progress;
import io.github.tandemsync.engine.RunReport;
import io.github.tandemsync.engine.state.Side;
import io.github.tandemsync.engine.state.InboxEntry;
import io.github.tandemsync.engine.state.Intent;
import io.github.tandemsync.engine.state.Lease;
import io.github.tandemsync.engine.state.LeaseLostException;
import io.github.tandemsync.engine.state.LinkRecord;
import io.github.tandemsync.engine.state.QuarantineEntry;
import io.github.tandemsync.engine.state.SideState;
import io.github.tandemsync.engine.state.StagedChange;
import io.github.tandemsync.engine.state.StateChanges;
import io.github.tandemsync.engine.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one flow: capture each enabled source's changes into the inbox (watermark and staged
 * changes committed together), reconcile deletes when due, then merge and write the inbox batch by
 * batch, committing each batch's outcome (links, quarantine, inbox) in one fenced unit of work.
 */
final class FlowRun<T> {
  private static final Logger LOG = LoggerFactory.getLogger(FlowRun.class);
  private static final int KEEP_IN_REPORT = 500;

  private final Flow<T> flow;
  private final Class<T> type;
  private final RunServices services;
  private final StateStore store;
  private Lease lease;
  private final boolean dryRun;
  private final BooleanSupplier stopping;
  private final EnumMap<Side, Optional<ChangeReader<T>>> readers = new EnumMap<>(Side.class);
  private final EnumMap<Side, Optional<RecordWriter<T>>> writers = new EnumMap<>(Side.class);
  private final EnumMap<Side, FieldSet> readFields = new EnumMap<>(Side.class);
  private final EnumMap<Side, FieldSet> writeFields = new EnumMap<>(Side.class);
  private final EnumMap<Side, Counts> counts = new EnumMap<>(Side.class);
  private final List<Conflict> conflicts = new ArrayList<>();
  private final List<FailedRecord> failures = new ArrayList<>();
  private final List<PlannedWrite> planned = new ArrayList<>();
  private RunReport.Status status = RunReport.Status.COMPLETED;
  private @Nullable String detail;
  private long dryRunIds;

  /** What a run needs from its engine. */
  record RunServices(CanonicalCodec codec, EngineSettings settings, Listeners listeners) {}

  FlowRun(Flow<T> flow, RunServices services, StateStore store, Lease lease, boolean dryRun, BooleanSupplier stopping,
      EnumMap<Side, Optional<ChangeReader<T>>> readers, EnumMap<Side, Optional<RecordWriter<T>>> writers) {
    this.flow = flow;
    this.type = flow.entityType().javaType();
    this.services = services;
    this.store = store;
    this.lease = lease;
    this.dryRun = dryRun;
    this.stopping = stopping;
    this.readers.putAll(readers);
    this.writers.putAll(writers);
    for (Side side : Side.values()) {
      readFields.put(side, readers.get(side).map(ChangeReader::fields).orElse(FieldSet.all()));
      writeFields.put(side, writers.get(side).map(RecordWriter::fields).orElse(FieldSet.of()));
      counts.put(side, new Counts());
    }
  }

  List<PlannedWrite> planned() {
    return planned;
  }

  List<Conflict> conflicts() {
    return conflicts;
  }

  List<FailedRecord> failures() {
    return failures;
  }

  RunReport run() {
    Instant started = services.settings().clock().instant();
    try {
      for (Side side : Side.values()) {
        if (flow.syncs(side) && status == RunReport.Status.COMPLETED) {
          capture(side);
        }
      }
      if (!dryRun) {
        for (Side side : Side.values()) {
          if (flow.syncs(side) && status == RunReport.Status.COMPLETED) {
            reconcileIfDue(side);
          }
        }
      }
      if (status == RunReport.Status.COMPLETED) {
        process();
      }
    } catch (LeaseLostException e) {
      stop(RunReport.Status.LEASE_LOST, e.getMessage());
    } catch (BudgetExhaustedException e) {
      stop(RunReport.Status.BUDGET_EXHAUSTED, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("flow {} failed: {}", flow.name(), e.toString(), e);
      stop(RunReport.Status.FAILED, describe(e));
    }
    Map<Direction, DirectionCounts> directions = new LinkedHashMap<>();
    for (Side side : Side.values()) {
      if (flow.syncs(side)) {
        directions.put(flow.direction(side), counts.get(side).snapshot());
      }
    }
    return new RunReport(flow.name(), started, services.settings().clock().instant(), status, Optional.ofNullable(detail),
        directions, conflicts, failures, store.inboxSize(flow.name()), store.quarantineSize(flow.name()));
  }

  private void stop(RunReport.Status newStatus, @Nullable String why) {
    if (status == RunReport.Status.COMPLETED) {
      status = newStatus;
      detail = why;
    }
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  // ------------------------------------------------------------------ capture

  private String changeStream(Side side) {
    return "changes:" + side.name().toLowerCase(Locale.ROOT);
  }

  private void capture(Side side) {
    ChangeReader<T> reader = readers.get(side).orElseThrow();
    String connector = flow.connector(side);
    Watermark position = store.watermark(flow.name(), changeStream(side)).orElse(Watermark.initial());
    long captured = 0;
    while (true) {
      if (stopping.getAsBoolean()) {
        stop(RunReport.Status.STOPPED, "stop requested");
        return;
      }
      Watermark from = position;
      ChangePage<T> page;
      try {
        page = withReadRetry("read " + connector, () -> reader.read(from, flow.batchSize()));
      } catch (ChangeHistoryLostException lost) {
        // the source cannot tell what was deleted since the watermark: compare key sets instead
        LOG.warn("flow {}: {} lost its change history ({}); reconciling key sets", flow.name(), connector, lost.getMessage());
        reconcile(side);
        commit(StateChanges.forFlow(flow.name()).watermark(changeStream(side), lost.resumeAt()));
        position = lost.resumeAt();
        continue;
      }
      StateChanges.Builder changes = StateChanges.forFlow(flow.name());
      boolean anyParked = store.quarantineSize(flow.name()) > 0;
      for (Change<T> change : page.changes()) {
        counts.get(side).read++;
        if (change.kind() == Change.Kind.INVALID) {
          SyncError error = change.error().orElseThrow();
          Optional<String> targetId = store.link(flow.name(), side, change.nativeId()).map(l -> l.side(side.other()).nativeId());
          quarantine(changes, side, change.nativeId(), targetId, Optional.empty(), error, Optional.empty());
        } else {
          StagedChange staged = new StagedChange(side, change.nativeId(), change.kind(),
              change.value().map(v -> services.codec().toJson(v)), change.sourceTime(), change.sourceVersion(), change.origin());
          if (anyParked && parkedUnchanged(side, staged)) {
            // reported again as it was when it failed (a rescan): it stays parked until it changes or
            // an operator retries it, instead of failing again, at a write's cost, on every run
            counts.get(side).skipped++;
            continue;
          }
          changes.stage(staged);
          changes.release(side, change.nativeId());
        }
      }
      changes.watermark(changeStream(side), page.next());
      commit(changes);
      captured += page.changes().size();
      services.listeners().progress(new Progress(flow.name(), Progress.Phase.CAPTURE, Optional.of(connector), captured, Optional.empty()));
      if (!page.hasMore()) {
        return;
      }
      if (page.next().equals(position) && page.changes().isEmpty()) {
        stop(RunReport.Status.FAILED, "connector " + connector + " reported more changes but did not advance its watermark");
        return;
      }
      position = page.next();
    }
  }

  /** Whether the record is in quarantine with exactly this content. */
  private boolean parkedUnchanged(Side side, StagedChange staged) {
    return store.quarantined(flow.name(), side, staged.nativeId())
        .flatMap(QuarantineEntry::change)
        .map(parked -> parked.kind() == staged.kind() && sameJson(parked.valueJson(), staged.valueJson()))
        .orElse(false);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper TREES = new com.fasterxml.jackson.databind.ObjectMapper();

  /** Equal JSON documents, whatever the order of their object members (maps iterate differently across JVMs). */
  private static boolean sameJson(Optional<String> a, Optional<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    if (a.get().equals(b.get())) {
      return true;
    }
    try {
      return TREES.readTree(a.get()).equals(TREES.readTree(b.get()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }

  private <R> R withReadRetry(String what, java.util.function.Supplier<R> call) {
    Retry retry = WriteExecutor.retry(flow.name() + ":" + what, services.settings().retry());
    return retry.executeSupplier(call);
  }

  // ------------------------------------------------------------------ reconcile

  private void reconcileIfDue(Side side) {
    if (flow.reconcileEvery().isEmpty() || readers.get(side).isEmpty() || readers.get(side).get().reportsDeletes()) {
      return; // a side whose reads report deletes needs no key-set comparison
    }
    String stream = "reconcile:" + side.name().toLowerCase(Locale.ROOT);
    Instant now = services.settings().clock().instant();
    Optional<Instant> last = store.watermark(flow.name(), stream).filter(w -> !w.isInitial()).map(w -> Instant.parse(w.value()));
    if (last.isPresent() && last.get().plus(flow.reconcileEvery().get()).isAfter(now)) {
      return;
    }
    reconcile(side);
    if (!stopping.getAsBoolean()) {
      commit(StateChanges.forFlow(flow.name()).watermark(stream, Watermark.of(now.toString())));
    }
  }

  /** Stages a delete for every record linked on {@code side} that its connector no longer has. */
  private void reconcile(Side side) {
    ChangeReader<T> reader = readers.get(side).orElseThrow();
    String after = "";
    long checked = 0;
    while (!stopping.getAsBoolean()) {
      List<LinkRecord> links = store.links(flow.name(), side, after, flow.batchSize());
      if (links.isEmpty()) {
        break;
      }
      after = links.get(links.size() - 1).side(side).nativeId();
      List<String> ids = links.stream().filter(l -> !l.side(side).deleted()).map(l -> l.side(side).nativeId()).toList();
      if (ids.isEmpty()) {
        continue;
      }
      List<Change<T>> found = withReadRetry("fetch " + flow.connector(side), () -> reader.fetch(ids));
      Set<String> present = new HashSet<>();
      for (Change<T> c : found) {
        if (c.kind() != Change.Kind.DELETE) {
          present.add(c.nativeId());
        }
      }
      StateChanges.Builder changes = StateChanges.forFlow(flow.name());
      for (String id : ids) {
        if (!present.contains(id) && store.inboxEntry(flow.name(), side, id).isEmpty()) {
          changes.stage(new StagedChange(side, id, Change.Kind.DELETE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
          counts.get(side).read++;
        }
      }
      if (!changes.isEmpty()) {
        commit(changes);
      }
      checked += ids.size();
      services.listeners().progress(new Progress(flow.name(), Progress.Phase.RECONCILE, Optional.of(flow.connector(side)), checked, Optional.empty()));
    }
  }

  // ------------------------------------------------------------------ process

  private void process() {
    long total = store.inboxSize(flow.name());
    long done = 0;
    long afterSeq = 0;
    while (status == RunReport.Status.COMPLETED) {
      if (stopping.getAsBoolean()) {
        stop(RunReport.Status.STOPPED, "stop requested");
        return;
      }
      List<InboxEntry> page = store.inbox(flow.name(), afterSeq, flow.batchSize());
      if (page.isEmpty()) {
        return;
      }
      afterSeq = page.get(page.size() - 1).seq();
      processBatch(page);
      done += page.size();
      services.listeners().progress(new Progress(flow.name(), Progress.Phase.WRITE, Optional.empty(), done,
          Optional.of(Math.max(done, total))));
    }
  }

  private void processBatch(List<InboxEntry> page) {
    List<Unit<T>> units = buildUnits(page);
    match(units);
    for (Unit<T> unit : units) {
      if (!unit.absorbed) {
        try {
          plan(unit);
        } catch (InvalidRecordException e) {
          unit.ops.clear();
          fail(unit, unit.entries.keySet().iterator().next(), new SyncError("INVALID_RECORD", e.getMessage(), e.field(), false));
        }
      }
    }
    List<Unit<T>> live = units.stream().filter(u -> !u.absorbed).toList();
    recordIntents(live);
    Optional<RuntimeException> abort = executeWrites(live, false);
    if (abort.isEmpty()) {
      planFollowUps(live);
      abort = executeWrites(live, true);
    }
    StateChanges.Builder changes = StateChanges.forFlow(flow.name());
    for (Unit<T> unit : live) {
      finish(unit, changes);
    }
    commit(changes);
    abort.ifPresent(this::abortFrom);
  }

  private void abortFrom(RuntimeException e) {
    if (e instanceof BudgetExhaustedException) {
      stop(RunReport.Status.BUDGET_EXHAUSTED, e.getMessage());
    } else if (e instanceof LeaseLostException) {
      stop(RunReport.Status.LEASE_LOST, e.getMessage());
    } else {
      LOG.warn("flow {}: writes stopped: {}", flow.name(), e.toString());
      stop(RunReport.Status.FAILED, describe(e));
    }
  }

  private List<Unit<T>> buildUnits(List<InboxEntry> page) {
    Map<String, InboxEntry> inPage = new HashMap<>();
    for (InboxEntry e : page) {
      inPage.put(key(e.change().side(), e.change().nativeId()), e);
    }
    Set<String> consumed = new HashSet<>();
    List<Unit<T>> units = new ArrayList<>();
    for (InboxEntry e : page) {
      Side side = e.change().side();
      String id = e.change().nativeId();
      if (!consumed.add(key(side, id))) {
        continue;
      }
      Unit<T> unit = new Unit<>(store.link(flow.name(), side, id));
      unit.entries.put(side, e);
      unit.ids.put(side, id);
      unit.link.ifPresent(link -> {
        String otherId = link.side(side.other()).nativeId();
        String otherKey = key(side.other(), otherId);
        if (!consumed.contains(otherKey)) {
          InboxEntry other = inPage.get(otherKey);
          if (other == null) {
            other = store.inboxEntry(flow.name(), side.other(), otherId).orElse(null);
          }
          if (other != null) {
            unit.entries.put(side.other(), other);
            consumed.add(otherKey);
          }
        }
      });
      load(unit);
      units.add(unit);
    }
    return units;
  }

  private static String key(Side side, String id) {
    return side.name() + ":" + id;
  }

  /** Parses staged values and snapshots into field values. */
  private void load(Unit<T> unit) {
    for (Side side : Side.values()) {
      unit.link.ifPresent(l -> unit.base.put(side, snapshot(l.side(side))));
      if (!unit.base.containsKey(side)) {
        unit.base.put(side, FieldValues.empty());
      }
      unit.current.put(side, unit.base.get(side));
      InboxEntry e = unit.entries.get(side);
      if (e != null) {
        e.change().sourceTime().ifPresent(t -> unit.times.put(side, Optional.of(t)));
        if (e.change().kind() == Change.Kind.UPSERT) {
          try {
            T value = services.codec().fromJson(e.change().valueJson().orElseThrow(), type);
            unit.values.put(side, value);
            unit.current.put(side, services.codec().flatten(value));
          } catch (InvalidRecordException ex) {
            fail(unit, side, new SyncError("INVALID_RECORD", ex.getMessage(), ex.field(), false));
          }
        }
      }
    }
  }

  private FieldValues snapshot(SideState state) {
    JsonNode tree = services.codec().readTree(state.snapshot());
    Map<String, JsonNode> values = new LinkedHashMap<>();
    tree.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
    return new FieldValues(values);
  }

  // ------------------------------------------------------------------ matching

  /** Links unlinked records to existing counterparts found by natural key, before any create. */
  private void match(List<Unit<T>> units) {
    if (flow.matchKeys().isEmpty()) {
      return;
    }
    Map<String, Unit<T>> unlinkedByKey = new HashMap<>();
    for (Unit<T> u : units) {
      if (!u.isLinked() && u.failure == null && u.entries.size() == 1) {
        unlinkedByKey.put(key(u.onlySide(), u.id(u.onlySide()).orElseThrow()), u);
      }
    }
    Set<String> claimed = new HashSet<>();
    for (Side source : Side.values()) {
      Side target = source.other();
      if (!flow.syncs(source) || readers.get(target).isEmpty()) {
        continue;
      }
      // records that may not be created on the target are not matched either (they sync once linked):
      // lookups cost calls on metered targets
      List<Unit<T>> candidates = units.stream()
          .filter(u -> !u.isLinked() && !u.absorbed && u.failure == null && u.entries.size() == 1
              && u.onlySide() == source && u.hasUpsert(source) && flow.mayCreateFrom(source, u.values.get(source)))
          .toList();
      if (candidates.isEmpty()) {
        continue;
      }
      Set<Unit<T>> open = new LinkedHashSet<>(candidates);
      for (String keyField : flow.matchKeys()) {
        Map<String, List<Unit<T>>> byValue = new LinkedHashMap<>();
        for (Unit<T> u : open) {
          u.current.get(source).display(keyField).map(FlowRun::normaliseKey).filter(v -> !v.isEmpty())
              .ifPresent(v -> byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(u));
        }
        if (byValue.isEmpty()) {
          continue;
        }
        List<String> values = byValue.values().stream().map(list -> list.get(0).current.get(source).display(keyField).orElseThrow().strip()).toList();
        List<Change<T>> found = withReadRetry("match " + flow.connector(target), () -> readers.get(target).get().findByKey(keyField, values));
        Map<String, List<Change<T>>> hits = new HashMap<>();
        for (Change<T> c : found) {
          if (c.kind() != Change.Kind.UPSERT) {
            continue;
          }
          services.codec().flatten(c.value().orElseThrow()).display(keyField).map(FlowRun::normaliseKey)
              .ifPresent(v -> hits.computeIfAbsent(v, k -> new ArrayList<>()).add(c));
        }
        for (Map.Entry<String, List<Unit<T>>> e : byValue.entrySet()) {
          List<Change<T>> matches = hits.getOrDefault(e.getKey(), List.of());
          if (matches.isEmpty()) {
            continue;
          }
          for (Unit<T> u : e.getValue()) {
            open.remove(u);
            String sourceId = u.id(source).orElseThrow();
            if (matches.size() > 1 || e.getValue().size() > 1) {
              fail(u, source, new SyncError("AMBIGUOUS_MATCH", flow.entityType() + " " + sourceId + " matches "
                  + matches.size() + " record(s) on " + flow.connector(target) + " and " + e.getValue().size()
                  + " record(s) on " + flow.connector(source) + " by " + keyField + " '" + e.getKey()
                  + "'; fix the duplicates, then retry", Optional.of(keyField), false));
              continue;
            }
            Change<T> match = matches.get(0);
            Optional<LinkRecord> existing = store.link(flow.name(), target, match.nativeId());
            if (existing.isPresent() || !claimed.add(key(target, match.nativeId()))) {
              fail(u, source, new SyncError("ALREADY_LINKED", flow.entityType() + " " + sourceId + " matches "
                  + flow.connector(target) + " record " + match.nativeId() + " by " + keyField + " '" + e.getKey()
                  + "', which is already linked to another record", Optional.of(keyField), false));
              continue;
            }
            absorbMatch(u, target, match, unlinkedByKey);
          }
        }
      }
    }
  }

  private void absorbMatch(Unit<T> unit, Side target, Change<T> match, Map<String, Unit<T>> unlinkedByKey) {
    unit.matchedSide = target;
    unit.matched = match;
    unit.ids.put(target, match.nativeId());
    T value = match.value().orElseThrow();
    unit.values.put(target, value);
    unit.current.put(target, services.codec().flatten(value));
    unit.times.put(target, match.sourceTime());
    Unit<T> other = unlinkedByKey.get(key(target, match.nativeId()));
    if (other != null && other != unit) {
      other.absorbed = true;
      unit.entries.put(target, other.entries.get(target));
    } else {
      store.inboxEntry(flow.name(), target, match.nativeId()).ifPresent(e -> unit.entries.put(target, e));
    }
  }

  private static String normaliseKey(String value) {
    return value.strip().toUpperCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ planning

  private void plan(Unit<T> unit) {
    if (unit.failure != null) {
      return;
    }
    if (unit.isLinked()) {
      planLinked(unit);
    } else if (unit.matched != null) {
      merge(unit, false);
    } else {
      planUnlinked(unit);
    }
  }

  private void planUnlinked(Unit<T> unit) {
    Side source = unit.onlySide();
    Side target = source.other();
    if (!unit.hasUpsert(source)) {
      unit.skipReason = "deleted before it was ever linked";
      return;
    }
    if (!flow.syncs(source)) {
      unit.skipReason = "direction off";
      return;
    }
    T value = unit.values.get(source);
    if (!flow.mayCreateFrom(source, value)) {
      unit.skipReason = "not eligible for creation on " + flow.connector(target);
      return;
    }
    if (writers.get(target).isEmpty()) {
      unit.skipReason = "no writer on " + flow.connector(target);
      return;
    }
    FieldValues sent = unit.current.get(source);
    Set<String> fields = new TreeSet<>();
    for (String p : sent.paths()) {
      if (writeFields.get(target).contains(p)) {
        fields.add(p);
      }
    }
    FieldValues expected = FieldValues.empty().overlay(sent, fields);
    unit.ops.add(new Unit.Op<>(target, source, PlannedWrite.Operation.CREATE, value, fields, expected, false));
  }

  private void planLinked(Unit<T> unit) {
    for (Side side : Side.values()) {
      if (unit.deleted.get(side) && unit.hasUpsert(side)) {
        unit.deleted.put(side, false); // the record came back
      }
    }
    boolean leftGone = unit.hasDelete(Side.LEFT) || unit.deleted.get(Side.LEFT);
    boolean rightGone = unit.hasDelete(Side.RIGHT) || unit.deleted.get(Side.RIGHT);
    if (leftGone && rightGone) {
      unit.removeLink = true;
      unit.skipReason = "deleted on both sides";
      return;
    }
    for (Side side : Side.values()) {
      if (unit.deleted.get(side) && !unit.hasDelete(side)) {
        unit.skipReason = "counterpart deleted on " + flow.connector(side);
        return;
      }
    }
    for (Side side : Side.values()) {
      if (unit.hasDelete(side)) {
        planDelete(unit, side);
        return;
      }
    }
    merge(unit, true);
  }

  private void planDelete(Unit<T> unit, Side from) {
    Side target = from.other();
    unit.deleted.put(from, true);
    if (!flow.syncs(from)) {
      unit.skipReason = "deleted on " + flow.connector(from) + "; direction off";
      return;
    }
    boolean targetChanged = unit.hasUpsert(target)
        && !unit.current.get(target).diff(unit.base.get(target), readFields.get(target)).isEmpty();
    DeletePolicy policy = flow.deletePolicy();
    if (policy instanceof DeletePolicy.Propagate) {
      if (targetChanged) {
        unit.removeLink = true;
        conflict(unit, "(record)", from == Side.LEFT ? Optional.of("deleted") : Optional.of("changed"),
            from == Side.LEFT ? Optional.of("changed") : Optional.of("deleted"), target,
            "deleted on " + flow.connector(from) + " but changed on " + flow.connector(target) + ": kept, unlinked");
        return;
      }
      if (writers.get(target).isEmpty()) {
        unit.skipReason = "no writer on " + flow.connector(target);
        return;
      }
      unit.ops.add(new Unit.Op<>(target, from, PlannedWrite.Operation.DELETE, null, Set.of(), FieldValues.empty(), false));
    } else if (policy instanceof DeletePolicy.MarkInactive mark) {
      if (writers.get(target).isEmpty() || !writeFields.get(target).contains(mark.field())) {
        unit.skipReason = flow.connector(target) + " does not write " + mark.field();
        return;
      }
      JsonNode node = services.codec().mapper().valueToTree(mark.value());
      FieldValues after = unit.current.get(target).with(mark.field(), node);
      if (after.sameAt(unit.current.get(target), mark.field())) {
        unit.skipReason = "already inactive";
        return;
      }
      T value = services.codec().unflatten(after, type);
      unit.ops.add(new Unit.Op<>(target, from, PlannedWrite.Operation.UPDATE, value, Set.of(mark.field()), after, false));
    } else {
      unit.skipReason = "deleted on " + flow.connector(from) + "; deletes are ignored";
    }
  }

  /** Field-level merge; {@code withBase} false for a fresh match, where nothing is known yet. */
  private void merge(Unit<T> unit, boolean withBase) {
    Map<String, Side> winners = new LinkedHashMap<>();
    if (withBase) {
      EnumMap<Side, Set<String>> changed = new EnumMap<>(Side.class);
      for (Side side : Side.values()) {
        changed.put(side, unit.hasUpsert(side)
            ? unit.current.get(side).diff(unit.base.get(side), readFields.get(side)) : Set.of());
      }
      Set<String> paths = new TreeSet<>(changed.get(Side.LEFT));
      paths.addAll(changed.get(Side.RIGHT));
      for (String p : paths) {
        boolean l = changed.get(Side.LEFT).contains(p);
        boolean r = changed.get(Side.RIGHT).contains(p);
        if (l && r) {
          if (unit.current.get(Side.LEFT).sameAt(unit.current.get(Side.RIGHT), p)) {
            continue; // both made the same edit
          }
          winners.put(p, resolve(unit, p));
        } else {
          Side editor = l ? Side.LEFT : Side.RIGHT;
          FieldPolicy policy = flow.policyFor(p);
          if (policy instanceof FieldPolicy.OwnedBy owned && flow.sideOf(owned.connector()).orElseThrow() != editor) {
            Side owner = editor.other();
            if (flow.syncs(owner) && writeFields.get(editor).contains(p) && readFields.get(owner).contains(p)) {
              winners.put(p, owner);
              conflict(unit, p, unit.current.get(Side.LEFT).display(p), unit.current.get(Side.RIGHT).display(p), owner,
                  "edit on " + flow.connector(editor) + " overridden: owned by " + owned.connector());
            }
          } else {
            winners.put(p, editor);
          }
        }
      }
    } else {
      Set<String> paths = new TreeSet<>(unit.current.get(Side.LEFT).paths());
      paths.addAll(unit.current.get(Side.RIGHT).paths());
      for (String p : paths) {
        if (!readFields.get(Side.LEFT).contains(p) || !readFields.get(Side.RIGHT).contains(p)
            || unit.current.get(Side.LEFT).sameAt(unit.current.get(Side.RIGHT), p)) {
          continue;
        }
        boolean l = unit.current.get(Side.LEFT).get(p).isPresent();
        boolean r = unit.current.get(Side.RIGHT).get(p).isPresent();
        winners.put(p, l && r ? resolve(unit, p) : (l ? Side.LEFT : Side.RIGHT)); // fill gaps, never erase
      }
    }
    EnumMap<Side, Set<String>> toSend = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      toSend.put(side, new TreeSet<>());
    }
    for (Map.Entry<String, Side> w : winners.entrySet()) {
      String p = w.getKey();
      Side winner = w.getValue();
      Side loser = winner.other();
      if (flow.syncs(winner) && writers.get(loser).isPresent() && writeFields.get(loser).contains(p)
          && !unit.current.get(loser).sameAt(unit.current.get(winner), p)) {
        toSend.get(loser).add(p);
      }
    }
    for (Side target : Side.values()) {
      Set<String> fields = toSend.get(target);
      if (fields.isEmpty()) {
        continue;
      }
      FieldValues after = unit.current.get(target).overlay(unit.current.get(target.other()), fields);
      T value = services.codec().unflatten(after, type);
      unit.ops.add(new Unit.Op<>(target, target.other(), PlannedWrite.Operation.UPDATE, value, fields, after, false));
    }
    if (unit.ops.isEmpty()) {
      boolean anyChange = false;
      for (Side side : Side.values()) {
        anyChange |= unit.hasUpsert(side) && !unit.current.get(side).diff(unit.base.get(side), readFields.get(side)).isEmpty();
      }
      unit.skipReason = withBase && !anyChange ? "no mapped field changed (echo or no-op)" : "nothing to write";
    }
  }

  private Side resolve(Unit<T> unit, String path) {
    FieldPolicy policy = flow.policyFor(path);
    Side winner;
    String rule;
    if (policy instanceof FieldPolicy.OwnedBy o) {
      winner = flow.sideOf(o.connector()).orElseThrow();
      rule = "owned by " + o.connector();
    } else if (policy instanceof FieldPolicy.Preferred p) {
      winner = flow.sideOf(p.connector()).orElseThrow();
      rule = "preferred " + p.connector();
    } else if (policy instanceof FieldPolicy.LastWriterWins lww) {
      Optional<Instant> l = unit.times.get(Side.LEFT);
      Optional<Instant> r = unit.times.get(Side.RIGHT);
      if (l.isPresent() && r.isPresent() && !l.get().equals(r.get())) {
        winner = l.get().isAfter(r.get()) ? Side.LEFT : Side.RIGHT;
        rule = "last writer";
      } else {
        winner = flow.sideOf(lww.tieBreaker()).orElseThrow();
        rule = "last writer: tie or unknown time, " + lww.tieBreaker() + " breaks ties";
      }
    } else {
      ConflictResolver resolver = ((FieldPolicy.Custom) policy).resolver();
      FieldConflict<T> conflict = new FieldConflict<>(flow.name(), path, flow.connector(Side.LEFT), flow.connector(Side.RIGHT),
          valueOf(unit, Side.LEFT), valueOf(unit, Side.RIGHT), unit.current.get(Side.LEFT).display(path),
          unit.current.get(Side.RIGHT).display(path), unit.times.get(Side.LEFT), unit.times.get(Side.RIGHT));
      winner = resolver.resolve(conflict) == ConflictResolver.Winner.LEFT ? Side.LEFT : Side.RIGHT;
      rule = "custom resolver";
    }
    conflict(unit, path, unit.current.get(Side.LEFT).display(path), unit.current.get(Side.RIGHT).display(path), winner, rule);
    return winner;
  }

  private T valueOf(Unit<T> unit, Side side) {
    T value = unit.values.get(side);
    return value != null ? value : services.codec().unflatten(unit.current.get(side), type);
  }

  private void conflict(Unit<T> unit, String field, Optional<String> left, Optional<String> right, Side winner, String rule) {
    Conflict c = new Conflict(flow.name(), field, unit.id(Side.LEFT).orElse("?"), unit.id(Side.RIGHT).orElse("?"), left, right,
        flow.connector(winner), rule);
    unit.conflicts.add(c);
  }

  // ------------------------------------------------------------------ follow-ups

  /**
   * When a target reports values it assigned itself (a document number, a generated code), passes
   * them back to the source side in the same run so the next run has nothing left to do.
   */
  private void planFollowUps(List<Unit<T>> units) {
    for (Unit<T> unit : units) {
      List<Unit.Op<T>> more = new ArrayList<>();
      for (Unit.Op<T> op : unit.ops) {
        if (op.followUp || !op.succeeded() || op.outcome.stored().isEmpty() || op.kind == PlannedWrite.Operation.DELETE) {
          continue;
        }
        Side written = op.target;
        Side back = written.other();
        FieldValues stored = services.codec().flatten(op.outcome.stored().get());
        if (!flow.syncs(written) || writers.get(back).isEmpty()) {
          continue;
        }
        FieldValues backCurrent = unit.current.get(back);
        Set<String> fields = new TreeSet<>();
        Set<String> paths = new TreeSet<>(stored.paths());
        paths.addAll(op.expectedAfter.paths());
        for (String p : paths) {
          if (readFields.get(written).contains(p) && writeFields.get(back).contains(p)
              && !stored.sameAt(op.expectedAfter, p) && !stored.sameAt(backCurrent, p)
              && stored.get(p).isPresent()
              && !(flow.policyFor(p) instanceof FieldPolicy.OwnedBy o && flow.sideOf(o.connector()).orElseThrow() == back)) {
            fields.add(p);
          }
        }
        if (fields.isEmpty() || unit.id(back).isEmpty()) {
          continue;
        }
        FieldValues after = backCurrent.overlay(stored, fields);
        T value = services.codec().unflatten(after, type);
        more.add(new Unit.Op<>(back, written, PlannedWrite.Operation.UPDATE, value, fields, after, true));
      }
      unit.ops.addAll(more);
    }
  }

  // ------------------------------------------------------------------ writing

  private void recordIntents(List<Unit<T>> units) {
    StateChanges.Builder intents = StateChanges.forFlow(flow.name());
    Instant now = services.settings().clock().instant();
    for (Unit<T> unit : units) {
      for (Unit.Op<T> op : unit.ops) {
        String sourceId = unit.id(op.source).orElseThrow();
        if (op.kind == PlannedWrite.Operation.CREATE) {
          Optional<Intent> existing = store.intent(flow.name(), op.target, sourceId);
          String key = existing.map(Intent::idempotencyKey)
              .orElseGet(() -> Keys.of("TK", flow.name(), op.target.name(), sourceId, UUID.randomUUID().toString()));
          if (existing.isEmpty()) {
            intents.putIntent(new Intent(flow.name(), op.target, sourceId, key, now));
            op.newIntent = true;
          }
          op.request = WriteRequest.create(op.value, key);
        }
      }
    }
    if (!intents.isEmpty()) {
      commit(intents);
    }
  }

  private Optional<RuntimeException> executeWrites(List<Unit<T>> units, boolean followUps) {
    Optional<RuntimeException> abort = Optional.empty();
    for (Side target : Side.values()) {
      List<Unit.Op<T>> ops = new ArrayList<>();
      for (Unit<T> unit : units) {
        for (Unit.Op<T> op : unit.ops) {
          if (op.target == target && op.followUp == followUps && op.outcome == null) {
            if (op.request == null) {
              op.request = request(unit, op);
            }
            ops.add(op);
          }
        }
      }
      if (ops.isEmpty()) {
        continue;
      }
      if (abort.isPresent()) {
        continue; // leave them unattempted: they stay in the inbox
      }
      if (dryRun) {
        for (Unit.Op<T> op : ops) {
          op.outcome = simulate(op);
        }
        continue;
      }
      RecordWriter<T> writer = writers.get(target).orElseThrow();
      WriteExecutor<T> executor = new WriteExecutor<>(writer, flow.batchSize(), services.settings().retry(),
          flow.name() + ":write " + flow.connector(target));
      WriteExecutor.Result<T> result = executor.execute(ops.stream().map(op -> op.request).toList());
      for (int i = 0; i < ops.size(); i++) {
        ops.get(i).outcome = result.outcomes().get(i);
      }
      abort = result.abort();
    }
    return abort;
  }

  private WriteRequest<T> request(Unit<T> unit, Unit.Op<T> op) {
    String targetId = unit.id(op.target).orElseThrow();
    if (op.kind == PlannedWrite.Operation.DELETE) {
      return WriteRequest.delete(targetId, Keys.of("TD", flow.name(), op.target.name(), targetId));
    }
    String key = Keys.of("TU", flow.name(), op.target.name(), targetId, op.expectedAfter.hash(FieldSet.all()));
    return WriteRequest.update(targetId, op.value, op.fields, key);
  }

  private WriteOutcome<T> simulate(Unit.Op<T> op) {
    return switch (op.kind) {
      case CREATE -> WriteOutcome.created("dry-run-" + (++dryRunIds));
      case UPDATE -> WriteOutcome.updated(op.request.targetId().orElseThrow());
      case DELETE -> WriteOutcome.deleted(op.request.targetId().orElseThrow());
    };
  }

  // ------------------------------------------------------------------ finishing

  private void finish(Unit<T> unit, StateChanges.Builder changes) {
    Instant now = services.settings().clock().instant();
    for (Unit.Op<T> op : unit.ops) {
      if (op.succeeded() && op.kind == PlannedWrite.Operation.CREATE) {
        unit.ids.put(op.target, op.outcome.nativeId().orElseThrow());
      }
    }
    boolean allOk = unit.failure == null && unit.ops.stream().allMatch(Unit.Op::succeeded);
    boolean untouched = !unit.ops.isEmpty() && unit.ops.stream().allMatch(op -> op.outcome == null);
    if (untouched && unit.failure == null) {
      return; // not attempted (the run stopped): everything stays as it was
    }
    boolean anyDeferred = unit.ops.stream().anyMatch(Unit.Op::deferred);
    Optional<Unit.Op<T>> permanent = unit.ops.stream().filter(Unit.Op::failedPermanently).findFirst();

    // link state
    boolean paired = unit.id(Side.LEFT).isPresent() && unit.id(Side.RIGHT).isPresent();
    boolean deleteDone = unit.ops.stream().anyMatch(op -> op.kind == PlannedWrite.Operation.DELETE && op.succeeded());
    if (paired && (unit.removeLink || deleteDone) && !anyDeferred) {
      changes.removeLink(Side.LEFT, unit.id(Side.LEFT).get());
    } else if (paired) {
      EnumMap<Side, SideState> sides = new EnumMap<>(Side.class);
      for (Side side : Side.values()) {
        FieldValues snap = newSnapshot(unit, side, allOk);
        sides.put(side, new SideState(unit.id(side).get(), services.codec().writeTree(services.codec().mapper().valueToTree(snap.asMap())),
            snap.hash(readFields.get(side)), unit.times.get(side), unit.deleted.get(side)));
      }
      changes.putLink(new LinkRecord(flow.name(), sides.get(Side.LEFT), sides.get(Side.RIGHT), now));
    }

    // inbox
    for (Map.Entry<Side, InboxEntry> e : unit.entries.entrySet()) {
      if (anyDeferred && permanent.isEmpty() && unit.failure == null) {
        String why = unit.ops.stream().filter(Unit.Op::deferred).findFirst()
            .map(op -> op.outcome == null ? "not attempted" : op.outcome.error().map(SyncError::toString).orElse("")).orElse("");
        changes.defer(e.getKey(), e.getValue().change().nativeId(), e.getValue().seq(), why);
      } else {
        changes.unstage(e.getKey(), e.getValue().change().nativeId(), e.getValue().seq());
        if (unit.failure == null && permanent.isEmpty()) {
          changes.release(e.getKey(), e.getValue().change().nativeId()); // synced: out of quarantine if it was there
        }
      }
    }

    // intents
    for (Unit.Op<T> op : unit.ops) {
      if (op.kind == PlannedWrite.Operation.CREATE && (op.succeeded() || op.failedPermanently())) {
        changes.removeIntent(op.target, unit.id(op.source).orElseThrow());
      }
    }

    // failures
    if (unit.failure != null) {
      Side source = unit.failureSource != null ? unit.failureSource : unit.entries.keySet().iterator().next();
      quarantineUnit(unit, changes, source, unit.failure);
    } else if (permanent.isPresent()) {
      Unit.Op<T> op = permanent.get();
      quarantineUnit(unit, changes, op.source, withTarget(op.outcome.error().orElseThrow(), op.target));
    }
    for (Unit.Op<T> op : unit.ops) {
      if (op.deferred() && op.outcome != null && permanent.isEmpty()) {
        SyncError error = op.outcome.error().orElseThrow();
        report(new FailedRecord(flow.name(), flow.entityType().name(), flow.connector(op.source), unit.id(op.source).orElse("?"),
            Optional.of(flow.connector(op.target)), unit.id(op.target), error, false));
        counts.get(op.source).deferred++;
      }
    }

    // counts, conflicts, plan
    for (Unit.Op<T> op : unit.ops) {
      if (!op.succeeded()) {
        continue;
      }
      Counts c = counts.get(op.source);
      switch (op.outcome.status()) {
        case CREATED -> c.created++;
        case UPDATED -> c.updated++;
        case DELETED -> c.deleted++;
        case UNCHANGED -> c.unchanged++;
        default -> { }
      }
      if (dryRun) {
        planned.add(plannedWrite(unit, op));
      }
    }
    if (unit.ops.isEmpty() && unit.failure == null) {
      for (Side side : unit.entries.keySet()) {
        counts.get(side).skipped++;
      }
    }
    for (Conflict c : unit.conflicts) {
      Side loser = c.winner().equals(flow.connector(Side.LEFT)) ? Side.RIGHT : Side.LEFT;
      counts.get(loser.other()).conflicts++;
      if (conflicts.size() < KEEP_IN_REPORT) {
        conflicts.add(c);
      }
      services.listeners().conflict(c);
    }
  }

  private FieldValues newSnapshot(Unit<T> unit, Side side, boolean allOk) {
    Optional<Unit.Op<T>> last = Optional.empty();
    for (Unit.Op<T> op : unit.ops) {
      if (op.target == side && op.succeeded()) {
        last = Optional.of(op);
      }
    }
    if (last.isPresent()) {
      Unit.Op<T> op = last.get();
      return op.outcome.stored().map(services.codec()::flatten).orElse(op.expectedAfter);
    }
    return allOk ? unit.current.get(side) : unit.base.get(side);
  }

  private SyncError withTarget(SyncError error, Side target) {
    return error.message().contains(flow.connector(target)) ? error
        : new SyncError(error.code(), flow.connector(target) + " refused: " + error.message(), error.field(), error.retryable(), error.notBeforeNextRun());
  }

  private void fail(Unit<T> unit, Side source, SyncError error) {
    if (unit.failure == null) {
      unit.failure = error;
      unit.failureSource = source;
    }
  }

  private void quarantineUnit(Unit<T> unit, StateChanges.Builder changes, Side source, SyncError error) {
    String sourceId = unit.id(source).orElse(unit.entries.values().iterator().next().change().nativeId());
    Optional<StagedChange> staged = Optional.ofNullable(unit.entries.get(source)).map(InboxEntry::change);
    quarantine(changes, source, sourceId, unit.id(source.other()), staged, error, Optional.of(unit));
  }

  private void quarantine(StateChanges.Builder changes, Side source, String sourceId, Optional<String> targetId,
      Optional<StagedChange> staged, SyncError error, Optional<Unit<T>> unit) {
    int attempts = store.quarantined(flow.name(), source, sourceId).map(q -> q.attempts() + 1).orElse(1);
    String message = error.message().contains(sourceId) ? error.message()
        : flow.entityType() + " " + sourceId + " from " + flow.connector(source) + ": " + error.message();
    changes.quarantine(new QuarantineEntry(flow.name(), source, sourceId, targetId, staged, error.code(), message, error.field(),
        attempts, services.settings().clock().instant()));
    counts.get(source).failed++;
    report(new FailedRecord(flow.name(), flow.entityType().name(), flow.connector(source), sourceId,
        Optional.of(flow.connector(source.other())), targetId, new SyncError(error.code(), message, error.field(), false), true));
  }

  private void report(FailedRecord failure) {
    if (failures.size() < KEEP_IN_REPORT) {
      failures.add(failure);
    }
    services.listeners().recordFailed(failure);
  }

  private PlannedWrite plannedWrite(Unit<T> unit, Unit.Op<T> op) {
    Map<String, PlannedWrite.FieldChange> fields = new LinkedHashMap<>();
    FieldValues before = op.kind == PlannedWrite.Operation.CREATE ? FieldValues.empty() : unit.current.get(op.target);
    for (String p : op.fields) {
      fields.put(p, new PlannedWrite.FieldChange(before.display(p), op.expectedAfter.display(p)));
    }
    return new PlannedWrite(flow.direction(op.source), op.kind, unit.id(op.source).orElse("?"),
        op.kind == PlannedWrite.Operation.CREATE ? Optional.empty() : unit.id(op.target), fields);
  }

  // ------------------------------------------------------------------ commit

  private void commit(StateChanges.Builder changes) {
    if (changes.isEmpty()) {
      return;
    }
    store.commit(lease, changes.build());
    // renew once half the lease has passed: often enough to keep it, rarely enough to cost little
    Instant now = services.settings().clock().instant();
    if (!now.isBefore(lease.expiresAt().minus(services.settings().leaseTtl().dividedBy(2)))) {
      lease = store.renewLease(lease, services.settings().leaseTtl())
          .orElseThrow(() -> new LeaseLostException("lease of flow '" + flow.name() + "' was lost"));
    }
  }
}
