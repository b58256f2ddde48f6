package io.github.tandemsync.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.Contact;
import io.github.tandemsync.core.model.Delivery;
import io.github.tandemsync.core.model.DeliveryLine;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Order;
import io.github.tandemsync.core.model.OrderStatus;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.core.model.QuoteStatus;
import io.github.tandemsync.core.model.SalesLine;
import io.github.tandemsync.core.spi.Health;
import io.github.tandemsync.core.spi.RecordWriter;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.exchequer.gateway.GatewayRequest;
import io.github.tandemsync.exchequer.gateway.GatewayResult;
import io.github.tandemsync.exchequer.gateway.ToolkitBridgeGateway;
import io.github.tandemsync.exchequer.gateway.ToolkitRecord;
import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import io.github.tandemsync.testkit.exchequer.FaultPlan;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writes through the Toolkit bridge simulator (protocol C): round trips, replays, faults, refusals. */
class BridgeGatewayTest {
  private static final long SEED = 41;
  private static ExchequerSandbox sandbox;
  private static ToolkitBridgeGateway gateway;
  private static ExchequerConnector connector;

  @BeforeAll
  static void setUp() {
    sandbox = Fixtures.sandbox(SEED, true, Fixtures.clock());
    sandbox.startBridge();
    gateway = gateway(sandbox.bridgeApiKey());
    connector = ExchequerConnector.builder().dataSource(sandbox.readOnlyDataSource()).company(sandbox.companyCode())
        .gateway(gateway).clock(Fixtures.clock()).build();
    connector.start(Fixtures.context(Fixtures.clock()));
  }

  static ToolkitBridgeGateway gateway(String key) {
    return ToolkitBridgeGateway.builder().baseUrl(URI.create(sandbox.bridgeUrl())).apiKey(key)
        .company(sandbox.companyCode()).maxAttempts(12).initialBackoff(Duration.ofMillis(1))
        .maxBackoff(Duration.ofMillis(5)).requestTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void tearDown() {
    connector.close();
    sandbox.close();
  }

  @AfterEach
  void noFaults() {
    sandbox.bridgeFaults(FaultPlan.none());
  }

  private static <T> RecordWriter<T> writer(io.github.tandemsync.core.EntityType<T> type) {
    return connector.writer(type).orElseThrow();
  }

  private static String stock(int n) {
    return sandbox.query().rows("SELECT stCode FROM [" + sandbox.companyCode() + "].[STOCK] WHERE stType = 'P' "
        + "ORDER BY stCode").get(n).get("stCode").toString().strip();
  }

  private static Account newCustomer(String name) {
    return Account.builder().role(AccountRole.CUSTOMER).name(name).phone("0113 000 0000").email("hello@example.com")
        .currency("GBP").vatCode("S").overallDiscount(new BigDecimal("5.00"))
        .billingAddress(Address.builder().line1("1 Road").town("Leeds").postcode("LS1 1AA").country("United Kingdom").build())
        .build();
  }

  private static Quote quote(String account, String reference, String stockCode) {
    return Quote.builder().externalReference(reference).accountCode(account).status(QuoteStatus.PRESENTED)
        .date(LocalDate.of(2026, 3, 15))
        .lines(List.of(SalesLine.builder().productCode(stockCode).quantity(new BigDecimal("2"))
            .unitPrice(Money.of("10.00", "GBP")).discountPercent(new BigDecimal("10")).build()))
        .build();
  }

  @Test
  void createsAnAccountWithAGeneratedCodeAndAReplayCreatesNothing() {
    Account account = newCustomer("Quillfeather Joinery");
    WriteOutcome<Account> first = writer(EntityTypes.ACCOUNT).write(List.of(WriteRequest.create(account, "acct-key-1")))
        .get(0);
    assertEquals(WriteOutcome.Status.CREATED, first.status(), () -> first.error().toString());
    String code = first.nativeId().orElseThrow();
    assertEquals("QUIL01", code, "first four letters + 2 digits");
    assertEquals(Optional.of(code), first.stored().orElseThrow().code(), "the stored value carries the assigned code");
    WriteOutcome<Account> replay = writer(EntityTypes.ACCOUNT).write(List.of(WriteRequest.create(account, "acct-key-1")))
        .get(0);
    assertEquals(WriteOutcome.Status.UNCHANGED, replay.status());
    assertEquals(Optional.of(code), replay.nativeId());
    assertEquals(1, sandbox.query().rows("SELECT acCode FROM [" + sandbox.companyCode() + "].[CUSTSUPP] WHERE acCompany = ?",
        "Quillfeather Joinery").size(), "one account, not two");
    Account read = connector.reader(EntityTypes.ACCOUNT).orElseThrow().fetch(List.of(code)).get(0).value().orElseThrow();
    assertEquals(new BigDecimal("5.00"), read.overallDiscount().orElseThrow(), "percent -> fraction -> percent");
    assertEquals(Optional.of("GB"), read.billingAddress().orElseThrow().countryCode(), "country name -> ISO code");

    Account second = newCustomer("Quillfeather Joinery");
    WriteOutcome<Account> another = writer(EntityTypes.ACCOUNT).write(List.of(WriteRequest.create(second, "acct-key-2")))
        .get(0);
    assertEquals("QUIL02", another.nativeId().orElseThrow(), "a taken code is skipped");

    WriteOutcome<Account> update = writer(EntityTypes.ACCOUNT).write(List.of(WriteRequest.update(code,
        account.toBuilder().phone("0113 999 9999").build(), Set.of("phone"), "acct-upd-1"))).get(0);
    assertEquals(WriteOutcome.Status.UPDATED, update.status(), () -> update.error().toString());
    assertEquals("0113 999 9999", sandbox.query().account(code).orElseThrow().get("acPhone").toString().strip());

    WriteOutcome<Contact> contact = writer(EntityTypes.CONTACT).write(List.of(WriteRequest.update(code,
        Contact.builder().accountCode(code).title("Ms").firstName("Ada").lastName("Quill").build(), Set.of(), "c-1"))).get(0);
    assertEquals(WriteOutcome.Status.UPDATED, contact.status(), () -> contact.error().toString());
    assertEquals("Ms Ada Quill", sandbox.query().account(code).orElseThrow().get("acContact").toString().strip());
    WriteOutcome<Contact> same = writer(EntityTypes.CONTACT).write(List.of(WriteRequest.update(code,
        Contact.builder().accountCode(code).title("Ms").firstName("Ada").lastName("Quill").build(), Set.of(), "c-2"))).get(0);
    assertEquals(WriteOutcome.Status.UNCHANGED, same.status(), "an unchanged contact costs no Toolkit call");
  }

  @Test
  void quoteThenAcceptanceConvertsToAnOrderThenADeliveryAgainstIt() {
    String account = sandbox.toolkit().accounts().add(Map.of("acCode", "QTE001", "acCustSupp", "C",
        "acCompany", "Quote Customer", "acCurrency", 1)).orThrow().accountCode();
    WriteOutcome<Quote> created = writer(EntityTypes.QUOTE).write(List.of(WriteRequest.create(
        quote(account, "Q-BR-0001", stock(0)), "engine-key-q1"))).get(0);
    assertEquals(WriteOutcome.Status.CREATED, created.status(), () -> created.error().toString());
    String squ = created.nativeId().orElseThrow();
    assertTrue(squ.startsWith("SQU"), squ);
    assertEquals(Optional.of(squ), created.stored().orElseThrow().number());
    WriteOutcome<Quote> replay = writer(EntityTypes.QUOTE).write(List.of(WriteRequest.create(
        quote(account, "Q-BR-0001", stock(0)), "engine-key-q1"))).get(0);
    assertEquals(WriteOutcome.Status.UNCHANGED, replay.status());
    assertEquals(Optional.of(squ), replay.nativeId());

    Quote accepted = quote(account, "Q-BR-0001", stock(0)).toBuilder().number(squ).status(QuoteStatus.ACCEPTED).build();
    WriteOutcome<Quote> converted = writer(EntityTypes.QUOTE).write(List.of(WriteRequest.update(squ, accepted,
        Set.of("status"), "engine-key-q2"))).get(0);
    assertEquals(WriteOutcome.Status.UPDATED, converted.status(), () -> converted.error().toString());
    Quote stored = converted.stored().orElseThrow();
    assertEquals(QuoteStatus.CONVERTED, stored.status());
    String sor = stored.extensions().get("exchequer.orderNumber").raw().toString();
    assertTrue(sor.startsWith("SOR"), sor);
    WriteOutcome<Quote> again = writer(EntityTypes.QUOTE).write(List.of(WriteRequest.update(squ, accepted,
        Set.of("status"), "engine-key-q3"))).get(0);
    assertEquals(sor, again.stored().orElseThrow().extensions().get("exchequer.orderNumber").raw(), "the same order");
    assertEquals(1, sandbox.query().documentsByLongYourRef("Q-BR-0001").stream()
        .filter(d -> d.get("thOurRef").toString().startsWith("SOR")).count(), "one order, not two");
    Quote readBack = connector.reader(EntityTypes.QUOTE).orElseThrow().fetch(List.of(squ)).get(0).value().orElseThrow();
    assertEquals(QuoteStatus.CONVERTED, readBack.status(), "the reader sees the conversion");

    Delivery delivery = Delivery.builder().externalReference("D-BR-0001").orderNumber(sor)
        .lines(List.of(DeliveryLine.builder().orderLineNumber(1).productCode(stock(0)).quantity(new BigDecimal("1"))
            .build())).build();
    WriteOutcome<Delivery> delivered = writer(EntityTypes.DELIVERY).write(List.of(WriteRequest.create(delivery, "d1")))
        .get(0);
    assertEquals(WriteOutcome.Status.CREATED, delivered.status(), () -> delivered.error().toString());
    assertTrue(delivered.nativeId().orElseThrow().startsWith("SDN"));
    Order order = connector.reader(EntityTypes.ORDER).orElseThrow().fetch(List.of(sor)).get(0).value().orElseThrow();
    assertEquals(OrderStatus.PARTIALLY_DELIVERED, order.status(), "one of two delivered");
    WriteOutcome<Delivery> replayed = writer(EntityTypes.DELIVERY).write(List.of(WriteRequest.create(delivery, "d1"))).get(0);
    assertEquals(delivered.nativeId(), replayed.nativeId(), "a replayed delivery is the same note");
  }

  @Test
  void ordersAreCreatedWithTheCrmReference() {
    String account = sandbox.toolkit().accounts().add(Map.of("acCode", "ORD001", "acCustSupp", "C",
        "acCompany", "Order Customer", "acCurrency", 1)).orThrow().accountCode();
    Order order = Order.builder().externalReference("SF-ORD-1").accountCode(account).status(OrderStatus.OPEN)
        .lines(List.of(SalesLine.builder().productCode(stock(1)).quantity(BigDecimal.ONE).build())).build();
    WriteOutcome<Order> outcome = writer(EntityTypes.ORDER).write(List.of(WriteRequest.create(order, "k"))).get(0);
    assertEquals(WriteOutcome.Status.CREATED, outcome.status(), () -> outcome.error().toString());
    assertEquals(Optional.of("SF-ORD-1"), connector.reader(EntityTypes.ORDER).orElseThrow().fetch(List.of(outcome.nativeId()
        .orElseThrow())).get(0).value().orElseThrow().externalReference());
    WriteOutcome<Order> edit = writer(EntityTypes.ORDER).write(List.of(WriteRequest.update(outcome.nativeId().orElseThrow(),
        order, Set.of("lines"), "k2"))).get(0);
    assertEquals("EXQ-UNSUPPORTED", edit.error().orElseThrow().code(), "documents are not edited through Tandem");
  }

  @Test
  void badDataFailsPermanentlyNamingTheRecordAndTheField() {
    String closed = sandbox.toolkit().accounts().add(Map.of("acCode", "SHUT01", "acCustSupp", "C",
        "acCompany", "Closed Ltd", "acCurrency", 1, "acAccStatus", 3)).orThrow().accountCode();
    String held = sandbox.toolkit().accounts().add(Map.of("acCode", "HOLD01", "acCustSupp", "C",
        "acCompany", "On Hold Ltd", "acCurrency", 1, "acAccStatus", 2)).orThrow().accountCode();
    String good = sandbox.toolkit().accounts().add(Map.of("acCode", "GOOD01", "acCustSupp", "C",
        "acCompany", "Good Ltd", "acCurrency", 1)).orThrow().accountCode();
    assertTrue(held.startsWith("HOLD"));

    List<WriteOutcome<Account>> accounts = writer(EntityTypes.ACCOUNT).write(List.of(
        WriteRequest.create(newCustomer("Too Long").toBuilder().code("TOOLONGCODE").build(), "bad-1"),
        WriteRequest.create(newCustomer("Bad Vat").toBuilder().vatCode("Q").build(), "bad-2"),
        WriteRequest.create(newCustomer("Fine Again"), "bad-3")));
    assertFailure(accounts.get(0), "code", "TOOLONGCODE");
    assertFailure(accounts.get(1), "vatCode", "30005");
    assertTrue(accounts.get(2).isSuccess(), "the good record after the bad ones is written");

    List<WriteOutcome<Quote>> quotes = writer(EntityTypes.QUOTE).write(List.of(
        WriteRequest.create(quote(good, "Q-BAD-1", "NO-SUCH-STOCK"), "q-bad-1"),
        WriteRequest.create(quote(closed, "Q-BAD-2", stock(0)), "q-bad-2"),
        WriteRequest.create(quote(good, "Q-OK-3", stock(0)), "q-ok-3")));
    assertFailure(quotes.get(0), "lines[0].productCode", "30106");
    assertFailure(quotes.get(1), "accountCode", "30250");
    assertTrue(quotes.get(2).isSuccess(), () -> quotes.get(2).error().toString());

    // Picking on an order for a customer on hold (30144): picking travels as a bespoke line field the
    // partner's customizer writes to tlQtyPicked.
    try (ExchequerConnector picking = ExchequerConnector.builder().dataSource(sandbox.readOnlyDataSource())
        .company(sandbox.companyCode()).gateway(gateway).clock(Fixtures.clock())
        .customize(EntityTypes.ORDER, new io.github.tandemsync.core.spi.MappingCustomizer<Order>() {
          @Override
          @SuppressWarnings("unchecked")
          public void beforeWrite(Order value, io.github.tandemsync.core.spi.NativeRecord target) {
            List<io.github.tandemsync.core.spi.NativeRecord> lines =
                (List<io.github.tandemsync.core.spi.NativeRecord>) target.get("lines").orElseThrow();
            for (int i = 0; i < lines.size(); i++) {
              Object picked = value.lines().get(i).extensions().get("picked").raw();
              lines.get(i).put("tlQtyPicked", picked);
            }
          }
        }).build()) {
      picking.start(Fixtures.context(Fixtures.clock()));
      Order pickedOrder = Order.builder().externalReference("SF-PICK-1").accountCode(held).status(OrderStatus.OPEN)
          .lines(List.of(SalesLine.builder().productCode(stock(0)).quantity(new BigDecimal("3"))
              .extension("picked", new BigDecimal("1")).build())).build();
      assertFailure(picking.writer(EntityTypes.ORDER).orElseThrow().write(List.of(WriteRequest.create(pickedOrder, "p1")))
          .get(0), "lines[0].pickedQuantity", "30144");
    }

    Quote longReference = quote(good, "Q-" + "9".repeat(30), stock(0));
    assertFailure(writer(EntityTypes.QUOTE).write(List.of(WriteRequest.create(longReference, "q-long"))).get(0),
        "externalReference", "thLongYourRef");
  }

  private static void assertFailure(WriteOutcome<?> outcome, String field, String mentioned) {
    assertEquals(WriteOutcome.Status.FAILED, outcome.status(), "expected a failure naming " + field);
    var error = outcome.error().orElseThrow();
    assertFalse(error.retryable(), () -> "permanent: " + error);
    assertEquals(Optional.of(field), error.field(), () -> error.toString());
    assertTrue(error.message().contains(mentioned) || error.code().equals(mentioned), () -> error + " mentions " + mentioned);
  }

  @Test
  void seededBridgeFaultsLoseNothingAndDuplicateNothing() {
    long faultSeed = 4242;
    System.out.println("bridge fault seed " + faultSeed);
    sandbox.bridgeFaults(FaultPlan.builder().seed(faultSeed)
        .probability(FaultPlan.Fault.RESET_AFTER_APPLY, 0.2)
        .probability(FaultPlan.Fault.RESET_BEFORE_APPLY, 0.1)
        .probability(FaultPlan.Fault.RECORD_LOCKED, 0.1)
        .probability(FaultPlan.Fault.TOOLKIT_BUSY, 0.1)
        .probability(FaultPlan.Fault.COUNTER_ERROR, 0.05)
        .scope(FaultPlan.Scope.ALL).build());
    List<WriteRequest<Account>> accounts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      accounts.add(WriteRequest.create(newCustomer("Faulty " + (char) ('A' + i) + " Builders"), "fault-acct-" + i));
    }
    List<WriteOutcome<Account>> outcomes = writeUntilDone(writer(EntityTypes.ACCOUNT), accounts);
    List<String> codes = outcomes.stream().map(o -> o.nativeId().orElseThrow()).toList();
    assertEquals(12, Set.copyOf(codes).size(), "twelve accounts");
    for (int i = 0; i < 12; i++) {
      assertEquals(1, sandbox.toolkit().accounts().findByAltCode("fault-acct-" + i).size(), "exactly one account per key");
    }
    List<WriteRequest<Quote>> quotes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      quotes.add(WriteRequest.create(quote(codes.get(i), "Q-FLT-" + i, stock(i)), "fault-quote-" + i));
    }
    writeUntilDone(writer(EntityTypes.QUOTE), quotes);
    for (int i = 0; i < 10; i++) {
      assertEquals(1, sandbox.toolkit().transactions().findByLongYourRef("SQU", "Q-FLT-" + i).size(),
          "exactly one quotation per key");
    }
  }

  /** The engine's loop: replay what failed retryably (with the same keys) until nothing is left. */
  private static <T> List<WriteOutcome<T>> writeUntilDone(RecordWriter<T> writer, List<WriteRequest<T>> requests) {
    List<WriteOutcome<T>> outcomes = new ArrayList<>(java.util.Collections.nCopies(requests.size(), null));
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      pending.add(i);
    }
    for (int round = 0; round < 20 && !pending.isEmpty(); round++) {
      List<WriteRequest<T>> batch = pending.stream().map(requests::get).toList();
      List<WriteOutcome<T>> results;
      try {
        results = writer.write(batch);
      } catch (io.github.tandemsync.core.RetryableException e) {
        continue;
      }
      List<Integer> next = new ArrayList<>();
      for (int j = 0; j < batch.size(); j++) {
        WriteOutcome<T> result = results.get(j);
        if (result.isSuccess()) {
          outcomes.set(pending.get(j), result);
        } else if (result.error().orElseThrow().retryable()) {
          next.add(pending.get(j));
        } else {
          throw new AssertionError("a fault made a permanent failure: " + result.error());
        }
      }
      pending = next;
    }
    assertTrue(pending.isEmpty(), "every request done after the faults");
    return outcomes;
  }

  @Test
  void gatewayLevelBehaviour() {
    assertEquals(Health.Status.UP, gateway.health().status(), gateway.health().detail());
    assertEquals(Health.Status.UP, connector.health().status());
    ToolkitBridgeGateway wrongKey = gateway("tk_wrong");
    assertEquals(Health.Status.DOWN, wrongKey.health().status());
    ConfigurationException refused = assertThrows(ConfigurationException.class, () -> wrongKey.addAccounts(List.of(
        GatewayRequest.of("k", ToolkitRecord.builder().set("acCode", "X").build()))));
    assertFalse(refused.getMessage().contains("tk_wrong"), "the key is never in a message");
    assertFalse(gateway.toString().contains(sandbox.bridgeApiKey()), "nor in toString");
    assertThrows(ConfigurationException.class, () -> ToolkitBridgeGateway.builder()
        .baseUrl(URI.create("http://erp.example.com:8080")).apiKey("k").company("ZZZZ01").build(), "https off loopback");
    GatewayResult tooLong = gateway.addAccounts(List.of(GatewayRequest.of("K".repeat(21), ToolkitRecord.empty()))).get(0);
    assertEquals(GatewayResult.VALUE_TOO_LONG, tooLong.resultCode());
    GatewayResult missing = gateway.updateAccount("NOSUCH", ToolkitRecord.builder().set("acPhone", "1").build());
    assertEquals(GatewayResult.NOT_FOUND, missing.resultCode());
    assertEquals(GatewayResult.Status.REJECTED, missing.status());
    assertEquals(Optional.empty(), gateway.findAccount("never-used-key"));
    sandbox.toolkit().accounts().add(Map.of("acCode", "DUP001", "acCustSupp", "C", "acCompany", "First",
        "acCurrency", 1)).orThrow();
    GatewayResult duplicate = gateway.addAccounts(List.of(GatewayRequest.of("dup-key", ToolkitRecord.builder()
        .set("acCode", "DUP001").set("acCustSupp", "C").set("acCompany", "Dup").set("acCurrency", 1).build()))).get(0);
    assertEquals(GatewayResult.DUPLICATE_KEY, duplicate.resultCode(), duplicate.message());
    assertEquals(GatewayResult.Status.REJECTED, duplicate.status());
    assertEquals(Optional.of("DUP001"), duplicate.record().flatMap(r -> r.text("acCode")), "with the existing record");
  }
}
