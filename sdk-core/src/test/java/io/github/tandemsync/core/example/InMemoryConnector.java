package io.github.tandemsync.core.example;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.FieldSet;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.MappingCustomizer;
import io.github.tandemsync.core.spi.NativeRecord;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** A complete connector for one entity type over an {@link InMemoryStore}, using only the public SPI. */
public final class InMemoryConnector<T> implements Connector {

  /** Where this connector keeps a create's idempotency key: a unique column of the store. */
  public static final String IDEMPOTENCY_COLUMN = "tandem_key";

  /**
   * Maps rows to canonical values and back; {@code read} throws InvalidRecordException naming the
   * field when a row cannot be mapped. {@code fields} are the canonical fields mapped; the natural
   * key {@code keyField} is stored in {@code keyColumn}.
   */
  public record Mapping<T>(Function<NativeRecord, T> read, BiConsumer<T, NativeRecord> write, FieldSet fields, String keyField, String keyColumn) {}

  private final String name;
  private final EntityType<T> type;
  private final InMemoryStore store;
  private final Mapping<T> mapping;
  private final List<MappingCustomizer<T>> customizers;
  private final Access access = new Access();
  private final FieldSet fields; // mapped plus customized fields: the engine ignores all others
  private volatile String originTag = "";

  public InMemoryConnector(String name, EntityType<T> type, InMemoryStore store, Mapping<T> mapping, List<MappingCustomizer<T>> customizers) {
    this.name = name;
    this.type = type;
    this.store = store;
    this.mapping = mapping;
    this.customizers = List.copyOf(customizers);
    FieldSet all = mapping.fields();
    for (MappingCustomizer<T> customizer : customizers) {
      all = all.plus(customizer.fields());
    }
    this.fields = all;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.read(type), Capability.write(type));
  }

  @Override
  public void start(ConnectorContext context) {
    originTag = context.originTag(); // stamped on our writes, so the engine recognises their echoes
  }

  @Override
  public Health health() {
    return store.isAvailable() ? Health.up(store.liveRows() + " live rows") : Health.down("in-memory store unavailable");
  }

  @Override
  @SuppressWarnings("unchecked") // safe: only when the requested type is ours
  public <R> Optional<ChangeReader<R>> reader(EntityType<R> requested) {
    return requested.equals(type) ? Optional.of((ChangeReader<R>) access) : Optional.empty();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> Optional<RecordWriter<R>> writer(EntityType<R> requested) {
    return requested.equals(type) ? Optional.of((RecordWriter<R>) access) : Optional.empty();
  }

  /** Reader and writer in one: both map the same fields. */
  private final class Access implements ChangeReader<T>, RecordWriter<T> {
    @Override
    public ChangePage<T> read(Watermark after, int limit) {
      long from = sequenceOf(after);
      return call(() -> {
        List<InMemoryStore.Row> rows = store.changesAfter(from, limit);
        long last = rows.isEmpty() ? from : rows.get(rows.size() - 1).sequence();
        return new ChangePage<>(rows.stream().map(InMemoryConnector.this::toChange).toList(), position(last), store.hasChangesAfter(last));
      });
    }

    @Override
    public List<Change<T>> fetch(Collection<String> nativeIds) {
      return call(() -> nativeIds.stream()
          .map(id -> store.get(id).map(InMemoryConnector.this::toChange).orElseGet(() -> Change.delete(id, Watermark.initial())))
          .toList());
    }

    @Override
    public List<Change<T>> findByKey(String keyField, Collection<String> keyValues) {
      if (!keyField.equals(mapping.keyField())) {
        return List.of(); // only one key is supported
      }
      return call(() -> store.find(mapping.keyColumn(), keyValues).stream().map(InMemoryConnector.this::toChange).toList());
    }

    @Override
    public List<WriteOutcome<T>> write(List<WriteRequest<T>> batch) {
      // One outcome per request, in order. If the store drops out midway, the whole call fails
      // retryably: replaying it is safe, the idempotency keys find what was already written.
      return call(() -> batch.stream().map(InMemoryConnector.this::writeOne).toList());
    }

    @Override
    public FieldSet fields() {
      return fields;
    }
  }

  private WriteOutcome<T> writeOne(WriteRequest<T> request) {
    try {
      if (request.operation() == WriteRequest.Operation.DELETE) {
        String id = request.targetId().orElseThrow();
        store.delete(id, originTag);
        return WriteOutcome.deleted(id);
      }
      T value = request.value().orElseThrow();
      MapRecord row = new MapRecord(type.name(), Map.of());
      mapping.write().accept(value, row);
      customizers.forEach(customizer -> customizer.beforeWrite(value, row));
      // The linked id; else the record a replay of this very write created; else one with the same natural key.
      Optional<String> target = request.targetId()
          .or(() -> first(IDEMPOTENCY_COLUMN, request.idempotencyKey()))
          .or(() -> row.text(mapping.keyColumn()).flatMap(key -> first(mapping.keyColumn(), key)));
      if (target.isEmpty()) {
        row.put(IDEMPOTENCY_COLUMN, request.idempotencyKey());
        return WriteOutcome.created(store.insert(row.fields(), originTag).id());
      }
      String id = target.get();
      return store.update(id, row.fields(), originTag).isPresent() ? WriteOutcome.updated(id) : WriteOutcome.unchanged(id);
    } catch (InvalidRecordException e) {
      return WriteOutcome.failed(new SyncError("INVALID_FIELD", e.getMessage(), e.field(), false));
    } catch (InMemoryStore.RejectedException e) {
      return WriteOutcome.failed(SyncError.permanent(e.code(), e.getMessage()).withField(e.field()));
    }
  }

  private Optional<String> first(String column, String value) {
    return store.find(column, List.of(value)).stream().findFirst().map(InMemoryStore.Row::id);
  }

  private Change<T> toChange(InMemoryStore.Row row) {
    Watermark at = position(row.sequence());
    Change<T> change;
    if (row.deleted()) {
      change = Change.delete(row.id(), at);
    } else {
      try {
        MapRecord source = new MapRecord(type.name(), row.fields());
        T value = mapping.read().apply(source);
        for (MappingCustomizer<T> customizer : customizers) {
          value = customizer.afterRead(source, value);
        }
        change = Change.upsert(row.id(), value, at);
      } catch (InvalidRecordException e) { // a bad row becomes an INVALID change, never a failed page
        change = Change.invalid(row.id(), new SyncError("INVALID_FIELD", e.getMessage(), e.field(), false), at);
      }
    }
    return change.withSourceTime(row.modifiedAt()).withSourceVersion(Long.toString(row.sequence())).withOrigin(row.modifiedBy());
  }

  private static Watermark position(long sequence) {
    return sequence == 0 ? Watermark.initial() : Watermark.of(Long.toString(sequence));
  }

  private long sequenceOf(Watermark watermark) {
    try {
      return watermark.isInitial() ? 0 : Long.parseLong(watermark.value());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(watermark + " was not made by connector " + name, e);
    }
  }

  /** Runs a store call; an unreachable store fails the whole call retryably. */
  private <R> R call(Supplier<R> work) {
    try {
      return work.get();
    } catch (InMemoryStore.UnavailableException e) {
      throw new RetryableException("connector " + name + ": store unavailable", e);
    }
  }
}
