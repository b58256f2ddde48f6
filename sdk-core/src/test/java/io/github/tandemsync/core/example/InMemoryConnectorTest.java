package io.github.tandemsync.core.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.TandemException;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.Capability;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.ConnectorContext;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each point of the connector SPI contract, proven on the in-memory example connector. */
class InMemoryConnectorTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String ORIGIN = "tandem-test";
  private static final String USER = "user:alice";

  private InMemoryStore store;
  private InMemoryConnector<Account> connector;
  private ChangeReader<Account> reader;
  private RecordWriter<Account> writer;

  @BeforeEach
  void setUp() {
    // A fixed clock: every change shares one timestamp, the hard case for paging.
    store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC), 80, "code", InMemoryConnector.IDEMPOTENCY_COLUMN);
    connector = new InMemoryConnector<>("memory", EntityTypes.ACCOUNT, store, AccountRows.MAPPING, List.of(new AccountRows.RegionCustomizer()));
    connector.start(ConnectorContext.of(ORIGIN));
    reader = connector.reader(EntityTypes.ACCOUNT).orElseThrow();
    writer = connector.writer(EntityTypes.ACCOUNT).orElseThrow();
  }

  @Test
  void declaresWhatItCanDo() {
    assertEquals(Set.of(Capability.read(EntityTypes.ACCOUNT), Capability.write(EntityTypes.ACCOUNT)), connector.capabilities());
    assertTrue(connector.can(EntityTypes.ACCOUNT, Capability.Access.WRITE));
    assertTrue(connector.reader(EntityTypes.PRODUCT).isEmpty());
    assertTrue(connector.writer(EntityTypes.CONTACT).isEmpty());
    assertEquals("memory", connector.name());
    assertTrue(reader.fields().contains("email"));
    assertTrue(writer.fields().contains("extensions.Region__c"), "fields a customizer adds are synced too");
    assertFalse(reader.fields().contains("phone"), "an unmapped field is never taken as cleared");
  }

  @Test
  void pagesThroughChangesThatShareOneTimestampWithoutSkippingAny() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      ids.add(userRow("ACC00" + i, "Account " + i));
    }

    List<ChangePage<Account>> pages = readPages(Watermark.initial(), 2);

    assertEquals(3, pages.size(), "5 changes in pages of 2");
    List<Change<Account>> changes = pages.stream().flatMap(page -> page.changes().stream()).toList();
    assertEquals(ids, changes.stream().map(Change::nativeId).toList(), "every change once, in source order");
    assertTrue(changes.stream().allMatch(change -> change.sourceTime().equals(Optional.of(NOW))), "all share one timestamp");
    assertFalse(pages.get(2).hasMore());

    ChangePage<Account> caughtUp = reader.read(pages.get(2).next(), 2);
    assertTrue(caughtUp.changes().isEmpty());
    assertEquals(pages.get(2).next(), caughtUp.next(), "an empty page keeps the position");
  }

  @Test
  void readsOnlyChangesAfterTheWatermarkAndEachRecordInItsLatestState() {
    String first = userRow("ACC001", "First");
    String second = userRow("ACC002", "Second");
    Watermark caughtUp = readPages(Watermark.initial(), 10).get(0).next();

    store.update(first, Map.of("name", "First renamed"), USER);
    store.update(first, Map.of("name", "First renamed again"), USER);
    store.delete(second, USER);

    List<Change<Account>> changes = reader.read(caughtUp, 10).changes();
    assertEquals(2, changes.size());
    assertEquals(first, changes.get(0).nativeId());
    assertEquals("First renamed again", changes.get(0).value().orElseThrow().name());
    assertTrue(changes.get(1).isDelete(), "a delete arrives as a tombstone");
    assertEquals(second, changes.get(1).nativeId());
  }

  @Test
  void aRowThatCannotBeMappedIsReadAsAnInvalidChangeNamingRecordAndField() {
    String good = userRow("ACC001", "Good");
    String bad = store.insert(Map.of("code", "ACC002", "type", "C"), USER).id(); // no name
    String badType = store.insert(Map.of("code", "ACC003", "name", "Odd", "type", "X"), USER).id();
    String alsoGood = userRow("ACC004", "Also good");

    ChangePage<Account> page = reader.read(Watermark.initial(), 10);

    assertEquals(List.of(good, bad, badType, alsoGood), page.changes().stream().map(Change::nativeId).toList(), "the batch goes on");
    Change<Account> invalid = page.changes().get(1);
    assertEquals(Change.Kind.INVALID, invalid.kind());
    SyncError error = invalid.error().orElseThrow();
    assertEquals(Optional.of("name"), error.field());
    assertFalse(error.retryable());
    assertEquals(Optional.of("type"), page.changes().get(2).error().orElseThrow().field());
    assertTrue(page.changes().get(2).error().orElseThrow().message().contains("'X'"), page.changes().get(2).error().orElseThrow().message());
    assertEquals(page.changes().get(3).position(), page.next(), "the watermark moves past invalid records");
  }

  @Test
  void replayingAnIdempotencyKeyFindsTheRecordTheFirstAttemptCreated() {
    Account account = account("ACC001", "Acme Ltd");
    List<WriteRequest<Account>> batch = List.of(WriteRequest.create(account, "flow-1:ACC001:create"));

    WriteOutcome<Account> first = writer.write(batch).get(0);
    // The caller timed out and never saw the answer: it replays the same batch.
    WriteOutcome<Account> replay = writer.write(batch).get(0);
    // A later replay carries newer values (the source changed meanwhile).
    WriteOutcome<Account> newer = writer.write(List.of(WriteRequest.create(account("ACC001", "Acme Limited"), "flow-1:ACC001:create"))).get(0);

    assertEquals(WriteOutcome.Status.CREATED, first.status());
    assertEquals(WriteOutcome.Status.UNCHANGED, replay.status());
    assertEquals(WriteOutcome.Status.UPDATED, newer.status());
    assertEquals(first.nativeId(), replay.nativeId());
    assertEquals(first.nativeId(), newer.nativeId());
    assertEquals(1, store.liveRows(), "never a second record");
  }

  @Test
  void replayingACreateOfARecordWithoutNaturalKeyStillCreatesItOnce() {
    // A CRM prospect has no account code: only the idempotency key can recognise the replay.
    Account prospect = Account.builder().name("Prospect Ltd").role(AccountRole.PROSPECT).build();
    List<WriteRequest<Account>> batch = List.of(WriteRequest.create(prospect, "flow-1:lead-7:create"));

    WriteOutcome<Account> first = writer.write(batch).get(0);
    WriteOutcome<Account> replay = writer.write(batch).get(0);
    WriteOutcome<Account> otherKey = writer.write(List.of(WriteRequest.create(prospect, "flow-1:lead-8:create"))).get(0);

    assertEquals(WriteOutcome.Status.CREATED, first.status());
    assertEquals(WriteOutcome.Status.UNCHANGED, replay.status());
    assertEquals(first.nativeId(), replay.nativeId());
    assertEquals(WriteOutcome.Status.CREATED, otherKey.status(), "a different logical write is a different record");
    assertEquals(2, store.liveRows());
  }

  @Test
  void aCreateMatchesAnExistingRecordByItsNaturalKeyInsteadOfDuplicatingIt() {
    String existing = userRow("ABC001", "Made by hand");

    WriteOutcome<Account> outcome = writer.write(List.of(WriteRequest.create(account("abc001", "Made by Tandem"), "k-1"))).get(0);

    assertEquals(WriteOutcome.Status.UPDATED, outcome.status());
    assertEquals(Optional.of(existing), outcome.nativeId());
    assertEquals(1, store.liveRows());
  }

  @Test
  void returnsOneOutcomePerRequestInOrderAndABadRecordFailsAlone() {
    String doomed = userRow("ACC009", "To be deleted");
    List<WriteRequest<Account>> batch = List.of(
        WriteRequest.create(account("ACC001", "Fine"), "k-1"),
        WriteRequest.create(account("ACC002", "N".repeat(81)), "k-2"),
        WriteRequest.update("mem-999999", account("ACC003", "Nobody"), Set.of("name"), "k-3"),
        WriteRequest.create(account("ACC004", "Also fine"), "k-4"),
        WriteRequest.delete(doomed, "k-5"));

    List<WriteOutcome<Account>> outcomes = writer.write(batch);

    assertEquals(List.of(WriteOutcome.Status.CREATED, WriteOutcome.Status.FAILED, WriteOutcome.Status.FAILED,
        WriteOutcome.Status.CREATED, WriteOutcome.Status.DELETED), outcomes.stream().map(WriteOutcome::status).toList());
    SyncError tooLong = outcomes.get(1).error().orElseThrow();
    assertEquals("STRING_TOO_LONG", tooLong.code());
    assertEquals(Optional.of("name"), tooLong.field());
    assertFalse(tooLong.retryable());
    assertEquals("NOT_FOUND", outcomes.get(2).error().orElseThrow().code());
    assertEquals(Optional.of(doomed), outcomes.get(4).nativeId());
    assertEquals(2, store.liveRows());
  }

  @Test
  void deletingTwiceIsHarmlessAndUpdatingADeletedRecordFails() {
    String id = userRow("ACC001", "Short-lived");
    assertEquals(WriteOutcome.Status.DELETED, writer.write(List.of(WriteRequest.delete(id, "d-1"))).get(0).status());
    assertEquals(WriteOutcome.Status.DELETED, writer.write(List.of(WriteRequest.delete(id, "d-1"))).get(0).status());

    WriteOutcome<Account> update = writer.write(List.of(WriteRequest.update(id, account("ACC001", "Back?"), Set.of("name"), "u-1"))).get(0);

    assertEquals("ENTITY_IS_DELETED", update.error().orElseThrow().code());
  }

  @Test
  void ownWritesCarryTheOriginTagAndUnchangedWritesLeaveNoChange() {
    userRow("ACC001", "By a user");
    String ours = writer.write(List.of(WriteRequest.create(account("ACC002", "By Tandem"), "k-2"))).get(0).nativeId().orElseThrow();
    ChangePage<Account> page = reader.read(Watermark.initial(), 10);
    assertEquals(List.of(Optional.of(USER), Optional.of(ORIGIN)), page.changes().stream().map(Change::origin).toList());

    WriteOutcome<Account> again = writer.write(List.of(WriteRequest.update(ours, account("ACC002", "By Tandem"), Set.of(), "k-3"))).get(0);

    assertEquals(WriteOutcome.Status.UNCHANGED, again.status());
    assertTrue(reader.read(page.next(), 10).changes().isEmpty(), "an unchanged write is no change");
  }

  @Test
  void fetchesCurrentStateAndReportsVanishedRecordsAsDeletes() {
    String live = userRow("ACC001", "Live");
    String gone = userRow("ACC002", "Gone");
    store.delete(gone, USER);

    List<Change<Account>> fetched = reader.fetch(List.of(live, gone, "mem-424242"));

    assertEquals(List.of(Change.Kind.UPSERT, Change.Kind.DELETE, Change.Kind.DELETE), fetched.stream().map(Change::kind).toList());
    assertEquals("Live", fetched.get(0).value().orElseThrow().name());
  }

  @Test
  void findsRecordsByItsConfiguredKeyIgnoringCase() {
    String acme = userRow("ACME01", "Acme");
    userRow("BETA01", "Beta");

    assertEquals(List.of(acme), reader.findByKey("code", List.of("acme01", "NONE")).stream().map(Change::nativeId).toList());
    assertEquals(List.of(), reader.findByKey("email", List.of("x@example.com")), "unsupported keys find nothing");
  }

  @Test
  void aCustomizerCarriesABespokeFieldBothWays() {
    store.insert(Map.of("code", "ACC001", "name", "North", "type", "C", "region", "North West"), USER);
    Account read = reader.read(Watermark.initial(), 1).changes().get(0).value().orElseThrow();
    assertEquals("North West", read.extensions().get("Region__c").raw());

    String id = writer.write(List.of(WriteRequest.create(account("ACC002", "South").toBuilder().extension("Region__c", "South East").build(), "k"))).get(0)
        .nativeId().orElseThrow();

    assertEquals("South East", store.get(id).orElseThrow().fields().get("region"));
  }

  @Test
  void anUnreachableSystemFailsWholeCallsRetryablyAndReportsDown() {
    userRow("ACC001", "Acme");
    store.setAvailable(false);

    assertEquals(Health.Status.DOWN, connector.health().status());
    RetryableException readFailure = assertThrows(RetryableException.class, () -> reader.read(Watermark.initial(), 10));
    assertTrue(readFailure.isRetryable());
    assertThrows(RetryableException.class, () -> writer.write(List.of(WriteRequest.create(account("ACC002", "B"), "k"))));

    store.setAvailable(true);
    assertEquals(Health.Status.UP, connector.health().status());
    assertEquals(1, reader.read(Watermark.initial(), 10).changes().size());
  }

  @Test
  void rejectsAWatermarkItDidNotMake() {
    TandemException failure = assertThrows(ConfigurationException.class, () -> reader.read(Watermark.of("2026-11-22T10:00:00Z|001"), 10));
    assertFalse(failure.isRetryable());
  }

  /**
   * Whatever interleaving of edits and page reads, a reader that applies pages in order ends with
   * exactly the store's live records.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 7L, 42L, 20261122L, 987654321L})
  void aConsumerApplyingPagesInOrderConvergesOnTheSystemsState(long seed) {
    Random random = new Random(seed);
    Map<String, String> seen = new HashMap<>();
    Watermark position = Watermark.initial();
    long lastVersion = 0;
    for (int step = 0; step < 300; step++) {
      int action = random.nextInt(10);
      List<String> live = store.snapshot().stream().filter(row -> !row.deleted()).map(InMemoryStore.Row::id).toList();
      if (action < 3 || live.isEmpty()) {
        store.insert(Map.of("code", "S" + step, "name", "Name " + step, "type", "C"), USER);
      } else if (action < 5) {
        store.update(live.get(random.nextInt(live.size())), Map.of("name", "Renamed " + step), USER);
      } else if (action < 6) {
        store.delete(live.get(random.nextInt(live.size())), USER);
      } else {
        ChangePage<Account> page = reader.read(position, 1 + random.nextInt(4));
        for (Change<Account> change : page.changes()) {
          long version = Long.parseLong(change.sourceVersion().orElseThrow());
          assertTrue(version > lastVersion, "seed " + seed + ": change " + change.nativeId() + " arrived out of order");
          lastVersion = version;
          apply(seen, change);
        }
        position = page.next();
      }
    }
    for (ChangePage<Account> page : readPages(position, 3)) {
      page.changes().forEach(change -> apply(seen, change));
    }

    Map<String, String> expected = store.snapshot().stream().filter(row -> !row.deleted())
        .collect(Collectors.toMap(InMemoryStore.Row::id, row -> (String) row.fields().get("name")));
    assertEquals(expected, seen, "seed " + seed);
  }

  private static void apply(Map<String, String> seen, Change<Account> change) {
    if (change.isDelete()) {
      seen.remove(change.nativeId());
    } else {
      seen.put(change.nativeId(), change.value().orElseThrow().name());
    }
  }

  private List<ChangePage<Account>> readPages(Watermark from, int pageSize) {
    List<ChangePage<Account>> pages = new ArrayList<>();
    Watermark position = from;
    ChangePage<Account> page;
    do {
      page = reader.read(position, pageSize);
      pages.add(page);
      position = page.next();
    } while (page.hasMore()); // only hasMore ends the loop, never a short page
    return pages;
  }

  private String userRow(String code, String name) {
    return store.insert(Map.of("code", code, "name", name, "type", "C"), USER).id();
  }

  private static Account account(String code, String name) {
    return Account.builder().code(code).name(name).role(AccountRole.CUSTOMER).build();
  }
}
