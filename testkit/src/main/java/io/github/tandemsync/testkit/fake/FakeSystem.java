package io.github.tandemsync.testkit.fake;

import io.github.tandemsync.core.BudgetExhaustedException;
import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory "external system" with a {@link Connector} onto it, for engine-level tests: records
 * are edited by simulated users ({@link #userPut}, {@link #userDelete}) and by the engine through
 * the connector; every change gets a change time from a controllable clock, so tests can put many
 * changes on one timestamp. Faults are injected with a seed: transient per-record failures,
 * whole-batch failures, lost responses after a successful write, permanent rejections, budget
 * exhaustion, and simulated crashes (an {@link Error}, which no engine code catches).
 *
 * <p>The reader is a {@code (changeTime, id)} keyset over the current records, as a well-behaved
 * polling connector is; deletes are reported from a delete log. Creates honour idempotency keys.
 */
public final class FakeSystem {

  /** A crash of the JVM at an injected point: nothing after it runs. */
  public static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    public SimulatedCrash(String where) {
      super("simulated crash: " + where);
    }
  }

  /** What a record looks like inside the fake. */
  private record Row(String id, Object value, Instant changedAt, long version, @Nullable String origin) {}

  private record Deletion(String id, Instant at) {}

  private final String name;
  private final Clock clock;
  private final Object lock = new Object();
  private final Map<EntityType<?>, TreeMap<String, Row>> rows = new LinkedHashMap<>();
  private final Map<EntityType<?>, List<Deletion>> deletions = new HashMap<>();
  private final Map<EntityType<?>, Map<String, String>> idsByKey = new HashMap<>();
  private final Map<EntityType<?>, FieldSet> readFields = new HashMap<>();
  private final Map<EntityType<?>, FieldSet> writeFields = new HashMap<>();
  private final Map<EntityType<?>, BiFunction<Object, Object, Object>> writeMergers = new HashMap<>();
  private final Map<EntityType<?>, Predicate<Object>> rejections = new HashMap<>();
  private final Map<EntityType<?>, Predicate<Object>> waiting = new HashMap<>();
  private final Map<EntityType<?>, Map<String, SyncError>> corrupted = new HashMap<>();
  private long nextId = 1;
  private long versions;
  private @Nullable Instant frozenTime;
  // faults
  private Random random = new Random(0);
  private double transientRecordRate;
  private double batchFailureRate;
  private double lostResponseRate;
  private int crashAfterWrites = -1;
  private boolean crashBeforeApplying;
  private long writesApplied;
  private long budgetLeft = Long.MAX_VALUE;
  private long writeCalls;
  private long readCalls;
  private @Nullable String originTag;
  private volatile Runnable beforeWriteCall = () -> {};
  private boolean historyLost;
  private boolean withoutDeleteLog;

  private FakeSystem(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  /** A fake system whose connector is named {@code name}. */
  public static FakeSystem named(String name) {
    return new FakeSystem(name, Clock.systemUTC());
  }

  /** A fake system whose change times come from {@code clock}. */
  public static FakeSystem named(String name, Clock clock) {
    return new FakeSystem(name, clock);
  }

  /** Supports {@code type}, reading and writing every field. */
  public <T> FakeSystem supports(EntityType<T> type) {
    return supports(type, FieldSet.all(), FieldSet.all());
  }

  /** Supports {@code type}, reading and writing only the given fields (others stay as they were). */
  public <T> FakeSystem supports(EntityType<T> type, FieldSet reads, FieldSet writes) {
    synchronized (lock) {
      rows.putIfAbsent(type, new TreeMap<>());
      deletions.putIfAbsent(type, new ArrayList<>());
      idsByKey.putIfAbsent(type, new HashMap<>());
      readFields.put(type, reads);
      writeFields.put(type, writes);
    }
    return this;
  }

  /**
   * How a write of {@code incoming} lands on the stored {@code existing} record (default: the
   * incoming value replaces it) — e.g. to keep fields this system does not write, or to assign a
   * number the way an ERP does on save.
   */
  @SuppressWarnings("unchecked")
  public <T> FakeSystem onWrite(EntityType<T> type, BiFunction<@Nullable T, T, T> merger) {
    synchronized (lock) {
      writeMergers.put(type, (BiFunction<Object, Object, Object>) (BiFunction<?, ?, ?>) merger);
    }
    return this;
  }

  /** Rejects writes of values matching {@code rule} with a permanent error naming a field. */
  @SuppressWarnings("unchecked")
  public <T> FakeSystem rejecting(EntityType<T> type, Predicate<? super T> rule) {
    synchronized (lock) {
      rejections.put(type, (Predicate<Object>) rule);
    }
    return this;
  }

  /**
   * Answers writes of matching records with a retryable error that only a later run can resolve
   * ({@link SyncError#nextRun}), as a record waiting for its parent would; {@code r -> false} lifts it.
   */
  @SuppressWarnings("unchecked")
  public <T> FakeSystem waiting(EntityType<T> type, Predicate<? super T> rule) {
    synchronized (lock) {
      waiting.put(type, (Predicate<Object>) rule);
    }
    return this;
  }

  // ---------------------------------------------------------------- faults

  /** Seeds all random faults. */
  public FakeSystem seed(long seed) {
    synchronized (lock) {
      random = new Random(seed);
    }
    return this;
  }

  /** Fraction of records in a write batch that fail with a retryable error (not applied). */
  public FakeSystem transientRecordFailures(double rate) {
    synchronized (lock) {
      transientRecordRate = rate;
    }
    return this;
  }

  /** Fraction of write calls that fail as a whole with a {@link RetryableException}, unapplied. */
  public FakeSystem transientBatchFailures(double rate) {
    synchronized (lock) {
      batchFailureRate = rate;
    }
    return this;
  }

  /**
   * Fraction of write calls applied in full whose response is then lost (the caller sees a
   * {@link RetryableException}): the classic duplicate trap for non-idempotent creates.
   */
  public FakeSystem lostResponses(double rate) {
    synchronized (lock) {
      lostResponseRate = rate;
    }
    return this;
  }

  /**
   * Crashes (throws {@link SimulatedCrash}) in the write call that would apply the
   * {@code afterWrites + 1}-th record: before applying anything of that call, or after applying the
   * whole call but before answering.
   */
  public FakeSystem crashAt(int afterWrites, boolean beforeApplying) {
    synchronized (lock) {
      crashAfterWrites = afterWrites;
      crashBeforeApplying = beforeApplying;
    }
    return this;
  }

  /**
   * Runs {@code hook} at the start of every write call, outside the system's lock: to slow writes
   * down or hold one at a chosen moment (e.g. with a latch) in concurrency tests.
   */
  public FakeSystem beforeEachWriteCall(Runnable hook) {
    this.beforeWriteCall = hook;
    return this;
  }

  /**
   * Purges the delete log, as a source with a bounded delete history does: deletes made so far can
   * no longer be reported, and the next read after a watermark answers
   * {@link io.github.tandemsync.core.spi.ChangeHistoryLostException}.
   */
  public FakeSystem loseHistory() {
    synchronized (lock) {
      deletions.values().forEach(List::clear);
      historyLost = true;
    }
    return this;
  }

  /**
   * A source without a delete log, like Exchequer's tables: reads never report deletes, and the
   * reader says so ({@code reportsDeletes() == false}), so the engine reconciles key sets instead.
   */
  public FakeSystem withoutDeleteLog() {
    synchronized (lock) {
      withoutDeleteLog = true;
    }
    return this;
  }

  /** Stops crashing. */
  public FakeSystem noCrash() {
    synchronized (lock) {
      crashAfterWrites = -1;
    }
    return this;
  }

  /** Allows {@code calls} more API calls (reads and writes), then answers BudgetExhausted. */
  public FakeSystem budget(long calls) {
    synchronized (lock) {
      budgetLeft = calls;
    }
    return this;
  }

  /** Clears every fault. */
  public FakeSystem noFaults() {
    synchronized (lock) {
      transientRecordRate = 0;
      batchFailureRate = 0;
      lostResponseRate = 0;
      crashAfterWrites = -1;
      budgetLeft = Long.MAX_VALUE;
    }
    return this;
  }

  /** Every change made from now on gets exactly this change time (many changes, one timestamp). */
  public FakeSystem freezeTime(Instant at) {
    synchronized (lock) {
      frozenTime = at;
    }
    return this;
  }

  public FakeSystem unfreezeTime() {
    synchronized (lock) {
      frozenTime = null;
    }
    return this;
  }

  // ---------------------------------------------------------------- user edits and inspection

  /** A user creates or edits a record, as in the system's own UI. Returns its id. */
  public <T> String userPut(EntityType<T> type, @Nullable String id, T value) {
    synchronized (lock) {
      String rowId = id != null ? id : newId();
      put(type, rowId, value, null);
      return rowId;
    }
  }

  /** A user deletes a record. */
  public <T> void userDelete(EntityType<T> type, String id) {
    synchronized (lock) {
      if (table(type).remove(id) != null) {
        deletions.get(type).add(new Deletion(id, now()));
      }
    }
  }

  /**
   * Makes record {@code id} unreadable, as bad source data would: the reader returns it as an
   * invalid change naming {@code field}.
   */
  public <T> FakeSystem corrupt(EntityType<T> type, String id, String field, String problem) {
    synchronized (lock) {
      corrupted.computeIfAbsent(type, t -> new HashMap<>()).put(id,
          new SyncError("BAD_DATA", type + " " + id + " field " + field + ": " + problem, Optional.of(field), false));
      Row row = table(type).get(id);
      if (row != null) {
        put(type, id, row.value(), row.origin());
      }
    }
    return this;
  }

  /** Repairs a record made unreadable by {@link #corrupt}, as a fix in the source would. */
  public <T> FakeSystem uncorrupt(EntityType<T> type, String id) {
    synchronized (lock) {
      Map<String, SyncError> bad = corrupted.get(type);
      if (bad != null && bad.remove(id) != null) {
        Row row = table(type).get(id);
        if (row != null) {
          put(type, id, row.value(), null);
        }
      }
    }
    return this;
  }

  private @Nullable SyncError corruption(EntityType<?> type, String id) {
    Map<String, SyncError> bad = corrupted.get(type);
    return bad == null ? null : bad.get(id);
  }

  /** The record {@code id}, if it exists. */
  public <T> Optional<T> get(EntityType<T> type, String id) {
    synchronized (lock) {
      Row row = table(type).get(id);
      return row == null ? Optional.empty() : Optional.of(type.javaType().cast(row.value()));
    }
  }

  /** Every record by id. */
  public <T> Map<String, T> all(EntityType<T> type) {
    synchronized (lock) {
      Map<String, T> out = new LinkedHashMap<>();
      table(type).forEach((id, row) -> out.put(id, type.javaType().cast(row.value())));
      return out;
    }
  }

  /** Write calls received (including failed ones). */
  public long writeCalls() {
    synchronized (lock) {
      return writeCalls;
    }
  }

  /** Records applied by writes since the start. */
  public long writesApplied() {
    synchronized (lock) {
      return writesApplied;
    }
  }

  /** Read calls received. */
  public long readCalls() {
    synchronized (lock) {
      return readCalls;
    }
  }

  /** The connector onto this system. */
  public Connector connector() {
    return new FakeConnector();
  }

  // ---------------------------------------------------------------- internals

  private TreeMap<String, Row> table(EntityType<?> type) {
    TreeMap<String, Row> t = rows.get(type);
    if (t == null) {
      throw new IllegalArgumentException(name + " does not support " + type);
    }
    return t;
  }

  private String newId() {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + String.format(Locale.ROOT, "%06d", nextId++);
  }

  private Instant now() {
    return frozenTime != null ? frozenTime : clock.instant();
  }

  private void put(EntityType<?> type, String id, Object value, @Nullable String origin) {
    table(type).put(id, new Row(id, value, now(), ++versions, origin));
  }

  private void spend() {
    if (budgetLeft <= 0) {
      throw new BudgetExhaustedException(name + ": API budget exhausted", null);
    }
    budgetLeft--;
  }

  /** Fixed-width epoch nanos, so string order is time order, then the id breaks ties. */
  private static String watermark(Instant at, String id) {
    long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
    return String.format(Locale.ROOT, "%020d|%s", nanos, id);
  }

  private static Optional<String> keyValue(Object value, String field) {
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      if (c.getName().equals(field)) {
        try {
          Object v = c.getAccessor().invoke(value);
          if (v instanceof Optional<?> o) {
            v = o.orElse(null);
          }
          return v == null ? Optional.empty() : Optional.of(v.toString());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Optional.empty();
  }

  private final class FakeConnector implements Connector {

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<Capability> capabilities() {
      synchronized (lock) {
        Set<Capability> caps = new java.util.LinkedHashSet<>();
        for (EntityType<?> t : rows.keySet()) {
          caps.add(Capability.read(t));
          caps.add(Capability.write(t));
        }
        return caps;
      }
    }

    @Override
    public void start(ConnectorContext context) {
      originTag = context.originTag();
    }

    @Override
    public Health health() {
      return Health.up(name + " (fake)");
    }

    @Override
    public <T> Optional<ChangeReader<T>> reader(EntityType<T> type) {
      synchronized (lock) {
        return rows.containsKey(type) ? Optional.of(new Reader<>(type)) : Optional.empty();
      }
    }

    @Override
    public <T> Optional<RecordWriter<T>> writer(EntityType<T> type) {
      synchronized (lock) {
        return rows.containsKey(type) ? Optional.of(new Writer<>(type)) : Optional.empty();
      }
    }
  }

  private final class Reader<T> implements ChangeReader<T> {
    private final EntityType<T> type;

    Reader(EntityType<T> type) {
      this.type = type;
    }

    @Override
    public ChangePage<T> read(Watermark after, int limit) {
      synchronized (lock) {
        readCalls++;
        spend();
        if (historyLost && !after.isInitial()) {
          historyLost = false;
          throw new io.github.tandemsync.core.spi.ChangeHistoryLostException(name + " purged its delete log after " + after.value(), after);
        }
        // one ordered stream: (changedAt, id) of live rows and deletions
        record Item(Instant at, String id, @Nullable Row row) {}
        List<Item> items = new ArrayList<>();
        table(type).values().forEach(r -> items.add(new Item(r.changedAt(), r.id(), r)));
        deletions.get(type).forEach(d -> {
          if (!table(type).containsKey(d.id())) {
            items.add(new Item(d.at(), d.id(), null));
          }
        });
        items.sort((a, b) -> a.at().equals(b.at()) ? a.id().compareTo(b.id()) : a.at().compareTo(b.at()));
        String from = after.value();
        List<Change<T>> out = new ArrayList<>();
        boolean more = false;
        for (Item item : items) {
          String position = watermark(item.at(), item.id());
          if (!from.isEmpty() && position.compareTo(from) <= 0) {
            continue;
          }
          if (out.size() >= limit) {
            more = true;
            break;
          }
          if (item.row() == null && withoutDeleteLog) {
            continue; // nothing tells a reader of such a source that a record went
          }
          SyncError bad = corruption(type, item.id());
          Change<T> change = item.row() == null
              ? Change.<T>delete(item.id(), Watermark.of(position))
              : bad != null ? Change.<T>invalid(item.id(), bad, Watermark.of(position))
              : Change.upsert(item.id(), type.javaType().cast(item.row().value()), Watermark.of(position))
                  .withSourceVersion(Long.toString(item.row().version()));
          change = change.withSourceTime(item.at());
          if (item.row() != null && item.row().origin() != null) {
            change = change.withOrigin(item.row().origin());
          }
          out.add(change);
        }
        Watermark next = out.isEmpty() ? after : out.get(out.size() - 1).position();
        return new ChangePage<>(out, next, more);
      }
    }

    @Override
    public List<Change<T>> fetch(Collection<String> nativeIds) {
      synchronized (lock) {
        readCalls++;
        spend();
        List<Change<T>> out = new ArrayList<>();
        for (String id : nativeIds) {
          Row row = table(type).get(id);
          SyncError bad = corruption(type, id);
          out.add(row == null ? Change.delete(id, Watermark.initial())
              : bad != null ? Change.invalid(id, bad, Watermark.initial())
              : Change.upsert(id, type.javaType().cast(row.value()), Watermark.initial()).withSourceTime(row.changedAt()));
        }
        return out;
      }
    }

    @Override
    public List<Change<T>> findByKey(String keyField, Collection<String> keyValues) {
      synchronized (lock) {
        readCalls++;
        spend();
        Set<String> wanted = new java.util.HashSet<>();
        keyValues.forEach(v -> wanted.add(v.strip().toUpperCase(Locale.ROOT)));
        List<Change<T>> out = new ArrayList<>();
        for (Row row : table(type).values()) {
          Optional<String> v = keyValue(row.value(), keyField);
          if (v.isPresent() && wanted.contains(v.get().strip().toUpperCase(Locale.ROOT))) {
            out.add(Change.upsert(row.id(), type.javaType().cast(row.value()), Watermark.initial()).withSourceTime(row.changedAt()));
          }
        }
        return out;
      }
    }

    @Override
    public boolean reportsDeletes() {
      synchronized (lock) {
        return !withoutDeleteLog;
      }
    }

    @Override
    public FieldSet fields() {
      synchronized (lock) {
        return readFields.get(type);
      }
    }
  }

  private final class Writer<T> implements RecordWriter<T> {
    private final EntityType<T> type;

    Writer(EntityType<T> type) {
      this.type = type;
    }

    @Override
    public int maxBatchSize() {
      return 50;
    }

    @Override
    public FieldSet fields() {
      synchronized (lock) {
        return writeFields.get(type);
      }
    }

    @Override
    public List<WriteOutcome<T>> write(List<WriteRequest<T>> batch) {
      beforeWriteCall.run();
      synchronized (lock) {
        writeCalls++;
        spend();
        if (crashAfterWrites >= 0 && crashBeforeApplying && writesApplied + batch.size() > crashAfterWrites) {
          crashAfterWrites = -1;
          throw new SimulatedCrash(name + " before applying a write");
        }
        if (random.nextDouble() < batchFailureRate) {
          throw new RetryableException(name + ": service unavailable (injected)");
        }
        List<WriteOutcome<T>> out = new ArrayList<>();
        for (WriteRequest<T> request : batch) {
          out.add(apply(request));
        }
        if (crashAfterWrites >= 0 && !crashBeforeApplying && writesApplied > crashAfterWrites) {
          crashAfterWrites = -1;
          throw new SimulatedCrash(name + " after applying a write, before answering");
        }
        if (random.nextDouble() < lostResponseRate) {
          throw new RetryableException(name + ": connection reset after the write was applied (injected)");
        }
        return out;
      }
    }

    @SuppressWarnings("unchecked")
    private WriteOutcome<T> apply(WriteRequest<T> request) {
      if (random.nextDouble() < transientRecordRate) {
        return WriteOutcome.failed(SyncError.retryable("UNABLE_TO_LOCK_ROW", "record locked (injected)"));
      }
      TreeMap<String, Row> table = table(type);
      if (request.operation() == WriteRequest.Operation.DELETE) {
        String id = request.targetId().orElseThrow();
        if (table.remove(id) != null) {
          deletions.get(type).add(new Deletion(id, now()));
          writesApplied++;
        }
        return WriteOutcome.deleted(id);
      }
      T incoming = request.value().orElseThrow();
      Predicate<Object> reject = rejections.get(type);
      if (reject != null && reject.test(incoming)) {
        return WriteOutcome.failed(new SyncError("VALIDATION", type + " rejected by " + name + " validation", Optional.of("name"), false));
      }
      Predicate<Object> wait = waiting.get(type);
      if (wait != null && wait.test(incoming)) {
        return WriteOutcome.failed(SyncError.nextRun("WAITING", type + " waits for something a later run brings"));
      }
      String id;
      boolean created = false;
      if (request.targetId().isPresent()) {
        id = request.targetId().get();
        if (!table.containsKey(id)) {
          return WriteOutcome.failed(new SyncError("NOT_FOUND", type + " " + id + " does not exist on " + name, Optional.empty(), false));
        }
      } else {
        String existing = idsByKey.get(type).get(request.idempotencyKey());
        if (existing != null && table.containsKey(existing)) {
          id = existing; // a replay: never a second record
        } else {
          id = newId();
          idsByKey.get(type).put(request.idempotencyKey(), id);
          created = true;
        }
      }
      Row old = table.get(id);
      Object stored = incoming;
      BiFunction<Object, Object, Object> merger = writeMergers.get(type);
      if (merger != null) {
        stored = merger.apply(old == null ? null : old.value(), incoming);
      }
      if (old != null && Objects.equals(old.value(), stored)) {
        return WriteOutcome.unchanged(id);
      }
      put(type, id, stored, originTag);
      writesApplied++;
      WriteOutcome<T> outcome = created ? WriteOutcome.created(id) : WriteOutcome.updated(id);
      return merger != null ? outcome.withStored((T) stored) : outcome;
    }
  }
}
