package io.github.tandemsync.testkit.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What users post: invoices from orders and deliveries, receipts, credits, daybook runs; HISTORY follows. */
class ToolkitPostingTest {
  private static final MutableClock CLOCK = Sandboxes.WRITABLE_CLOCK;
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
  private static ExchequerSandbox ex;
  private static ExchequerToolkit toolkit;

  @BeforeAll
  static void start() {
    CLOCK.set(Sandboxes.NOW);
    ex = Sandboxes.sharedWritable();
    toolkit = ex.toolkit();
    for (String code : List.of("ZPOS01", "ZPOS02", "ZPOS03", "ZPOS04", "ZPOS05")) {
      Map<String, Object> account = new LinkedHashMap<>();
      account.put("acCode", code);
      account.put("acCustSupp", "C");
      account.put("acCompany", "Posting Customer " + code);
      account.put("acLocation", "MAI");
      if (code.equals("ZPOS04")) {
        account.put("acCurrency", 3);
        account.put("acCountry", "US");
        account.put("acVATCode", "Z");
        account.put("acDiscountBand", "H");
      }
      assertTrue(toolkit.accounts().add(account).ok());
    }
  }


  private static Map<String, Object> order(String account) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("thDocType", "SOR");
    doc.put("thAcCode", account);
    doc.put("thTransDate", "20260316");
    doc.put("thLongYourRef", "CRM-Q-" + account);
    doc.put("lines", List.of(
        Map.of("tlStockCode", "LEVEL-1200", "tlQty", 2.0, "tlNetValue", 25.0),
        Map.of("tlStockCode", "TAPE-5M", "tlQty", 10.0, "tlNetValue", 7.5)));
    return doc;
  }

  private static BigDecimal money(Object value) {
    return Encodings.rounded(((Number) value).doubleValue(), 2);
  }

  private static double inStock(String code) {
    return ((Number) ex.query().stockItem(code).orElseThrow().get("stQtyInStock")).doubleValue();
  }

  @Test
  void invoicingAnOrderIssuesStockMatchesTheOrderAndPostsHistory() {
    String sor = toolkit.transactions().add(order("ZPOS01")).orThrow().ourRef();
    double before = inStock("LEVEL-1200");
    ToolkitResult invoice = toolkit.posting().invoiceOrder(sor, TODAY);
    assertTrue(invoice.ok(), invoice::toString);
    Map<String, Object> sin = ex.query().document(invoice.ourRef()).orElseThrow();
    assertEquals(0, sin.get("thDocType"));
    assertEquals(0, sin.get("thRunNo"), "in the daybook, unposted");
    assertEquals("CRM-Q-ZPOS01", sin.get("thLongYourRef"));
    int sorFolio = (Integer) ex.query().document(sor).orElseThrow().get("thFolioNum");
    for (Map<String, Object> line : ex.query().lines(invoice.ourRef())) {
      assertEquals(sorFolio, line.get("tlSOPFolioNum"), "matched SOR");
    }
    assertEquals(-42, ex.query().document(sor).orElseThrow().get("thRunNo"), "the order is complete");
    assertEquals(before - 2, inStock("LEVEL-1200"), 1e-6);
    // 2 x 25.00 + 10 x 7.50 = 125.00 net, 25.00 VAT
    assertEquals(new BigDecimal("150.00"), ex.query().balance("ZPOS01"));
    assertEquals(new BigDecimal("125.00"), ex.query().monthToDate("ZPOS01"));
    assertEquals(new BigDecimal("125.00"), ex.query().yearToDate("ZPOS01"));
    assertEquals(BigDecimal.ZERO.setScale(2), ex.query().lastYearToDate("ZPOS01"));
    assertFalse(ex.query().paid(invoice.ourRef()));
    assertEquals(new BigDecimal("150.00"), ex.query().outstandingInBase(invoice.ourRef()));
  }

  @Test
  void invoicingDeliveriesAddsTheDeliveryReferenceLines() {
    String sor = toolkit.transactions().add(order("ZPOS02")).orThrow().ourRef();
    Map<String, Object> part = new LinkedHashMap<>();
    part.put("thDocType", "SDN");
    part.put("thAcCode", "ZPOS02");
    part.put("thTransDate", "20260316");
    part.put("thOrderRef", sor);
    part.put("lines", List.of(Map.of("tlSOPABSLineNo", 2, "tlQty", 4.0)));
    String first = toolkit.transactions().add(part).orThrow().ourRef();
    String second = toolkit.transactions().deliverOrder(sor).orThrow().ourRef();
    double stock = inStock("TAPE-5M");

    ToolkitResult invoice = toolkit.posting().invoiceDeliveries(List.of(first, second), TODAY);
    assertTrue(invoice.ok(), invoice::toString);
    List<Map<String, Object>> lines = ex.query().lines(invoice.ourRef());
    assertEquals(first + " 16/03/2026", lines.get(0).get("tlDescription"));
    assertEquals("", lines.get(0).get("tlStockCode"));
    assertEquals(0.0, lines.get(0).get("tlQty"));
    assertEquals("TAPE-5M", lines.get(1).get("tlStockCode"));
    assertEquals(4.0, lines.get(1).get("tlQty"));
    assertEquals(second + " 16/03/2026", lines.get(2).get("tlDescription"));
    int sorFolio = (Integer) ex.query().document(sor).orElseThrow().get("thFolioNum");
    assertEquals(sorFolio, lines.get(1).get("tlSOPFolioNum"));
    assertEquals(2, lines.get(1).get("tlSOPABSLineNo"));
    assertEquals(stock, inStock("TAPE-5M"), 1e-9, "the deliveries already issued the stock");
    assertEquals(-42, ex.query().document(first).orElseThrow().get("thRunNo"), "delivery invoiced");
    assertEquals(-102, toolkit.posting().invoiceDeliveries(List.of(first), TODAY).result(), "not twice");
    assertEquals(new BigDecimal("150.00"), ex.query().balance("ZPOS02"));
  }

  @Test
  void receiptsAllocateAndSettleInvoices() {
    String sor = toolkit.transactions().add(order("ZPOS03")).orThrow().ourRef();
    String sin = toolkit.posting().invoiceOrder(sor, TODAY).orThrow().ourRef();
    ToolkitResult partly = toolkit.posting().payInvoice(sin, TODAY, new BigDecimal("100.00"));
    assertTrue(partly.ok(), partly::toString);
    assertEquals(new BigDecimal("50.00"), ex.query().outstandingInBase(sin));
    assertEquals(new BigDecimal("50.00"), ex.query().balance("ZPOS03"));
    assertEquals(BigDecimal.ZERO.setScale(2), ex.query().outstandingInBase(partly.ourRef()), "the receipt is used up");
    assertEquals(-102, toolkit.posting().allocate(partly.ourRef(), sin, new BigDecimal("1.00")).result(),
        "the receipt has nothing left");
    ToolkitResult rest = toolkit.posting().payInvoice(sin, TODAY, new BigDecimal("50.00"));
    assertTrue(rest.ok());
    assertTrue(ex.query().paid(sin));
    assertEquals(BigDecimal.ZERO.setScale(2), ex.query().balance("ZPOS03"));
    List<Map<String, Object>> matches = ex.query().rows(
        "SELECT * FROM [!ActiveSchema!].FinancialMatching WHERE DocRef = ? ORDER BY PositionId", sin);
    assertEquals(2, matches.size());
    assertEquals(partly.ourRef(), matches.get(0).get("PayRef"));
    assertEquals(new BigDecimal("100.00"), money(matches.get(0).get("SettledVal")));
    assertEquals(125.0, ((Number) ex.query().rows("SELECT hiSales FROM [!ActiveSchema!].HISTORY WHERE hiExCLass = 87"
        + " AND hiCode = ? AND hiYear = 126 AND hiPeriod = 3", Encodings.traderHistoryCode("ZPOS03")).get(0)
        .get("hiSales")).doubleValue(), 1e-6, "receipts are not sales");
  }

  @Test
  void aCreditNoteReturnsStockReducesSalesAndSettlesTheInvoice() {
    String sor = toolkit.transactions().add(order("ZPOS01")).orThrow().ourRef();
    String sin = toolkit.posting().invoiceOrder(sor, TODAY).orThrow().ourRef();
    BigDecimal balance = ex.query().balance("ZPOS01");
    BigDecimal sales = ex.query().monthToDate("ZPOS01");
    double stock = inStock("TAPE-5M");
    ToolkitResult credit = toolkit.posting().creditInvoice(sin, TODAY);
    assertTrue(credit.ok(), credit::toString);
    assertEquals("SCR", credit.record().get("thDocType"));
    assertTrue(ex.query().paid(sin), "the credit note is allocated to the invoice");
    assertEquals(stock + 10, inStock("TAPE-5M"), 1e-6);
    assertEquals(balance.subtract(new BigDecimal("150.00")), ex.query().balance("ZPOS01"));
    assertEquals(sales.subtract(new BigDecimal("125.00")), ex.query().monthToDate("ZPOS01"));
  }

  @Test
  void foreignCurrencyInvoicesPostInBaseAndInTheirOwnCurrencyBucket() {
    String sor = toolkit.transactions().add(order("ZPOS04")).orThrow().ourRef();
    String sin = toolkit.posting().invoiceOrder(sor, TODAY).orThrow().ourRef();
    Map<String, Object> doc = ex.query().document(sin).orElseThrow();
    assertEquals(3, doc.get("thCurrency"));
    // 125.00 USD, zero-rated, at 1.27 USD per GBP = 98.43 GBP
    assertEquals(new BigDecimal("98.43"), ex.query().balance("ZPOS04"));
    assertEquals(new BigDecimal("98.43"), ex.query().outstandingInBase(sin));
    List<Map<String, Object>> usd = ex.query().rows("SELECT hiPurchases FROM [!ActiveSchema!].HISTORY WHERE hiExCLass = 85"
        + " AND hiCode = ? AND hiCurrency = 3 AND hiPeriod = 255", Encodings.traderHistoryCode("ZPOS04"));
    assertEquals(125.0, ((Number) usd.get(0).get("hiPurchases")).doubleValue(), 1e-6);
    assertTrue(toolkit.posting().payInvoice(sin, TODAY, new BigDecimal("125.00")).ok());
    assertTrue(ex.query().paid(sin));
    assertEquals(BigDecimal.ZERO.setScale(2), ex.query().balance("ZPOS04"));
  }

  @Test
  void directLedgerDocumentsAndPostingRuns() {
    Map<String, Object> journal = new LinkedHashMap<>();
    journal.put("thDocType", "SJI");
    journal.put("thAcCode", "ZPOS05");
    journal.put("thTransDate", "20260310");
    journal.put("lines", List.of(Map.of("tlDescr", "Admin fee", "tlQty", 1.0, "tlNetValue", 20.0, "tlGLCode", 41090)));
    ToolkitResult sji = toolkit.posting().add(journal);
    assertTrue(sji.ok(), sji::toString);
    BigDecimal balance = ex.query().balance("ZPOS05");
    ToolkitResult refund = toolkit.posting().refund("ZPOS05", TODAY, new BigDecimal("5.00"), 1);
    assertTrue(refund.ok());
    assertEquals(balance.add(new BigDecimal("5.00")), ex.query().balance("ZPOS05"), "a refund is a debit");
    int run = toolkit.posting().postDaybook(TODAY);
    assertTrue(run > 0);
    assertEquals(run, ex.query().document(sji.ourRef()).orElseThrow().get("thRunNo"));
    assertEquals("20260316", ex.query().document(sji.ourRef()).orElseThrow().get("thPostedDate"));
    assertEquals(0, toolkit.posting().postDaybook(TODAY), "nothing left to post");
    assertEquals(balance.add(new BigDecimal("5.00")), ex.query().balance("ZPOS05"), "posting moves no balance");
  }

  @Test
  void userChangesStampTheAccountWithTheUserAndTheClock() {
    CLOCK.set(Sandboxes.NOW.plusSeconds(3600));
    ToolkitResult result = toolkit.asUser("creditctl").accounts().setCreditLimit("ZPOS03", new BigDecimal("2500"));
    assertTrue(result.ok());
    assertEquals("CREDITCTL", result.record().get("acLastOperator"));
    assertEquals("111500", result.record().get("acTimeStamp"));
    assertEquals("20260316", result.record().get("acLastUsed"));
  }
}
