package io.github.tandemsync.exchequer;

import static io.github.tandemsync.exchequer.Fixtures.insert;
import static io.github.tandemsync.exchequer.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.GlAccount;
import io.github.tandemsync.core.model.Order;
import io.github.tandemsync.core.model.OrderStatus;
import io.github.tandemsync.core.model.Payment;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.core.model.StockLevel;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.ChangePage;
import io.github.tandemsync.core.spi.ChangeReader;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Watermarks: equal stamps across pages, the overlap window, clock skew, open documents, deletes. */
class WatermarkTest {
  private static final long SEED = 23;
  private static ExchequerSandbox sandbox;
  private static ExchequerConnector connector;
  private static DataSource admin;
  private static String co;

  @BeforeAll
  static void setUp() {
    sandbox = Fixtures.sandbox(SEED, true, Fixtures.clock());
    admin = sandbox.dataSource();
    co = sandbox.companyCode();
    connector = ExchequerConnector.builder().dataSource(sandbox.readOnlyDataSource()).company(co).clock(Fixtures.clock())
        .build();
    connector.start(Fixtures.context(Fixtures.clock()));
  }

  @AfterAll
  static void tearDown() {
    connector.close();
    sandbox.close();
  }

  private static void account(String code, String date, String time) {
    insert(admin, co, "CUSTSUPP", row("acCode", code, "acCustSupp", "C", "acCompany", "Same Stamp " + code,
        "acCurrency", 1, "acLastUsed", date, "acTimeStamp", time));
  }

  @Test
  void everyEntityOfTheDemoCompanyReadsWithoutInvalidRows() {
    for (var capability : connector.capabilities()) {
      Map<String, ? extends Change<?>> all = Fixtures.readAll(connector, capability.entityType(), 200);
      assertFalse(all.isEmpty(), capability.entityType() + " has rows");
      for (Change<?> change : all.values()) {
        assertEquals(Change.Kind.UPSERT, change.kind(), () -> capability.entityType() + " " + change.error());
      }
    }
  }

  @Test
  void fiveHundredAccountsWithOneStampArePagedWithoutLossOrLoop() {
    for (int i = 0; i < 500; i++) {
      account(String.format("SS%04d", i), "20260315", "090000");
    }
    ChangeReader<Account> reader = connector.reader(EntityTypes.ACCOUNT).orElseThrow();
    List<Watermark> ends = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Watermark position = Watermark.initial();
    int pages = 0;
    while (true) {
      ChangePage<Account> page = reader.read(position, 100);
      pages++;
      assertTrue(page.changes().size() <= 100, "a page holds at most the limit");
      for (Change<Account> change : page.changes()) {
        seen.merge(change.nativeId(), 1, Integer::sum);
      }
      position = page.next();
      if (!page.hasMore()) {
        break;
      }
      assertTrue(pages < 50, "the reader does not advance");
    }
    for (int i = 0; i < 500; i++) {
      assertEquals(1, seen.getOrDefault(String.format("SS%04d", i), 0), "account SS" + i + " read exactly once");
    }
    // Caught up: the overlap window (10 minutes behind the newest stamp) is read again, and the pass ends.
    List<Change<Account>> again = Fixtures.pass(reader, position, 100, ends);
    Set<String> repeated = again.stream().map(Change::nativeId).collect(Collectors.toSet());
    assertTrue(seen.keySet().containsAll(repeated), "after catching up only repeats come back");
    assertTrue(repeated.contains("SS0000") && repeated.contains("SS0499"), "stamps inside the overlap window are re-read");
  }

  @Test
  void theOverlapCatchesLateWritesAndSkewedClocks() {
    ChangeReader<Account> reader = connector.reader(EntityTypes.ACCOUNT).orElseThrow();
    List<Watermark> ends = new ArrayList<>();
    Fixtures.pass(reader, Watermark.initial(), 200, ends);
    // A workstation with a fast clock writes a stamp from tonight...
    account("FAST01", "20260315", "230000");
    Fixtures.pass(reader, ends.get(0), 200, ends);
    // ...then a slow workstation writes a record stamped before "now" but after the previous pass.
    account("SLOW01", "20260315", "095500");
    List<Change<Account>> late = Fixtures.pass(reader, ends.get(1), 200, ends);
    assertTrue(late.stream().anyMatch(c -> c.nativeId().equals("SLOW01")),
        "a write stamped behind a future stamp is still read (the rewind is capped at Exchequer's now)");
  }

  @Test
  void blankAndOddStampsAreReadOnTheFirstPass() {
    account("BLNK01", "", "");
    account("BLNK02", "\0\0\0\0\0\0\0\0", "\0\0\0\0\0\0");
    account("BLNK03", "00000000", "000000");
    Map<String, Change<Account>> all = Fixtures.readAll(connector, EntityTypes.ACCOUNT, 50);
    for (String code : List.of("BLNK01", "BLNK02", "BLNK03")) {
      assertEquals(Change.Kind.UPSERT, all.get(code).kind(), code);
    }
  }

  @Test
  void anOpenOrderIsRescannedWhenItsStatusChanges() {
    ChangeReader<Order> reader = connector.reader(EntityTypes.ORDER).orElseThrow();
    List<Watermark> ends = new ArrayList<>();
    Map<String, Order> first = new HashMap<>();
    for (Change<Order> change : Fixtures.pass(reader, Watermark.initial(), 40, ends)) {
      change.value().ifPresent(order -> first.put(change.nativeId(), order));
    }
    String open = first.values().stream().filter(o -> o.status() == OrderStatus.OPEN).map(o -> o.number().orElseThrow())
        .sorted().findFirst().orElseThrow(() -> new AssertionError("the demo company has no open order"));
    sandbox.toolkit().transactions().deliverOrder(open).orThrow();
    Map<String, Order> later = new HashMap<>();
    for (Change<Order> change : Fixtures.pass(reader, ends.get(0), 40, ends)) {
      change.value().ifPresent(order -> later.put(change.nativeId(), order));
    }
    assertTrue(later.containsKey(open), "the delivered order is read again");
    assertEquals(OrderStatus.DELIVERED, later.get(open).status());
  }

  @Test
  void anInvoicePaidInFullLeavesTheOpenSetAndIsStillSeen() {
    ChangeReader<Payment> reader = connector.reader(EntityTypes.PAYMENT).orElseThrow();
    List<Watermark> ends = new ArrayList<>();
    Map<String, Payment> first = new HashMap<>();
    for (Change<Payment> change : Fixtures.pass(reader, Watermark.initial(), 60, ends)) {
      change.value().ifPresent(payment -> first.put(change.nativeId(), payment));
    }
    Payment unpaid = first.values().stream().filter(p -> !p.paid())
        .filter(p -> p.outstanding().orElseThrow().amount().signum() > 0)
        .filter(p -> sandbox.query().document(p.invoiceNumber()).map(d -> ((Number) d.get("thCurrency")).intValue() == 1)
            .orElse(false))
        .sorted((a, b) -> a.invoiceNumber().compareTo(b.invoiceNumber())).findFirst()
        .orElseThrow(() -> new AssertionError("the demo company has no unpaid sterling invoice"));
    sandbox.toolkit().posting().payInvoice(unpaid.invoiceNumber(), LocalDate.of(2026, 3, 15),
        unpaid.outstanding().orElseThrow().amount()).orThrow();
    Map<String, Payment> later = new HashMap<>();
    for (Change<Payment> change : Fixtures.pass(reader, ends.get(0), 60, ends)) {
      change.value().ifPresent(payment -> later.put(change.nativeId(), payment));
    }
    assertTrue(later.containsKey(unpaid.invoiceNumber()), "the paid invoice is read again");
    assertTrue(later.get(unpaid.invoiceNumber()).paid(), "and is now paid");
    assertEquals(0, later.get(unpaid.invoiceNumber()).outstanding().orElseThrow().amount().signum());
  }

  @Test
  void newDocumentsAppearAfterTheHighWaterMark() {
    ChangeReader<Quote> reader = connector.reader(EntityTypes.QUOTE).orElseThrow();
    List<Watermark> ends = new ArrayList<>();
    Set<String> before = ids(Fixtures.pass(reader, Watermark.initial(), 50, ends));
    String ref = sandbox.toolkit().transactions().add(Map.of("thDocType", "SQU", "thAcCode", demoCustomer(),
        "thLongYourRef", "Q-WM-1", "lines", List.of(Map.of("tlStockCode", demoStock(), "tlQty", 2)))).orThrow().ourRef();
    List<Change<Quote>> next = Fixtures.pass(reader, ends.get(0), 50, ends);
    assertTrue(next.stream().anyMatch(c -> c.nativeId().equals(ref)), "the new quotation " + ref + " is read");
    before.addAll(ids(next));
    List<Change<Quote>> then = Fixtures.pass(reader, ends.get(1), 50, ends);
    assertTrue(before.containsAll(ids(then)), "a caught-up reader re-reads only what it returned before");
  }

  @Test
  void fetchReportsRecordsThatNoLongerExistAsDeletes() {
    account("GONE01", "20260315", "080000");
    account("KEPT01", "20260315", "080000");
    Fixtures.execute(admin, "DELETE FROM [" + co + "].[CUSTSUPP] WHERE [acCode] = ?", "GONE01");
    List<Change<Account>> accounts = connector.reader(EntityTypes.ACCOUNT).orElseThrow().fetch(List.of("GONE01", "KEPT01"));
    assertEquals(Change.Kind.DELETE, accounts.get(0).kind());
    assertEquals("GONE01", accounts.get(0).nativeId());
    assertEquals(Change.Kind.UPSERT, accounts.get(1).kind());

    insert(admin, co, "NOMINAL", row("glCode", 88881, "glName", "Temporary", "glType", "A"));
    Fixtures.execute(admin, "DELETE FROM [" + co + "].[NOMINAL] WHERE [glCode] = ?", 88881);
    List<Change<GlAccount>> gl = connector.reader(EntityTypes.GL_ACCOUNT).orElseThrow().fetch(List.of("88881", "12010"));
    assertEquals(List.of(Change.Kind.DELETE, Change.Kind.UPSERT), gl.stream().map(Change::kind).toList());

    ChangeReader<Quote> quotes = connector.reader(EntityTypes.QUOTE).orElseThrow();
    String ref = sandbox.toolkit().transactions().add(Map.of("thDocType", "SQU", "thAcCode", demoCustomer(),
        "lines", List.of(Map.of("tlStockCode", demoStock(), "tlQty", 1)))).orThrow().ourRef();
    assertEquals(Change.Kind.UPSERT, quotes.fetch(List.of(ref)).get(0).kind());
    Fixtures.execute(admin, "DELETE FROM [" + co + "].[DOCUMENT] WHERE [thOurRef] = ?", ref);
    assertEquals(Change.Kind.DELETE, quotes.fetch(List.of(ref)).get(0).kind(), "a deleted quotation");

    ChangeReader<StockLevel> levels = connector.reader(EntityTypes.STOCK_LEVEL).orElseThrow();
    Change<StockLevel> some = Fixtures.readAll(connector, EntityTypes.STOCK_LEVEL, 500).values().iterator().next();
    List<Change<StockLevel>> fetched = levels.fetch(List.of(some.nativeId(), "NOPE@MAI"));
    assertEquals(Change.Kind.UPSERT, fetched.get(0).kind());
    assertEquals(Change.Kind.DELETE, fetched.get(1).kind());
  }

  @Test
  void findsRecordsByNaturalKeys() {
    String customer = demoCustomer();
    ChangeReader<Account> accounts = connector.reader(EntityTypes.ACCOUNT).orElseThrow();
    assertEquals(customer, accounts.findByKey("code", List.of(customer.toLowerCase() + " ")).get(0).nativeId(),
        "account codes match case- and padding-insensitively");
    String ref = sandbox.toolkit().transactions().add(Map.of("thDocType", "SQU", "thAcCode", customer,
        "thLongYourRef", "Q-KEY-77", "lines", List.of(Map.of("tlStockCode", demoStock(), "tlQty", 1)))).orThrow().ourRef();
    ChangeReader<Quote> quotes = connector.reader(EntityTypes.QUOTE).orElseThrow();
    assertEquals(ref, quotes.findByKey("externalReference", List.of("Q-KEY-77")).get(0).nativeId());
    assertEquals(ref, quotes.findByKey("number", List.of(ref)).get(0).nativeId());
    assertTrue(quotes.findByKey("externalReference", List.of("Q-KEY-7")).isEmpty(), "a prefix is not a match");
  }

  static String demoCustomer() {
    Object code = sandbox.query().rows("SELECT TOP 1 acCode FROM [" + co + "].[CUSTSUPP] WHERE acCustSupp = 'C' "
        + "AND acAccStatus = 0 ORDER BY acCode").get(0).get("acCode");
    return code.toString().strip();
  }

  static String demoStock() {
    Object code = sandbox.query().rows("SELECT TOP 1 stCode FROM [" + co + "].[STOCK] WHERE stType = 'P' ORDER BY stCode")
        .get(0).get("stCode");
    return code.toString().strip();
  }

  static Set<String> ids(List<? extends Change<?>> changes) {
    return changes.stream().map(Change::nativeId).collect(Collectors.toCollection(HashSet::new));
  }
}
