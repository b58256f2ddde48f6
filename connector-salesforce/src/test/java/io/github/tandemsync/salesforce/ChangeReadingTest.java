package io.github.tandemsync.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.testkit.salesforce.ResourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeReadingTest {

  /** Reads until a page says there is no more; fails on a loop. */
  static List<Change<Account>> drain(ChangeReader<Account> reader, Watermark from, int limit, List<Watermark> positions) {
    List<Change<Account>> all = new ArrayList<>();
    Watermark w = from;
    for (int i = 0; i < 1_000; i++) {
      ChangePage<Account> page = reader.read(w, limit);
      all.addAll(page.changes());
      positions.add(page.next());
      w = page.next();
      if (!page.hasMore()) {
        return all;
      }
    }
    throw new AssertionError("reader did not finish: it loops");
  }

  @Test
  void pagesThroughFourThousandFiveHundredRowsWithShortPages() {
    try (SandboxFixture f = new SandboxFixture(4_500L, 15_000, true)) {
      Set<String> expected = new LinkedHashSet<>();
      for (int i = 0; i < 4_500; i++) {
        if (i % 100 == 0) {
          f.clock.advance(Duration.ofSeconds(1));
        }
        expected.add(f.sandbox.data().insert("Account", Map.of("Name", "Account " + i, "ERP_Id__c", String.format("C-A%05d", i))));
      }
      f.clock.advance(Duration.ofSeconds(10));
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      long queriesBefore = f.counted(ResourceKind.QUERY);
      List<Change<Account>> changes = drain(c.reader(EntityTypes.ACCOUNT).orElseThrow(), Watermark.initial(), 700, new ArrayList<>());
      long queries = f.counted(ResourceKind.QUERY) - queriesBefore;
      List<String> ids = changes.stream().map(Change::nativeId).toList();
      assertEquals(4_500, ids.size(), "every row exactly once");
      assertEquals(4_500, new HashSet<>(ids).size(), "no repeats");
      assertTrue(new HashSet<>(ids).containsAll(expected), "no loss");
      assertTrue(queries >= 3, "at least three pages of at most 2,000 rows, was " + queries);
      assertTrue(queries <= 30, "one call per Salesforce page, whatever the engine's page size; was " + queries);
      Instant last = Instant.MIN;
      for (Change<Account> ch : changes) {
        assertTrue(!ch.sourceTime().orElseThrow().isBefore(last), "keyset order");
        last = ch.sourceTime().orElseThrow();
        assertEquals("Account", ch.value().orElseThrow().name().substring(0, 7));
      }
      System.out.println("4,500 rows read with " + queries + " query calls");
    }
  }

  @Test
  void fiveHundredChangesOnOneTimestampAcrossPagesAreNeitherLostNorLooped() {
    try (SandboxFixture f = new SandboxFixture(500L)) {
      Set<String> expected = new LinkedHashSet<>();
      for (int i = 0; i < 500; i++) {
        expected.add(f.sandbox.data().insert("Account", Map.of("Name", "Same " + i, "ERP_Id__c", "C-S" + i)));
      }
      f.clock.advance(Duration.ofSeconds(5));
      SalesforceConnector.Builder b = f.connector().entities(EntityTypes.ACCOUNT).queryBatchSize(200);
      SalesforceConnector c = f.started(b);
      List<Change<Account>> all = drain(c.reader(EntityTypes.ACCOUNT).orElseThrow(), Watermark.initial(), 150, new ArrayList<>());
      assertEquals(500, all.size());
      assertEquals(expected, new HashSet<>(all.stream().map(Change::nativeId).toList()));

      // A crash after the first page: a new connector resumes from the stored watermark.
      ChangePage<Account> first = f.started(b).reader(EntityTypes.ACCOUNT).orElseThrow().read(Watermark.initial(), 150);
      assertEquals(150, first.changes().size());
      assertTrue(first.hasMore());
      List<Watermark> restPositions = new ArrayList<>();
      List<Change<Account>> rest = drain(f.started(b).reader(EntityTypes.ACCOUNT).orElseThrow(), first.next(), 150, restPositions);
      Set<String> union = new HashSet<>();
      first.changes().forEach(ch -> union.add(ch.nativeId()));
      rest.forEach(ch -> assertTrue(union.add(ch.nativeId()), "repeated " + ch.nativeId()));
      assertEquals(expected, union);

      // Caught up: a poll that finds nothing costs one query call and returns no change.
      long before = f.counted(ResourceKind.QUERY);
      List<Change<Account>> none = drain(c.reader(EntityTypes.ACCOUNT).orElseThrow(), restPositions.get(restPositions.size() - 1), 150,
          new ArrayList<>());
      assertTrue(none.isEmpty());
      assertEquals(1, f.counted(ResourceKind.QUERY) - before);
    }
  }

  @Test
  void overlapWindowRepeatsButNeverMovesTheWatermarkBack() {
    try (SandboxFixture f = new SandboxFixture(77L)) {
      for (int i = 0; i < 5; i++) {
        f.sandbox.data().insert("Account", Map.of("Name", "O" + i, "ERP_Id__c", "C-O" + i));
        f.clock.advance(Duration.ofSeconds(10));
      }
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT).changeOverlap(Duration.ofMinutes(2)));
      ChangeReader<Account> r = c.reader(EntityTypes.ACCOUNT).orElseThrow();
      List<Watermark> positions = new ArrayList<>();
      List<Change<Account>> firstPass = drain(r, Watermark.initial(), 100, positions);
      assertEquals(5, firstPass.size());
      Watermark w = positions.get(positions.size() - 1);
      List<Change<Account>> again = drain(r, w, 100, positions);
      assertFalse(again.isEmpty(), "the overlap band re-reads recent changes");
      for (Change<Account> ch : again) {
        assertEquals(w, ch.position(), "a repeated change never moves the watermark back");
      }
    }
  }

  @Test
  void deletesComeFromGetDeletedAndALostDeleteLogDemandsAFullResync() {
    try (SandboxFixture f = new SandboxFixture(15L)) {
      String a = f.sandbox.data().insert("Account", Map.of("Name", "Keep", "ERP_Id__c", "C-K"));
      String b = f.sandbox.data().insert("Account", Map.of("Name", "Gone", "ERP_Id__c", "C-G"));
      f.clock.advance(Duration.ofSeconds(5));
      SalesforceConnector c = f.started(f.connector().entities(EntityTypes.ACCOUNT));
      ChangeReader<Account> r = c.reader(EntityTypes.ACCOUNT).orElseThrow();
      List<Watermark> positions = new ArrayList<>();
      assertEquals(2, drain(r, Watermark.initial(), 100, positions).size());
      Watermark w = positions.get(positions.size() - 1);
      f.sandbox.data().delete(b);
      f.clock.advance(Duration.ofMinutes(6));
      List<Change<Account>> changes = drain(r, w, 100, positions);
      assertEquals(1, changes.stream().filter(Change::isDelete).count(), changes.toString());
      assertEquals(b.substring(0, 15), changes.stream().filter(Change::isDelete).findFirst().orElseThrow().nativeId().substring(0, 15));
      assertTrue(changes.stream().noneMatch(ch -> ch.nativeId().equals(a)));

      f.sandbox.data().purgeDeleteLog(f.clock.instant());
      f.clock.advance(Duration.ofMinutes(6));
      assertThrows(FullResyncRequiredException.class, () -> drain(f.started(f.connector().entities(EntityTypes.ACCOUNT))
          .reader(EntityTypes.ACCOUNT).orElseThrow(), w, 100, new ArrayList<>()));
      f.clock.advance(Duration.ofDays(16));
      Watermark latest = positions.get(positions.size() - 1);
      assertThrows(FullResyncRequiredException.class, () -> drain(r, latest, 100, new ArrayList<>()));
    }
  }
}
