package io.github.tandemsync.exchequer;

import static io.github.tandemsync.exchequer.Fixtures.insert;
import static io.github.tandemsync.exchequer.Fixtures.prefixed;
import static io.github.tandemsync.exchequer.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountBalances;
import io.github.tandemsync.core.model.CreditNote;
import io.github.tandemsync.core.model.EntityTypes;
import io.github.tandemsync.core.model.Invoice;
import io.github.tandemsync.core.model.InvoiceLine;
import io.github.tandemsync.core.model.Job;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Order;
import io.github.tandemsync.core.model.Product;
import io.github.tandemsync.core.model.StockLevel;
import io.github.tandemsync.core.model.Warehouse;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each derivation rule of the brief, on documents the emulated Toolkit made and on fixture rows. */
class DerivationsTest {
  private static final long SEED = 31;
  private static ExchequerSandbox sandbox;
  private static ExchequerConnector connector;
  private static DataSource admin;
  private static String co;

  @BeforeAll
  static void setUp() {
    sandbox = Fixtures.sandbox(SEED, true, Fixtures.clock());
    admin = sandbox.dataSource();
    co = sandbox.companyCode();
    connector = connector(sandbox);
  }

  static ExchequerConnector connector(ExchequerSandbox box) {
    ExchequerConnector built = ExchequerConnector.builder().dataSource(box.readOnlyDataSource()).company(box.companyCode())
        .clock(Fixtures.clock()).build();
    built.start(Fixtures.context(Fixtures.clock()));
    return built;
  }

  @AfterAll
  static void tearDown() {
    connector.close();
    sandbox.close();
  }

  private static String euroCustomer() {
    List<Map<String, Object>> rows = sandbox.query().rows("SELECT TOP 1 acCode FROM [" + co + "].[CUSTSUPP] "
        + "WHERE acCustSupp = 'C' AND acCurrency = 2 AND acAccStatus = 0 ORDER BY acCode");
    return rows.get(0).get("acCode").toString().strip();
  }

  private static String stock(int n) {
    return sandbox.query().rows("SELECT stCode FROM [" + co + "].[STOCK] WHERE stType = 'P' ORDER BY stCode").get(n)
        .get("stCode").toString().strip();
  }

  @Test
  void invoicesFromDeliveriesCarryDeliveryReferenceMatchedOrderAndBaseValues() {
    String account = euroCustomer();
    String order = sandbox.toolkit().transactions().add(Map.of("thDocType", "SOR", "thAcCode", account,
        "thLongYourRef", "Q-DER-1", "thYourRef", "PO-DER",
        "lines", List.of(Map.of("tlStockCode", stock(0), "tlQty", 2, "tlNetValue", 10.0),
            Map.of("tlStockCode", stock(1), "tlQty", 1, "tlNetValue", 33.33)))).orThrow().ourRef();
    String delivery = sandbox.toolkit().transactions().deliverOrder(order).orThrow().ourRef();
    String invoice = sandbox.toolkit().posting().invoiceDeliveries(List.of(delivery), LocalDate.of(2026, 3, 15))
        .orThrow().ourRef();

    Invoice read = connector.reader(EntityTypes.INVOICE).orElseThrow().fetch(List.of(invoice)).get(0).value().orElseThrow();
    assertEquals(java.util.Optional.of(order), read.orderNumber(), "order number from the matched SOR");
    assertEquals(java.util.Optional.of("Q-DER-1"), read.quoteReference(), "quote reference from the matched SOR");
    assertEquals(2, read.lines().size(), "the SDN reference line is not a goods line");
    BigDecimal rate = new BigDecimal(sandbox.query().document(invoice).orElseThrow().get("thCompanyRate").toString());
    for (InvoiceLine line : read.lines()) {
      assertEquals(java.util.Optional.of(delivery), line.deliveryReference(), "delivery reference parsed from the SDN line");
      assertEquals("EUR", line.netValue().orElseThrow().currency());
      BigDecimal expectedBase = line.netValue().orElseThrow().amount().divide(rate, 2, RoundingMode.HALF_UP);
      assertEquals(Money.of(expectedBase, "GBP"), line.baseNetValue().orElseThrow(), "base value at the document rate");
      BigDecimal gross = line.netValue().orElseThrow().amount().add(new BigDecimal("0.00"));
      assertTrue(line.grossValue().orElseThrow().amount().compareTo(gross) >= 0, "gross = net + VAT");
    }
    Order afterInvoice = connector.reader(EntityTypes.ORDER).orElseThrow().fetch(List.of(order)).get(0).value().orElseThrow();
    assertEquals(io.github.tandemsync.core.model.OrderStatus.INVOICED, afterInvoice.status());

    String credit = sandbox.toolkit().posting().creditInvoice(invoice, LocalDate.of(2026, 3, 15)).orThrow().ourRef();
    CreditNote note = connector.reader(EntityTypes.CREDIT_NOTE).orElseThrow().fetch(List.of(credit)).get(0).value()
        .orElseThrow();
    Map<String, InvoiceLine> invoiced = new HashMap<>();
    read.lines().forEach(line -> invoiced.put(line.productCode().orElseThrow(), line));
    for (InvoiceLine line : note.lines()) {
      InvoiceLine original = invoiced.get(line.productCode().orElseThrow());
      assertEquals(original.unitPrice().orElseThrow().negate(), line.unitPrice().orElseThrow(), "unit price negated");
      assertEquals(original.netValue().orElseThrow().negate(), line.netValue().orElseThrow(), "net negated");
      assertEquals(original.grossValue().orElseThrow().negate(), line.grossValue().orElseThrow(), "gross negated");
      assertEquals(original.costPrice().orElseThrow().negate(), line.costPrice().orElseThrow(), "cost negated");
      assertTrue(line.netValue().orElseThrow().amount().signum() < 0);
    }
    assertEquals(read.grossTotal().orElseThrow().negate(), note.grossTotal().orElseThrow(), "totals negated");
    assertEquals(java.util.Optional.of(credit + "-"), note.invoiceNumber());
  }

  @Test
  void theBalancesAreContractBRecomputedIndependently() {
    Map<String, Change<AccountBalances>> read = Fixtures.readAll(connector, EntityTypes.ACCOUNT_BALANCES, 25);
    int year = 2026 - 1900;
    int period = 3;
    Map<String, BigDecimal[]> expected = new HashMap<>();
    Map<String, Integer> latestYear = new HashMap<>();
    for (Map<String, Object> row : Fixtures.select(admin, "SELECT hiCode, hiExCLass, hiYear, hiPeriod, hiSales, hiPurchases "
        + "FROM [" + co + "].[HISTORY] WHERE hiCurrency = 0 AND hiExCLass IN (85, 87)")) {
      byte[] code = (byte[]) row.get("hiCode");
      String account = new String(code, 1, 6, Charset.forName("windows-1252")).strip();
      int cls = ((Number) row.get("hiExCLass")).intValue();
      int y = ((Number) row.get("hiYear")).intValue();
      int p = ((Number) row.get("hiPeriod")).intValue();
      BigDecimal sales = BigDecimal.valueOf(((Number) row.get("hiSales")).doubleValue());
      BigDecimal purchases = BigDecimal.valueOf(((Number) row.get("hiPurchases")).doubleValue());
      BigDecimal[] figures = expected.computeIfAbsent(account, a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
          BigDecimal.ZERO, BigDecimal.ZERO});
      if (cls == 85 && p == 255 && y >= latestYear.getOrDefault(account, Integer.MIN_VALUE)) {
        latestYear.put(account, y);
        figures[0] = purchases.subtract(sales);
      } else if (cls == 87 && p >= 1 && p <= period) {
        if (y == year && p == period) {
          figures[1] = figures[1].add(sales);
        }
        if (y == year) {
          figures[2] = figures[2].add(sales);
        }
        if (y == year - 1) {
          figures[3] = figures[3].add(sales);
        }
      }
    }
    int checked = 0;
    for (Change<AccountBalances> change : read.values()) {
      AccountBalances balances = change.value().orElseThrow(() -> new AssertionError(change.error().toString()));
      boolean supplier = sandbox.query().account(change.nativeId()).map(a -> "S".equals(a.get("acCustSupp").toString().strip()))
          .orElse(false);
      BigDecimal[] figures = expected.getOrDefault(change.nativeId(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
          BigDecimal.ZERO, BigDecimal.ZERO});
      BigDecimal balance = supplier ? figures[0].negate() : figures[0];
      assertEquals(balance.setScale(2, RoundingMode.HALF_UP), balances.balance(), change.nativeId() + " balance");
      assertEquals(figures[1].setScale(2, RoundingMode.HALF_UP), balances.monthToDate(), change.nativeId() + " MTD");
      assertEquals(figures[2].setScale(2, RoundingMode.HALF_UP), balances.yearToDate(), change.nativeId() + " YTD");
      assertEquals(figures[3].setScale(2, RoundingMode.HALF_UP), balances.lastYearToDate(), change.nativeId() + " LYTD");
      if (!supplier) {
        assertEquals(0, sandbox.query().balance(change.nativeId()).compareTo(balances.balance()), "sandbox agrees");
        assertEquals(0, sandbox.query().yearToDate(change.nativeId()).compareTo(balances.yearToDate()), "sandbox agrees");
      }
      checked++;
    }
    assertTrue(checked > 20, "the demo company has accounts with history");
    assertTrue(expected.values().stream().anyMatch(f -> f[3].signum() != 0), "last year's figures are exercised");
  }

  @Test
  void freeStockFollowsTheCompanySettings() {
    String code = stock(2);
    insert(admin, co, "StockLocation", row("LsStkCode", code, "LsLocCode", "ZZF", "LsQtyInStock", 50.0,
        "LsQtyAlloc", 8.0, "LsQtyPicked", 3.0, "LsQtyOnOrder", 4.0));
    String id = code + "@ZZF";
    assertEquals(new BigDecimal("42.00"), level(id).free(), "in stock less allocated");
    Fixtures.execute(admin, "UPDATE [" + co + "].[EXCHQSS] SET [UsePick4All] = ?", true);
    assertEquals(new BigDecimal("47.00"), level(id).free(), "picking allocates: in stock less picked");
    Fixtures.execute(admin, "UPDATE [" + co + "].[EXCHQSS] SET [FreeExAll] = ?", true);
    assertEquals(new BigDecimal("50.00"), level(id).free(), "free stock excludes orders: in stock");
    Fixtures.execute(admin, "UPDATE [" + co + "].[EXCHQSS] SET [FreeExAll] = ?, [UsePick4All] = ?", false, false);
  }

  private static StockLevel level(String id) {
    try (ExchequerConnector fresh = connector(sandbox)) {
      return fresh.reader(EntityTypes.STOCK_LEVEL).orElseThrow().fetch(List.of(id)).get(0).value().orElseThrow();
    }
  }

  @Test
  void aRowThatCannotBeMappedIsInvalidNamingRecordAndFieldWhileThePageGoesOn() {
    insert(admin, co, "CUSTSUPP", row("acCode", "BADC01", "acCustSupp", "C", "acCompany", "Bad Currency Ltd",
        "acCurrency", 9, "acLastUsed", "20260315", "acTimeStamp", "091500"));
    insert(admin, co, "JOBHEAD", row("JobCode", "BADJOB", "JobDesc", "Bad date", "StartDate", "20261345", "JobStat", 2));
    insert(admin, co, "CUSTSUPP", row("acCode", "BADN01", "acCustSupp", "C", "acCompany", "\0\0\0",
        "acCurrency", 1, "acLastUsed", "20260315", "acTimeStamp", "091501"));
    Map<String, Change<Account>> accounts = Fixtures.readAll(connector, EntityTypes.ACCOUNT, 10);
    Change<Account> currency = accounts.get("BADC01");
    assertEquals(Change.Kind.INVALID, currency.kind());
    assertEquals(java.util.Optional.of("currency"), currency.error().orElseThrow().field());
    assertTrue(currency.error().orElseThrow().message().contains("BADC01"), currency.error().toString());
    assertTrue(currency.error().orElseThrow().message().contains("acCurrency"), currency.error().toString());
    assertFalse(currency.error().orElseThrow().retryable());
    Change<Account> name = accounts.get("BADN01");
    assertEquals(java.util.Optional.of("name"), name.error().orElseThrow().field(), "a NUL-only company name is blank");
    assertTrue(accounts.values().stream().filter(c -> c.kind() == Change.Kind.UPSERT).count() > 50,
        "the other accounts of the pages are read");
    Change<Job> job = Fixtures.readAll(connector, EntityTypes.JOB, 5).get("BADJOB");
    assertEquals(java.util.Optional.of("startDate"), job.error().orElseThrow().field());
    assertTrue(job.error().orElseThrow().message().contains("StartDate"), job.error().toString());
  }

  @Test
  void allowSplitTotalStockAndPreV8CountriesOnAnotherCompany() {
    try (ExchequerSandbox plain = Fixtures.sandbox(SEED + 1, false, Fixtures.clock())) {
      DataSource plainAdmin = plain.dataSource();
      String company = plain.companyCode();
      Fixtures.execute(plainAdmin, "UPDATE [" + company + "].[EXCHQSS] SET [NoQtyDec] = ?, [UseMLoc] = ?", 0, false);
      Fixtures.executeAll(plainAdmin, "ALTER TABLE [" + company + "].[CUSTSUPP] DROP COLUMN [acCountry]");
      insert(plainAdmin, company, "STOCK", row("stCode", "UNIT-1", "stType", "P", "stSalesUnits", 1.0,
          "stQtyInStock", 12.0, "stQtyAllocated", 2.0, "stLastUsed", "20260301", "stTimeChange", "100000"));
      insert(plainAdmin, company, "STOCK", row("stCode", "PACK-6", "stType", "P", "stSalesUnits", 6.0,
          "stLastUsed", "20260301", "stTimeChange", "100001"));
      insert(plainAdmin, company, "STOCK", row("stCode", "TEXT-1", "stType", "D", "stLastUsed", "20260301",
          "stTimeChange", "100002"));
      insert(plainAdmin, company, "CUSTSUPP", row("acCode", "OLDV01", "acCustSupp", "C", "acCompany", "Old Version Ltd",
          "acAddressLine1", "1 Rue", "acAddressLine5", "France", "acCurrency", 1, "acLastUsed", "20260301",
          "acTimeStamp", "100000"));
      try (ExchequerConnector plainConnector = connector(plain)) {
        Map<String, Change<Product>> products = Fixtures.readAll(plainConnector, EntityTypes.PRODUCT, 10);
        assertFalse(products.get("UNIT-1").value().orElseThrow().allowSplit(), "no quantity decimals and no pack");
        assertTrue(products.get("PACK-6").value().orElseThrow().allowSplit(), "a pack factor above 1 allows splitting");
        assertFalse(products.get("TEXT-1").value().orElseThrow().stocked(), "description-only items are not stocked");
        Map<String, Change<Warehouse>> warehouses = Fixtures.readAll(plainConnector, EntityTypes.WAREHOUSE, 10);
        assertEquals(java.util.Set.of("NOTSET", "TOTAL"), warehouses.keySet(), "multi-location stock is off");
        StockLevel total = Fixtures.readAll(plainConnector, EntityTypes.STOCK_LEVEL, 10).get("UNIT-1@TOTAL").value()
            .orElseThrow();
        assertEquals(new BigDecimal("12"), total.inStock());
        assertEquals(new BigDecimal("10"), total.free());
        Account old = Fixtures.readAll(plainConnector, EntityTypes.ACCOUNT, 10).get("OLDV01").value().orElseThrow();
        assertEquals(java.util.Optional.of("France"), old.billingAddress().orElseThrow().country(),
            "before v8 the fifth address line holds the country");
        assertEquals(java.util.Optional.of("FR"), old.billingAddress().orElseThrow().countryCode());
        assertEquals(java.util.Optional.empty(), old.billingAddress().orElseThrow().line5());
      }
    }
  }

  @Test
  void continuationLinesExtendTheStockLineAboveOnly() {
    insert(admin, co, "DOCUMENT", row("thFolioNum", 990001, "thOurRef", "SOR990001", "thDocType", 8, "thAcCode",
        euroCustomer(), "thLongYourRef", prefixed("", 21), "thCurrency", 1, "thTransDate", "20260310"));
    int line = 0;
    for (Object[] spec : new Object[][] {{"", "Heading text, not a continuation", 0.0}, {stock(0), "Goods", 2.0},
        {"", "more about the goods", 0.0}, {"", "and more", 0.0}, {"", "SDN000123 01/03/2026", 0.0}, {"", "free text", 0.0}}) {
      line++;
      insert(admin, co, "DETAILS", row("tlFolioNum", 990001, "tlOurRef", "SOR990001", "tlDocType", 8, "tlLineNo", line,
          "tlABSLineNo", line, "tlStockCode", prefixed((String) spec[0], 21), "tlDescription", spec[1], "tlQty", spec[2],
          "tlNetValue", ((Double) spec[2]) > 0 ? 5.0 : 0.0, "tlCurrency", 1));
    }
    Order order = connector.reader(EntityTypes.ORDER).orElseThrow().fetch(List.of("SOR990001")).get(0).value().orElseThrow();
    assertEquals(3, order.lines().size(), "heading, goods with its continuation, free text; the SDN line dropped");
    assertEquals(java.util.Optional.of("Heading text, not a continuation"), order.lines().get(0).description());
    assertEquals(java.util.Optional.of("Goods\nmore about the goods\nand more"), order.lines().get(1).description());
    assertEquals(java.util.Optional.of("free text"), order.lines().get(2).description());
  }
}
