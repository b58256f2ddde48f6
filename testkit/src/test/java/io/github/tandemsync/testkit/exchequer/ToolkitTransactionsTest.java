package io.github.tandemsync.testkit.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQU, SOR and SDN through the Toolkit emulation: defaults, totals, numbering, stock, validation. */
class ToolkitTransactionsTest {
  private static final MutableClock CLOCK = Sandboxes.WRITABLE_CLOCK;
  private static ExchequerSandbox ex;
  private static ExchequerToolkit toolkit;

  @BeforeAll
  static void start() {
    CLOCK.set(Sandboxes.NOW);
    ex = Sandboxes.sharedWritable();
    toolkit = ex.toolkit();
    customer("ZTRA01", Map.of("acDelAddress", List.of("Goods In", "Site 4", "Wakefield", "West Yorkshire", ""),
        "acDeliveryPostCode", "WF1 2AB", "acLocation", "MAI", "acDiscountBand", "A", "acPayTerms", 30));
    customer("ZHOL01", Map.of());
    customer("ZSHU01", Map.of());
    customer("ZLIM01", Map.of("acCreditLimit", 100.0));
    customer("ZEUR01", Map.of("acCurrency", 2, "acDiscountBand", "G", "acCountry", "IE", "acVATCode", "Z"));
    assertTrue(toolkit.accounts().setStatus("ZHOL01", 2).ok());
    assertTrue(toolkit.accounts().setStatus("ZSHU01", 3).ok());
  }


  private static void customer(String code, Map<String, Object> extra) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("acCode", code);
    account.put("acCustSupp", "C");
    account.put("acCompany", "Customer " + code);
    account.put("acAddress", List.of("1 Invoice Road", "", "Leeds", "", ""));
    account.put("acPostCode", "LS2 7EE");
    account.putAll(extra);
    assertTrue(toolkit.accounts().add(account).ok(), code);
  }

  private static Map<String, Object> line(Object... pairs) {
    Map<String, Object> line = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      line.put((String) pairs[i], pairs[i + 1]);
    }
    return line;
  }

  private static Map<String, Object> document(String type, String account, List<Map<String, Object>> lines) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("thDocType", type);
    doc.put("thAcCode", account);
    doc.put("thTransDate", "20260316");
    doc.put("lines", lines);
    return doc;
  }

  private static Map<String, Object> with(Map<String, Object> doc, String property, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(doc);
    copy.put(property, value);
    return copy;
  }

  private static List<Map<String, Object>> standardLines() {
    return List.of(
        line("tlStockCode", "LEVEL-600", "tlQty", 4.0, "tlDiscount", 0.10, "tlDiscFlag", "%"),
        line("tlStockCode", "CARRIAGE"),
        line("tlDescr", "Deliver to gate 3"),
        line("tlDescr", "Installation", "tlQty", 2.0, "tlNetValue", 45.0, "tlGLCode", 41070));
  }

  private static double qty(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).doubleValue();
  }

  private static BigDecimal money(Object value) {
    return Encodings.rounded(((Number) value).doubleValue(), 2);
  }

  @Test
  void salesOrderTakesDefaultsRecalculatesTotalsAllocatesStockAndNumbersAtSave() {
    int next = ex.query().nextDocumentNumber("SOR");
    Map<String, Object> stockBefore = ex.query().stockItem("LEVEL-600").orElseThrow();
    Map<String, Object> levelBefore = ex.query().stockLevel("LEVEL-600", "MAI").orElseThrow();
    CLOCK.set(Sandboxes.NOW.plusSeconds(42));

    ToolkitResult result = toolkit.transactions().add(document("SOR", "ZTRA01", standardLines()));
    assertTrue(result.ok(), result::toString);
    assertEquals(OurRefFormat.format("SOR", next), result.ourRef());
    assertEquals(next + 1, ex.query().nextDocumentNumber("SOR"));
    Map<String, Object> order = result.record();
    assertEquals("SOR", order.get("thDocType"));
    assertEquals("20260415", order.get("thDueDate"), "due date from the account's payment terms");
    assertEquals(List.of("Goods In", "Site 4", "Wakefield", "West Yorkshire", ""), order.get("thDelAddress"));
    assertEquals("WF1 2AB", order.get("thDeliveryPostCode"));
    assertEquals(1, order.get("thCurrency"));
    assertEquals(-40, order.get("thRunNo"));
    assertEquals(126, order.get("thYear"));
    assertEquals(3, order.get("thPeriod"));
    assertEquals(new BigDecimal("159.91"), money(order.get("thNetValue")));
    assertEquals(new BigDecimal("6.00"), money(order.get("thTotalLineDiscount")));
    assertEquals(new BigDecimal("30.78"), money(order.get("thTotalVAT")));
    assertEquals(new BigDecimal("153.91"), money(order.get("thTotalOrderOS")));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
    assertEquals(4, lines.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(i + 1, lines.get(i).get("tlABSLineNo"));
      assertEquals(i + 1, lines.get(i).get("tlLineNo"));
    }
    Map<String, Object> level = lines.get(0);
    assertEquals("LEVEL-600", level.get("tlStockCode"));
    assertEquals("Spirit level 600mm", level.get("tlDescr"), "description from the stock item");
    assertEquals(new BigDecimal("14.99"), money(level.get("tlNetValue")), "band A price");
    assertEquals("S", level.get("tlVATCode"));
    assertEquals(41020, level.get("tlGLCode"), "sales GL of the stock item");
    assertEquals("MAI", level.get("tlLocation"), "the account's location");
    assertEquals(new BigDecimal("10.79"), money(level.get("tlVATAmount")));
    assertEquals(new BigDecimal("9.95"), money(lines.get(1).get("tlNetValue")), "carriage from its stock record");
    assertEquals("", lines.get(2).get("tlStockCode"));
    assertEquals(0.0, (Double) lines.get(2).get("tlQty"));

    Map<String, Object> stockAfter = ex.query().stockItem("LEVEL-600").orElseThrow();
    Map<String, Object> levelAfter = ex.query().stockLevel("LEVEL-600", "MAI").orElseThrow();
    assertEquals(qty(stockBefore, "stQtyAllocated") + 4, qty(stockAfter, "stQtyAllocated"), 1e-6);
    assertEquals(qty(stockBefore, "stQtyInStock"), qty(stockAfter, "stQtyInStock"), 1e-6);
    assertEquals(qty(levelBefore, "LsQtyAlloc") + 4, qty(levelAfter, "LsQtyAlloc"), 1e-6);
    assertEquals("20260316", stockAfter.get("stLastUsed"));
    assertEquals("101542", stockAfter.get("stTimeChange"));
    assertEquals("101542", levelAfter.get("LsLastTime"));
  }

  @Test
  void deliveryNotesIssueStockReleaseAllocationAndCloseTheOrder() {
    String order = toolkit.transactions().add(document("SOR", "ZTRA01", standardLines())).orThrow().ourRef();
    Map<String, Object> before = ex.query().stockLevel("LEVEL-600", "MAI").orElseThrow();

    Map<String, Object> partial = document("SDN", "ZTRA01", List.of(line("tlSOPABSLineNo", 1, "tlQty", 3.0)));
    partial.put("thOrderRef", order);
    ToolkitResult first = toolkit.transactions().add(partial);
    assertTrue(first.ok(), first::toString);
    Map<String, Object> afterFirst = ex.query().stockLevel("LEVEL-600", "MAI").orElseThrow();
    assertEquals(qty(before, "LsQtyInStock") - 3, qty(afterFirst, "LsQtyInStock"), 1e-6);
    assertEquals(qty(before, "LsQtyAlloc") - 3, qty(afterFirst, "LsQtyAlloc"), 1e-6);
    Map<String, Object> orderLine = ex.query().lines(order).get(0);
    assertEquals(3.0, qty(orderLine, "tlQtyDel"), 1e-6);
    @SuppressWarnings("unchecked")
    Map<String, Object> deliveredLine = ((List<Map<String, Object>>) first.record().get("lines")).get(0);
    int orderFolio = (Integer) ex.query().document(order).orElseThrow().get("thFolioNum");
    assertEquals(orderFolio, deliveredLine.get("tlSOPFolioNum"));
    assertEquals(new BigDecimal("113.44"), money(ex.query().document(order).orElseThrow().get("thTotalOrderOS")));

    ToolkitResult rest = toolkit.transactions().deliverOrder(order);
    assertTrue(rest.ok(), rest::toString);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> restLines = (List<Map<String, Object>>) rest.record().get("lines");
    assertEquals(3, restLines.size(), "the remaining level, the carriage and the labour");
    Map<String, Object> done = ex.query().document(order).orElseThrow();
    assertEquals(BigDecimal.ZERO.setScale(2), money(done.get("thTotalOrderOS")));
    assertEquals(-42, done.get("thRunNo"));
    assertEquals(qty(before, "LsQtyAlloc") - 4, qty(ex.query().stockLevel("LEVEL-600", "MAI").orElseThrow(), "LsQtyAlloc"),
        1e-6, "the order's allocation is released");
    assertEquals(-102, toolkit.transactions().deliverOrder(order).result(), "nothing left to deliver");
  }

  @Test
  void pastNineHundredNinetyNineThousandOurRefsTakeASuffixLetter() {
    int restore = ex.query().nextDocumentNumber("SQU");
    toolkit.setNextDocumentNumber("SQU", 1_012_345);
    try {
      ToolkitResult result = toolkit.transactions().add(document("SQU", "ZTRA01", standardLines()));
      assertEquals("SQUA12345", result.ourRef());
      assertEquals(1_012_346, ex.query().nextDocumentNumber("SQU"));
      assertEquals("SQUA12345", ex.query().lines("SQUA12345").get(0).get("tlOurRef"));
    } finally {
      toolkit.setNextDocumentNumber("SQU", restore);
    }
  }

  @Test
  void headerValidationCodes() {
    Map<String, Object> ok = document("SOR", "ZTRA01", standardLines());
    assertEquals(30202, toolkit.transactions().add(with(ok, "thAcCode", "NOSUCH")).result());
    assertEquals(30202, toolkit.transactions().add(with(ok, "thAcCode", "KIFI01")).result(), "a supplier");
    assertEquals(30250, toolkit.transactions().add(with(ok, "thAcCode", "ZSHU01")).result());
    assertEquals(30203, toolkit.transactions().add(with(ok, "thTransDate", "20260230")).result());
    assertEquals(30203, toolkit.transactions().add(with(ok, "thTransDate", "16/03/2026")).result());
    assertEquals(30238, toolkit.transactions().add(with(ok, "thDueDate", "2026-04-01")).result());
    assertEquals(30207, toolkit.transactions().add(with(ok, "thCurrency", 31)).result());
    assertEquals(30235, toolkit.transactions().add(with(ok, "thHoldFlag", 7)).result());
    assertTrue(toolkit.transactions().add(with(ok, "thHoldFlag", 33)).ok(), "hold for query with notes");
    assertEquals(30237, toolkit.transactions().add(with(ok, "thSettleDiscPerc", 2.5)).result());
    assertEquals(30219, toolkit.transactions().add(with(ok, "thOverrideLocation", "XXX")).result());
    assertEquals(30215, toolkit.transactions().add(with(ok, "thDocType", "SIN")).result(), "not through the bridge types");
    assertEquals(-101, toolkit.transactions().add(with(ok, "lines", List.of())).result());
    Map<String, Object> noType = new LinkedHashMap<>(ok);
    noType.remove("thDocType");
    assertEquals(-101, toolkit.transactions().add(noType).result());
    assertEquals(-100, toolkit.transactions().add(with(ok, "thLongYourRef", "X".repeat(21))).result());
  }

  @Test
  void lineValidationCodesNameTheLineAndTheField() {
    String[][] cases = {
        {"tlStockCode", "NO-SUCH-ITEM", "30106"}, {"tlStockCode", "FIX", "30106"}, {"tlVATCode", "Q", "30107"},
        {"tlDiscFlag", "X", "30108"}, {"tlLocation", "ZZZ", "30115"}, {"tlGLCode", "41000", "30104"},
        {"tlCostCentre", "ZZZ", "30105"}, {"tlDepartment", "MKT", "30148"}, {"tlJobCode", "MCRSCH-01", "30126"},
        {"tlLineDate", "20261301", "30203"}};
    for (String[] c : cases) {
      List<Map<String, Object>> lines = new ArrayList<>(standardLines());
      Map<String, Object> second = new LinkedHashMap<>(lines.get(1));
      second.put(c[0], c[0].equals("tlGLCode") ? Integer.parseInt(c[1]) : c[1]);
      lines.set(1, second);
      ToolkitResult result = toolkit.transactions().add(document("SOR", "ZTRA01", lines));
      assertEquals(Integer.parseInt(c[2]), result.result(), c[0] + "=" + c[1] + ": " + result);
      assertEquals(c[0], result.field().orElseThrow());
      assertEquals(2, result.line().getAsInt());
    }
    List<Map<String, Object>> bandDiscount = new ArrayList<>(standardLines());
    bandDiscount.set(1, line("tlStockCode", "CARRIAGE", "tlDiscFlag", "B", "tlDiscount", 0.5));
    assertTrue(toolkit.transactions().add(document("SOR", "ZTRA01", bandDiscount)).ok(), "A-H are valid discount characters");
    assertTrue(toolkit.transactions().add(document("SOR", "ZTRA01",
        List.of(line("tlStockCode", "LEVEL-600", "tlJobCode", "LHOSP-001")))).ok(), "active job");
  }

  @Test
  void pickingForACustomerOnHoldIsRefused() {
    List<Map<String, Object>> picked = List.of(line("tlStockCode", "LEVEL-600", "tlQty", 2.0, "tlQtyPicked", 1.0));
    ToolkitResult result = toolkit.transactions().add(document("SOR", "ZHOL01", picked));
    assertEquals(30144, result.result());
    assertEquals(1, result.line().getAsInt());
    assertTrue(toolkit.transactions().add(document("SOR", "ZHOL01", standardLines())).ok(), "without picking it is fine");
    Map<String, Object> before = ex.query().stockItem("LEVEL-600").orElseThrow();
    assertTrue(toolkit.transactions().add(document("SOR", "ZTRA01", picked)).ok());
    assertEquals(qty(before, "stQtyPicked") + 1, qty(ex.query().stockItem("LEVEL-600").orElseThrow(), "stQtyPicked"), 1e-6);
  }

  @Test
  void creditLimitIsCheckedOnlyWhenEnabled() {
    Map<String, Object> order = document("SOR", "ZLIM01", standardLines());
    assertTrue(toolkit.transactions().add(order).ok(), "unchecked by default");
    toolkit.creditLimitCheck(true);
    try {
      assertEquals(30229, toolkit.transactions().add(order).result());
      assertTrue(toolkit.transactions().add(document("SOR", "ZTRA01", standardLines())).ok(), "no limit set");
      assertTrue(toolkit.transactions().add(document("SQU", "ZLIM01", standardLines())).ok(), "quotes are not checked");
    } finally {
      toolkit.creditLimitCheck(false);
    }
  }

  @Test
  void aFailedSaveLeavesNothingBehind() {
    int documents = ex.query().count("DOCUMENT");
    int lines = ex.query().count("DETAILS");
    int next = ex.query().nextDocumentNumber("SOR");
    double allocated = qty(ex.query().stockItem("LEVEL-600").orElseThrow(), "stQtyAllocated");
    List<Map<String, Object>> bad = new ArrayList<>(standardLines());
    bad.add(line("tlStockCode", "NO-SUCH-ITEM"));
    assertEquals(30106, toolkit.transactions().add(document("SOR", "ZTRA01", bad)).result());
    assertEquals(documents, ex.query().count("DOCUMENT"));
    assertEquals(lines, ex.query().count("DETAILS"));
    assertEquals(next, ex.query().nextDocumentNumber("SOR"));
    assertEquals(allocated, qty(ex.query().stockItem("LEVEL-600").orElseThrow(), "stQtyAllocated"), 1e-9);
  }

  @Test
  void locksGiveEightyFourAndEightyFive() {
    Map<String, Object> order = document("SOR", "ZTRA01", standardLines());
    try (UserLock lock = toolkit.lockAccount("ZTRA01", Duration.ofMinutes(1))) {
      assertTrue(lock.held());
      assertEquals(84, toolkit.transactions().add(order).result());
    }
    try (UserLock lock = toolkit.lockFile("DOCUMENT", Duration.ofMinutes(1))) {
      assertTrue(lock.held());
      assertEquals(85, toolkit.transactions().add(order).result());
    }
    String ref = toolkit.transactions().add(order).orThrow().ourRef();
    try (UserLock lock = toolkit.lockDocument(ref, Duration.ofMinutes(1))) {
      assertTrue(lock.held());
      assertEquals(84, toolkit.transactions().deliverOrder(ref).result());
    }
    assertTrue(toolkit.transactions().deliverOrder(ref).ok());
  }

  @Test
  void aQuotationConvertsIntoAnOrderWithItsAccountReferencesAndLines() {
    Map<String, Object> quote = document("SQU", "ZTRA01", standardLines());
    quote.put("thYourRef", "PO-77");
    quote.put("thLongYourRef", "Q-0001");
    String squ = toolkit.transactions().add(quote).orThrow().ourRef();
    double allocated = qty(ex.query().stockItem("LEVEL-600").orElseThrow(), "stQtyAllocated");

    ToolkitResult converted = toolkit.transactions().convertQuote(squ, "CRM-ORDER-1");
    assertTrue(converted.ok(), converted::toString);
    Map<String, Object> order = converted.record();
    assertEquals("SOR", order.get("thDocType"));
    assertTrue(converted.ourRef().startsWith("SOR"));
    assertEquals("ZTRA01", order.get("thAcCode"));
    assertEquals("PO-77", order.get("thYourRef"));
    assertEquals("CRM-ORDER-1", order.get("thLongYourRef"));
    assertEquals(new BigDecimal("159.91"), money(order.get("thNetValue")));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
    assertEquals(List.of("LEVEL-600", "CARRIAGE", "", ""), lines.stream().map(l -> l.get("tlStockCode")).toList());
    assertEquals("Deliver to gate 3", lines.get(2).get("tlDescr"));
    assertEquals(allocated + 4, qty(ex.query().stockItem("LEVEL-600").orElseThrow(), "stQtyAllocated"), 1e-6);
    Map<String, Object> still = toolkit.transactions().get(squ).orElseThrow();
    assertEquals("SQU", still.get("thDocType"));
    assertEquals("Q-0001", still.get("thLongYourRef"));
    assertEquals(1, toolkit.transactions().findByLongYourRef("SOR", "CRM-ORDER-1").size());

    assertEquals(30215, toolkit.transactions().convertQuote(converted.ourRef(), "X").result(), "only quotes convert");
    assertEquals(4, toolkit.transactions().convertQuote("SQU999998", "X").result());
  }

  @Test
  void foreignCurrencyAccountsGetTheirBandPriceAndTheCompanyRate() {
    ToolkitResult result = toolkit.transactions().add(document("SOR", "ZEUR01",
        List.of(line("tlStockCode", "LEVEL-600", "tlQty", 1.0))));
    assertTrue(result.ok(), result::toString);
    assertEquals(2, result.record().get("thCurrency"));
    assertEquals(1.17, (Double) result.record().get("thCompanyRate"), 1e-9);
    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) result.record().get("lines")).get(0);
    assertEquals("Z", first.get("tlVATCode"), "the account's zero rate beats the item's standard rate");
    BigDecimal bandG = Encodings.rounded(((Number) ex.query().stockItem("LEVEL-600").orElseThrow()
        .get("stSalesBand7Price")).doubleValue(), 2);
    assertEquals(bandG, money(first.get("tlNetValue")), "band G is priced in euro");
  }
}
