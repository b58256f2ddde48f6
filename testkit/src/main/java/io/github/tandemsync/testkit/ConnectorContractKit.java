package io.github.tandemsync.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Connector;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit every Tandem connector passes: extend it in your connector's tests, point
 * it at a started connector onto a system your test controls (a sandbox, a test org, a scratch
 * database), and it checks the SPI contract — one outcome per request in order, idempotent creates,
 * bad records failing alone, complete and stable paging, watermarks that do not lose or loop,
 * fetch and key lookup.
 *
 * <pre>{@code
 * class MyConnectorContractTest extends ConnectorContractKit<Account> {
 *   protected Connector connector() { return started; }
 *   protected EntityType<Account> entityType() { return EntityTypes.ACCOUNT; }
 *   protected Account newRecord(int n) { return Account.builder().code("T" + n)... .build(); }
 *   protected Account changed(Account a) { return a.toBuilder().phone("0161 555 " + n).build(); }
 * }
 * }</pre>
 *
 * <p>Tests of a capability the connector does not declare (no writer, no reader) are skipped.
 *
 * @param <T> the canonical record type under test
 */
public abstract class ConnectorContractKit<T> {

  /** A started connector onto a system the test controls. The same instance for every call. */
  protected abstract Connector connector();

  /** The entity type under test. */
  protected abstract EntityType<T> entityType();

  /**
   * A new valid record, different for every {@code n} (distinct natural keys), that the writer
   * can create.
   */
  protected abstract T newRecord(int n);

  /** {@code record} with at least one field the writer stores and the reader reads changed. */
  protected abstract T changed(T record);

  /**
   * Makes {@code record} exist in the system as another user or process would, returning its
   * native id. Default: creates it through the connector's own writer.
   */
  protected String createInSystem(T record) {
    WriteOutcome<T> outcome = writer().write(List.of(WriteRequest.create(record, key()))).get(0);
    assertTrue(outcome.isSuccess(), () -> "setup create failed: " + outcome.error());
    return outcome.nativeId().orElseThrow();
  }

  /** Deletes the record as another user would; empty when the system cannot delete (skips the delete test). */
  protected Optional<Runnable> deleteInSystem(String nativeId) {
    return Optional.empty();
  }

  /** A record the system rejects permanently (a validation error); empty to skip that test. */
  protected Optional<T> invalidRecord() {
    return Optional.empty();
  }

  /** A canonical key field the reader's {@code findByKey} supports, with its value for a record. */
  protected Optional<String> naturalKeyField() {
    return Optional.empty();
  }

  /** Called before each read, e.g. to move a sandbox clock past the connector's safety lag. */
  protected void beforeRead() {}

  /**
   * Called before reading back a delete made in the system, e.g. to move a sandbox clock past the
   * connector's delete-poll interval; by default {@link #beforeRead()}.
   */
  protected void beforeReadingDeletes() {
    beforeRead();
  }

  /** A small page size, to force several pages. */
  protected int pageSize() {
    return 4;
  }

  // ------------------------------------------------------------------ helpers

  protected final ChangeReader<T> reader() {
    return connector().reader(entityType()).orElseThrow(() -> new AssertionError("no reader for " + entityType()));
  }

  protected final RecordWriter<T> writer() {
    return connector().writer(entityType()).orElseThrow(() -> new AssertionError("no writer for " + entityType()));
  }

  private boolean canRead() {
    return connector().can(entityType(), Capability.Access.READ);
  }

  private boolean canWrite() {
    return connector().can(entityType(), Capability.Access.WRITE);
  }

  private static String key() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(java.util.Locale.ROOT);
  }

  private int base() {
    return (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 900_000) + 1_000;
  }

  /** Reads from the start until the reader says it has no more; returns the latest change per id. */
  private Map<String, Change<T>> readAll(Watermark from, List<Watermark> positions) {
    Map<String, Change<T>> latest = new LinkedHashMap<>();
    Watermark position = from;
    for (int pages = 0; ; pages++) {
      if (pages > 10_000) {
        fail("the reader kept reporting more changes for 10,000 pages: it does not advance");
      }
      beforeRead();
      ChangePage<T> page = reader().read(position, pageSize());
      assertNotNull(page.next(), "a page needs a next watermark");
      for (Change<T> c : page.changes()) {
        latest.put(c.nativeId(), c);
      }
      positions.add(page.next());
      if (!page.hasMore()) {
        return latest;
      }
      position = page.next();
    }
  }

  // ------------------------------------------------------------------ the contract

  @Test
  void declaresWhatItOffers() {
    Connector c = connector();
    assertFalse(c.name().isBlank(), "a connector has a name");
    assertTrue(canRead() || canWrite(), c.name() + " declares neither read nor write of " + entityType());
    assertEquals(canRead(), c.reader(entityType()).isPresent(), "READ capability and reader() agree");
    assertEquals(canWrite(), c.writer(entityType()).isPresent(), "WRITE capability and writer() agree");
    assertNotNull(c.version());
  }

  @Test
  void reportsHealth() {
    Health health = connector().health();
    assertNotNull(health.status());
    assertNotEquals(Health.Status.DOWN, health.status(), "the system under test is up: " + health.detail());
  }

  @Test
  void answersEveryRequestInOrder() {
    assumeTrue(canWrite());
    int n = base();
    List<WriteRequest<T>> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(WriteRequest.create(newRecord(n + i), key()));
    }
    List<WriteOutcome<T>> outcomes = writer().write(batch);
    assertEquals(3, outcomes.size(), "one outcome per request");
    Set<String> ids = new HashSet<>();
    for (WriteOutcome<T> o : outcomes) {
      assertTrue(o.isSuccess(), () -> "create failed: " + o.error());
      assertEquals(WriteOutcome.Status.CREATED, o.status());
      ids.add(o.nativeId().orElseThrow());
    }
    assertEquals(3, ids.size(), "three creates make three records");
    // order: updating each returns its own id in the same position
    List<WriteRequest<T>> updates = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = outcomes.get(i).nativeId().orElseThrow();
      updates.add(WriteRequest.update(id, changed(newRecord(n + i)), Set.of(), key()));
    }
    List<WriteOutcome<T>> updated = writer().write(updates);
    for (int i = 0; i < 3; i++) {
      assertTrue(updated.get(i).isSuccess(), "update " + i + " failed: " + updated.get(i).error());
      assertEquals(outcomes.get(i).nativeId(), updated.get(i).nativeId(), "outcome " + i + " answers request " + i);
    }
  }

  @Test
  void replayingACreateNeverMakesASecondRecord() {
    assumeTrue(canWrite());
    T record = newRecord(base());
    String idempotencyKey = key();
    WriteOutcome<T> first = writer().write(List.of(WriteRequest.create(record, idempotencyKey))).get(0);
    assertTrue(first.isSuccess(), () -> "create failed: " + first.error());
    WriteOutcome<T> replay = writer().write(List.of(WriteRequest.create(record, idempotencyKey))).get(0);
    assertTrue(replay.isSuccess(), () -> "replay failed: " + replay.error());
    assertEquals(first.nativeId(), replay.nativeId(), "a replayed create answers with the record made the first time");
    assertNotEquals(WriteOutcome.Status.CREATED, replay.status(), "a replayed create does not create");
  }

  @Test
  void aBadRecordFailsAloneNamingTheProblem() {
    assumeTrue(canWrite());
    Optional<T> invalid = invalidRecord();
    assumeTrue(invalid.isPresent(), "no invalid record given");
    int n = base();
    List<WriteOutcome<T>> outcomes = writer().write(List.of(
        WriteRequest.create(newRecord(n), key()),
        WriteRequest.create(invalid.get(), key()),
        WriteRequest.create(newRecord(n + 1), key())));
    assertEquals(3, outcomes.size());
    assertTrue(outcomes.get(0).isSuccess(), () -> "the good record before the bad one failed: " + outcomes.get(0).error());
    assertTrue(outcomes.get(2).isSuccess(), () -> "the good record after the bad one failed: " + outcomes.get(2).error());
    WriteOutcome<T> bad = outcomes.get(1);
    assertEquals(WriteOutcome.Status.FAILED, bad.status());
    assertFalse(bad.error().orElseThrow().retryable(), "a validation failure is permanent");
    assertFalse(bad.error().orElseThrow().message().isBlank(), "the error says what is wrong");
  }

  @Test
  void readsEveryRecordAcrossPagesWithoutLoopingOrSkipping() {
    assumeTrue(canRead());
    int n = base();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < pageSize() * 3 + 1; i++) {
      created.add(createInSystem(newRecord(n + i)));
    }
    Map<String, Change<T>> seen = readAll(Watermark.initial(), new ArrayList<>());
    for (String id : created) {
      assertTrue(seen.containsKey(id), "record " + id + " was not read (read " + seen.size() + " records)");
      assertEquals(Change.Kind.UPSERT, seen.get(id).kind(), "record " + id + " is read as an upsert");
    }
  }

  @Test
  void aCaughtUpReaderReturnsOnlyRepeatsThenNewChanges() {
    assumeTrue(canRead() && canWrite());
    int n = base();
    String id = createInSystem(newRecord(n));
    List<Watermark> positions = new ArrayList<>();
    Map<String, Change<T>> first = readAll(Watermark.initial(), positions);
    assertTrue(first.containsKey(id));
    Watermark caughtUp = positions.get(positions.size() - 1);
    Map<String, Change<T>> again = readAll(caughtUp, new ArrayList<>());
    for (Change<T> c : again.values()) {
      Change<T> before = first.get(c.nativeId());
      assertNotNull(before, "after catching up, the reader returned a record it never returned before: " + c.nativeId());
      assertEquals(before.value(), c.value(), "an overlap repeat carries the same value");
    }
    T updated = changed(newRecord(n));
    WriteOutcome<T> outcome = writer().write(List.of(WriteRequest.update(id, updated, Set.of(), key()))).get(0);
    assertTrue(outcome.isSuccess(), () -> "update failed: " + outcome.error());
    Map<String, Change<T>> later = readAll(caughtUp, new ArrayList<>());
    assertTrue(later.containsKey(id), "an update after the watermark is read");
    assertEquals(Change.Kind.UPSERT, later.get(id).kind());
  }

  @Test
  void writtenFieldsReadBackUnchanged() {
    assumeTrue(canRead() && canWrite());
    T record = newRecord(base());
    String id = createInSystem(record);
    List<Change<T>> fetched = reader().fetch(List.of(id));
    assertEquals(1, fetched.size(), "fetch of one id answers one change");
    T back = fetched.get(0).value().orElseThrow(() -> new AssertionError("fetch of an existing record returned no value"));
    for (RecordComponent c : entityType().javaType().getRecordComponents()) {
      String field = c.getName();
      if (!reader().fields().contains(field) || !writer().fields().contains(field) || field.equals("extensions")) {
        continue;
      }
      Object written = valueOf(record, c);
      if (written == null || !(written instanceof String || written instanceof Boolean || written instanceof BigDecimal || written instanceof Enum<?>)) {
        continue;
      }
      Object read = valueOf(back, c);
      if (written instanceof BigDecimal w && read instanceof BigDecimal r) {
        assertEquals(0, w.compareTo(r), "field " + field + " reads back as written");
      } else {
        assertEquals(written, read, "field " + field + " reads back as written");
      }
    }
  }

  @Test
  void fetchReportsMissingRecordsAsDeletes() {
    assumeTrue(canRead());
    String id = createInSystem(newRecord(base()));
    Optional<Runnable> delete = deleteInSystem(id);
    assumeTrue(delete.isPresent(), "the system cannot delete");
    delete.get().run();
    List<Change<T>> fetched = reader().fetch(List.of(id));
    assertTrue(fetched.stream().allMatch(c -> c.kind() == Change.Kind.DELETE && c.nativeId().equals(id)),
        "a deleted record is fetched as a delete, got " + fetched);
  }

  @Test
  void aReaderThatSaysItReportsDeletesReportsThem() {
    assumeTrue(canRead());
    assumeTrue(reader().reportsDeletes(), "the reader leaves deletes to key-set reconciliation");
    String id = createInSystem(newRecord(base()));
    Optional<Runnable> delete = deleteInSystem(id);
    assumeTrue(delete.isPresent(), "the system cannot delete");
    beforeRead();
    List<Watermark> positions = new ArrayList<>();
    readAll(Watermark.initial(), positions);
    Watermark before = positions.get(positions.size() - 1);
    delete.get().run();
    beforeReadingDeletes();
    Map<String, Change<T>> after = readAll(before, new ArrayList<>());
    assertTrue(after.containsKey(id) && after.get(id).kind() == Change.Kind.DELETE,
        "reportsDeletes() is true, so reading after the delete reports " + id + " as deleted; got " + after.get(id));
  }

  @Test
  void findsRecordsByNaturalKey() {
    assumeTrue(canRead());
    Optional<String> field = naturalKeyField();
    assumeTrue(field.isPresent(), "no natural key given");
    T record = newRecord(base());
    String id = createInSystem(record);
    RecordComponent component = component(field.get());
    Object value = valueOf(record, component);
    assertNotNull(value, "the test record has no value in " + field.get());
    List<Change<T>> found = reader().findByKey(field.get(), List.of(value.toString()));
    assertTrue(found.stream().anyMatch(c -> c.nativeId().equals(id)), "findByKey(" + field.get() + ", " + value + ") finds " + id);
    assertTrue(reader().findByKey(field.get(), List.of("NO-SUCH-KEY-" + base())).isEmpty(), "an unknown key finds nothing");
  }

  private RecordComponent component(String name) {
    for (RecordComponent c : entityType().javaType().getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    throw new AssertionError(entityType().javaType().getSimpleName() + " has no field " + name);
  }

  private static Object valueOf(Object record, RecordComponent c) {
    try {
      Object v = c.getAccessor().invoke(record);
      return v instanceof Optional<?> o ? o.orElse(null) : v;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
