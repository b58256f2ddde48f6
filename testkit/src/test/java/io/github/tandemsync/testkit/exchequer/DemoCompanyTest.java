package io.github.tandemsync.testkit.exchequer;

import static io.github.tandemsync.testkit.exchequer.Sandboxes.count;
import static io.github.tandemsync.testkit.exchequer.Sandboxes.raw;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo company meets every minimum of the brief, carries the encodings of contract A, and its
 * HISTORY agrees with the transactions (contract B), recomputed here from DOCUMENT with plain SQL
 * and a decoder written in this test.
 */
class DemoCompanyTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final Set<Integer> DEBITS = Set.of(0, 3, 5, 6, 16, 17, 19);
  private static final Set<Integer> CREDITS = Set.of(1, 2, 4, 6, 15, 18);
  private static final Set<Integer> LEDGER = Set.of(0, 1, 2, 3, 4, 5, 6, 15, 16, 17, 18, 19);

  private static ExchequerSandbox ex;
  private static DataSource db;
  private static String co;

  @BeforeAll
  static void start() {
    ex = Sandboxes.sharedDemo();
    db = ex.readOnlyDataSource();
    co = "[" + ex.companyCode() + "]";
  }

  private static String t(String table) {
    return co + ".[" + table + "]";
  }

  /** Contract A decoder: first byte = length, then windows-1252 characters. */
  private static String lp(Object bytes) {
    byte[] b = (byte[]) bytes;
    return new String(b, 1, Math.min(b[0] & 0xff, b.length - 1), CP1252);
  }

  private static BigDecimal money(Object value) {
    return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(2, RoundingMode.HALF_UP);
  }

  private static String trim(Object value) {
    return value.toString().replace("\0", "").stripTrailing();
  }

  @Test
  void accountsMeetTheMinimums() {
    Pattern code = Pattern.compile("[A-Z]{4}[0-9]{2}");
    List<Map<String, Object>> customers = raw(db, "SELECT * FROM " + t("CUSTSUPP") + " WHERE acCustSupp = 'C'");
    List<Map<String, Object>> suppliers = raw(db, "SELECT * FROM " + t("CUSTSUPP") + " WHERE acCustSupp = 'S'");
    assertTrue(customers.size() >= 50, "customers " + customers.size());
    assertTrue(suppliers.size() >= 10, "suppliers " + suppliers.size());
    Map<String, Integer> countries = new TreeMap<>();
    Set<Integer> currencies = new HashSet<>();
    Set<String> bands = new HashSet<>();
    int delivery = 0;
    int limits = 0;
    for (Map<String, Object> row : customers) {
      assertTrue(code.matcher(trim(row.get("acCode"))).matches(), "code " + row.get("acCode"));
      countries.merge(trim(row.get("acCountry")), 1, Integer::sum);
      currencies.add((Integer) row.get("acCurrency"));
      bands.add(trim(row.get("acDiscountBand")));
      delivery += trim(row.get("acDespAddressLine1")).isEmpty() ? 0 : 1;
      limits += ((Number) row.get("acCreditLimit")).doubleValue() > 0 ? 1 : 0;
      assertTrue(trim(row.get("acLastUsed")).matches("\\d{8}"), "acLastUsed " + row.get("acLastUsed"));
      assertTrue(trim(row.get("acTimeStamp")).matches("\\d{6}"), "acTimeStamp " + row.get("acTimeStamp"));
    }
    int gb = countries.getOrDefault("GB", 0);
    assertTrue(gb > customers.size() / 2, "mostly GB: " + countries);
    for (String country : List.of("IE", "FR", "DE", "US")) {
      assertTrue(countries.containsKey(country), country + " in " + countries);
    }
    assertEquals(Set.of(1, 2, 3), currencies);
    assertTrue(bands.size() >= 6, "bands " + bands);
    assertTrue(delivery >= 10, "delivery addresses " + delivery);
    assertTrue(limits >= 20, "credit limits " + limits);
    assertTrue(customers.stream().anyMatch(r -> trim(r.get("acContact")).matches("(Mr|Mrs|Ms|Miss|Dr) \\S+ \\S+.*")));
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("CUSTSUPP") + " WHERE acAccStatus = 2") >= 2, "on hold");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("CUSTSUPP") + " WHERE acAccStatus = 3") >= 2, "closed");
    assertEquals(1, count(db, "SELECT COUNT(*) FROM " + t("CUSTSUPP") + " WHERE acAnonymisationStatus <> 0"));
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("CUSTSUPP") + " WHERE acVATCode IN ('S', 'Z', 'E')") > 60);
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("AccountContact")) > 10, "further contacts");
  }

  @Test
  void stockMeetsTheMinimums() {
    List<Map<String, Object>> stock = raw(db, "SELECT * FROM " + t("STOCK"));
    Map<String, Integer> types = new TreeMap<>();
    Set<String> groups = new HashSet<>();
    for (Map<String, Object> row : stock) {
      types.merge(trim(row.get("stType")), 1, Integer::sum);
      if (trim(row.get("stType")).equals("G")) {
        groups.add(trim(row.get("stCode")));
      }
    }
    int items = stock.size() - types.get("G");
    assertTrue(items >= 200, "items " + items);
    for (String type : List.of("G", "P", "D", "M", "X")) {
      assertTrue(types.getOrDefault(type, 0) > 0, type + " in " + types);
    }
    for (Map<String, Object> row : stock) {
      String parent = trim(row.get("stParentCode"));
      assertTrue(parent.isEmpty() || groups.contains(parent), "parent " + parent + " is a group");
    }
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("STOCK") + " WHERE stType = 'G' AND stParentCode <> ''") > 5,
        "group hierarchy");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("STOCK")
        + " WHERE stSalesBand7Currency = 2 AND stSalesBand8Currency = 3 AND stSalesBand1Price > 0") > 100);
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("STOCK") + " WHERE stCostPriceCurrency = 3") > 0, "USD cost");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("STOCK") + " WHERE stBarCode <> '' AND stBinLocation <> ''"
        + " AND stSSDSalesUnitWeight > 0 AND stUserField1 <> '' AND stReorderPrice > 0") > 150);
    assertEquals(3, count(db, "SELECT COUNT(*) FROM " + t("Location")));
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("StockLocation") + " WHERE LsQtyInStock > 0") > 300);
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("StockLocation") + " WHERE LsQtyAlloc > 0") > 0, "allocated");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("StockLocation") + " WHERE LsQtyOnOrder > 0") > 0, "on order");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("StockLocation") + " WHERE LsQtyPicked > 0") > 0, "picked");
  }

  @Test
  void transactionsCoverEverySalesTypeWithChains() {
    Map<Integer, Integer> types = new HashMap<>();
    for (Map<String, Object> row : raw(db, "SELECT thDocType, COUNT(*) AS n FROM " + t("DOCUMENT") + " GROUP BY thDocType")) {
      types.put((Integer) row.get("thDocType"), ((Number) row.get("n")).intValue());
    }
    int total = types.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(total >= 500, "transactions " + total);
    // SIN SRC SCR SJI SJC SRF SRI SQU SOR SDN
    for (int type = 0; type <= 9; type++) {
      assertTrue(types.getOrDefault(type, 0) > 0, "document type " + type + " in " + types);
    }
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DOCUMENT") + " WHERE thRunNo > 0") > 100, "posted");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DOCUMENT") + " WHERE thRunNo = 0") > 0, "unposted");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DOCUMENT") + " WHERE thCurrency = 2") > 0, "EUR");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DOCUMENT") + " WHERE thCurrency = 3 AND thCompanyRate > 1") > 0, "USD");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DETAILS") + " WHERE tlDiscFlag = '%' AND tlDiscount > 0") > 0);
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DETAILS") + " WHERE tlDiscFlag = '' AND tlDiscount > 0") > 0);
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DETAILS") + " WHERE tlUsePack AND tlQtyMul > 1") > 0, "packs");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DETAILS") + " WHERE tlJobCode <> ''") > 0, "job lines");

    // SOR -> SDN -> SIN: invoices raised from deliveries carry "SDNnnnnnn dd/mm/yyyy" then lines matched to the SOR.
    Pattern deliveryLine = Pattern.compile("SDN\\d{6} \\d{2}/\\d{2}/\\d{4}");
    int chained = 0;
    for (Map<String, Object> invoice : raw(db, "SELECT thFolioNum FROM " + t("DOCUMENT") + " WHERE thDocType = 0")) {
      List<Map<String, Object>> lines = raw(db, "SELECT * FROM " + t("DETAILS") + " WHERE tlFolioNum = ? ORDER BY tlABSLineNo",
          invoice.get("thFolioNum"));
      for (int i = 0; i < lines.size(); i++) {
        String text = trim(lines.get(i).get("tlDescription"));
        if (!deliveryLine.matcher(text).matches()) {
          continue;
        }
        String sdn = text.substring(0, 9);
        assertEquals(1, count(db, "SELECT COUNT(*) FROM " + t("DOCUMENT") + " WHERE thOurRef = ? AND thDocType = 9", sdn));
        Map<String, Object> next = lines.get(i + 1);
        int orderFolio = (Integer) next.get("tlSOPFolioNum");
        assertEquals(1, count(db, "SELECT COUNT(*) FROM " + t("DOCUMENT") + " WHERE thFolioNum = ? AND thDocType = 8",
            orderFolio), "invoice line matched to a SOR");
        assertEquals(1, count(db, "SELECT COUNT(*) FROM " + t("DETAILS") + " WHERE tlFolioNum = ? AND tlABSLineNo = ?",
            orderFolio, next.get("tlSOPABSLineNo")), "matched SOR line exists");
        chained++;
      }
    }
    assertTrue(chained > 10, "SOR -> SDN -> SIN chains " + chained);
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DETAILS") + " l JOIN " + t("DOCUMENT")
        + " d ON l.tlFolioNum = d.thFolioNum WHERE d.thDocType = 0 AND l.tlSOPFolioNum <> 0") > 20, "matched SOR lines");
  }

  @Test
  void receiptsSettleInvoicesFullyAndPartly() {
    int paid = 0;
    int partly = 0;
    int open = 0;
    for (Map<String, Object> invoice : raw(db, "SELECT * FROM " + t("DOCUMENT") + " WHERE thDocType = 0")) {
      BigDecimal total = money(invoice.get("thNetValue")).subtract(money(invoice.get("thTotalLineDiscount")))
          .add(money(invoice.get("thTotalVAT")));
      double rate = ((Number) invoice.get("thCompanyRate")).doubleValue();
      BigDecimal base = rate == 1 ? total : total.divide(BigDecimal.valueOf(rate), 2, RoundingMode.HALF_UP);
      BigDecimal outstanding = base.subtract(money(invoice.get("thAmountSettled")));
      BigDecimal matched = raw(db, "SELECT SettledVal FROM " + t("FinancialMatching") + " WHERE DocRef = ?",
          trim(invoice.get("thOurRef"))).stream().map(r -> money(r.get("SettledVal"))).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(money(invoice.get("thAmountSettled")).compareTo(matched.setScale(2)), 0,
          "settled = matched for " + invoice.get("thOurRef") + " " + matched);
      assertTrue(outstanding.signum() >= 0, "never over-settled " + invoice.get("thOurRef"));
      assertEquals(ex.query().outstandingInBase(trim(invoice.get("thOurRef"))), outstanding);
      if (outstanding.signum() == 0) {
        paid++;
      } else if (money(invoice.get("thAmountSettled")).signum() > 0) {
        partly++;
      } else {
        open++;
      }
    }
    assertTrue(paid > 20 && partly > 2 && open > 5, "paid " + paid + ", partly " + partly + ", open " + open);
  }

  @Test
  void historyAgreesWithTheTransactions() {
    record Key(String account, int year, int period) {}
    Map<Key, BigDecimal[]> trader = new HashMap<>();
    Map<Key, BigDecimal> netSales = new HashMap<>();
    for (Map<String, Object> doc : raw(db, "SELECT * FROM " + t("DOCUMENT") + " WHERE thRunNo >= 0")) {
      int type = (Integer) doc.get("thDocType");
      if (!LEDGER.contains(type)) {
        continue;
      }
      Key key = new Key(trim(doc.get("thAcCode")), (Integer) doc.get("thYear"), (Integer) doc.get("thPeriod"));
      double rate = ((Number) doc.get("thCompanyRate")).doubleValue();
      BigDecimal goods = money(doc.get("thNetValue")).subtract(money(doc.get("thTotalLineDiscount")));
      BigDecimal total = goods.add(money(doc.get("thTotalVAT")));
      BigDecimal totalBase = rate == 1 ? total : total.divide(BigDecimal.valueOf(rate), 2, RoundingMode.HALF_UP);
      BigDecimal[] sums = trader.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      if (DEBITS.contains(type)) {
        sums[0] = sums[0].add(totalBase);
      }
      if (CREDITS.contains(type)) {
        sums[1] = sums[1].add(totalBase);
      }
      BigDecimal goodsBase = rate == 1 ? goods : goods.divide(BigDecimal.valueOf(rate), 2, RoundingMode.HALF_UP);
      if (type == 0 || type == 3 || type == 6) {
        netSales.merge(key, goodsBase, BigDecimal::add);
      } else if (type == 2 || type == 4) {
        netSales.merge(key, goodsBase.negate(), BigDecimal::add);
      }
    }
    Map<Key, BigDecimal[]> stored = new HashMap<>();
    Map<Key, BigDecimal> storedSales = new HashMap<>();
    Map<String, TreeMap<Integer, BigDecimal[]>> yearRows = new HashMap<>();
    for (Map<String, Object> row : raw(db, "SELECT * FROM " + t("HISTORY") + " WHERE hiCurrency = 0")) {
      byte[] code = (byte[]) row.get("hiCode");
      assertEquals(21, code.length);
      assertEquals(0x14, code[0]);
      String account = new String(code, 1, 6, StandardCharsets.US_ASCII).trim();
      assertEquals(" ".repeat(14), new String(code, 7, 14, StandardCharsets.US_ASCII), "no control GL");
      int period = (Integer) row.get("hiPeriod");
      int year = (Integer) row.get("hiYear");
      BigDecimal sales = money(row.get("hiSales"));
      BigDecimal purchases = money(row.get("hiPurchases"));
      if ((Integer) row.get("hiExCLass") == 85) {
        if (period == 255) {
          yearRows.computeIfAbsent(account, a -> new TreeMap<>()).put(year, new BigDecimal[] {purchases, sales});
        } else {
          stored.put(new Key(account, year, period), new BigDecimal[] {purchases, sales});
        }
      } else if ((Integer) row.get("hiExCLass") == 87) {
        storedSales.put(new Key(account, year, period), sales);
      }
    }
    trader.values().removeIf(sums -> sums[0].signum() == 0 && sums[1].signum() == 0);
    assertEquals(trader.keySet(), stored.keySet(), "one class-U row per account, year and period with postings");
    for (Map.Entry<Key, BigDecimal[]> entry : trader.entrySet()) {
      BigDecimal[] actual = stored.get(entry.getKey());
      assertEquals(0, entry.getValue()[0].compareTo(actual[0]), "debits " + entry.getKey());
      assertEquals(0, entry.getValue()[1].compareTo(actual[1]), "credits " + entry.getKey());
    }
    netSales.values().removeIf(value -> value.signum() == 0);
    storedSales.values().removeIf(value -> value.signum() == 0);
    assertEquals(netSales.keySet(), storedSales.keySet(), "class-W rows");
    netSales.forEach((key, value) -> assertEquals(0, value.compareTo(storedSales.get(key)), "net sales " + key));

    // Period 255: cumulative from the start of the ledger through its year; balance = latest year's row.
    Set<Integer> years = new HashSet<>();
    for (Map.Entry<String, TreeMap<Integer, BigDecimal[]>> account : yearRows.entrySet()) {
      BigDecimal debits = BigDecimal.ZERO;
      BigDecimal credits = BigDecimal.ZERO;
      int lastYear = 0;
      for (Map.Entry<Integer, BigDecimal[]> year : account.getValue().entrySet()) {
        years.add(year.getKey());
        for (Map.Entry<Key, BigDecimal[]> posting : trader.entrySet()) {
          if (posting.getKey().account().equals(account.getKey()) && posting.getKey().year() == year.getKey()) {
            debits = debits.add(posting.getValue()[0]);
            credits = credits.add(posting.getValue()[1]);
          }
        }
        assertEquals(0, debits.compareTo(year.getValue()[0]), "cumulative debits " + account.getKey() + " " + year.getKey());
        assertEquals(0, credits.compareTo(year.getValue()[1]), "cumulative credits " + account.getKey() + " " + year.getKey());
        lastYear = year.getKey();
      }
      BigDecimal[] latest = account.getValue().get(lastYear);
      assertEquals(latest[0].subtract(latest[1]), ex.query().balance(account.getKey()), "balance " + account.getKey());
    }
    assertTrue(years.containsAll(Set.of(125, 126)), "two years of history " + years);

    // MTD / YTD / LYTD (contract B) from the same recomputation; current year/period from EXCHQSS SYS.
    Map<String, Object> sys = raw(db, "SELECT CYr, CPr FROM " + t("EXCHQSS") + " WHERE IDCode = ?",
        (Object) new byte[] {3, 'S', 'Y', 'S'}).get(0);
    int cy = (Integer) sys.get("CYr");
    int cp = (Integer) sys.get("CPr");
    assertEquals(126, cy);
    assertEquals(3, cp);
    int checked = 0;
    for (String account : yearRows.keySet()) {
      BigDecimal mtd = BigDecimal.ZERO;
      BigDecimal ytd = BigDecimal.ZERO;
      BigDecimal lytd = BigDecimal.ZERO;
      for (Map.Entry<Key, BigDecimal> sales : netSales.entrySet()) {
        Key key = sales.getKey();
        if (!key.account().equals(account) || key.period() > cp) {
          continue;
        }
        if (key.year() == cy) {
          ytd = ytd.add(sales.getValue());
          mtd = key.period() == cp ? mtd.add(sales.getValue()) : mtd;
        } else if (key.year() == cy - 1) {
          lytd = lytd.add(sales.getValue());
        }
      }
      assertEquals(0, mtd.compareTo(ex.query().monthToDate(account)), "MTD " + account);
      assertEquals(0, ytd.compareTo(ex.query().yearToDate(account)), "YTD " + account);
      assertEquals(0, lytd.compareTo(ex.query().lastYearToDate(account)), "LYTD " + account);
      checked += ytd.signum() != 0 && lytd.signum() != 0 ? 1 : 0;
    }
    assertTrue(checked > 5, "accounts with both YTD and LYTD " + checked);
  }

  @Test
  void stockLevelsAgreeWithLocationsAndOpenOrders() {
    Map<String, BigDecimal> allocatedByOrders = new HashMap<>();
    for (Map<String, Object> line : raw(db, "SELECT l.* FROM " + t("DETAILS") + " l JOIN " + t("DOCUMENT")
        + " d ON l.tlFolioNum = d.thFolioNum WHERE d.thDocType = 8")) {
      String code = lp(line.get("tlStockCode")).trim();
      if (code.isEmpty()) {
        continue;
      }
      BigDecimal open = BigDecimal.valueOf(((Number) line.get("tlQty")).doubleValue() - ((Number) line.get("tlQtyDel")).doubleValue());
      if (Boolean.TRUE.equals(line.get("tlUsePack"))) {
        open = open.multiply(BigDecimal.valueOf(((Number) line.get("tlQtyMul")).doubleValue()));
      }
      allocatedByOrders.merge(code, open.setScale(2, RoundingMode.HALF_UP), BigDecimal::add);
    }
    for (Map<String, Object> item : raw(db, "SELECT * FROM " + t("STOCK") + " WHERE stType IN ('P', 'M', 'X')")) {
      String code = trim(item.get("stCode"));
      Map<String, Object> sums = raw(db, "SELECT SUM(LsQtyInStock) AS s, SUM(LsQtyAlloc) AS a, SUM(LsQtyPicked) AS p FROM "
          + t("StockLocation") + " WHERE RTRIM(LsStkCode) = ?", code).get(0);
      assertEquals(money(item.get("stQtyInStock")), money(sums.get("s")), "in stock " + code);
      assertEquals(money(item.get("stQtyAllocated")), money(sums.get("a")), "allocated " + code);
      assertEquals(money(item.get("stQtyPicked")), money(sums.get("p")), "picked " + code);
      assertEquals(allocatedByOrders.getOrDefault(code, BigDecimal.ZERO.setScale(2)), money(item.get("stQtyAllocated")),
          "allocated = open order quantities of " + code);
    }
  }

  @Test
  void encodingsAreThoseOfContractA() {
    Map<String, Object> sys = raw(db, "SELECT * FROM " + t("EXCHQSS") + " WHERE IDCode = ?",
        (Object) new byte[] {3, 'S', 'Y', 'S'}).get(0);
    assertAll(
        () -> assertEquals(12, sys.get("PrinYr")),
        () -> assertEquals(2, sys.get("NoNetDec")),
        () -> assertEquals(2, sys.get("NoCosDec")),
        () -> assertEquals(2, sys.get("NoQtyDec")),
        () -> assertEquals(true, sys.get("UseMLoc")),
        () -> assertEquals(true, sys.get("UseCCDep")),
        () -> assertEquals(true, sys.get("IntraStat")));
    assertEquals(3, count(db, "SELECT COUNT(*) FROM " + t("EXCHQSS")), "multi-record: SYS plus others");

    Map<Integer, String> symbols = new HashMap<>();
    for (Map<String, Object> row : raw(db, "SELECT * FROM " + t("CURRENCY") + " WHERE CurrencyCode BETWEEN 1 AND 3")) {
      symbols.put((Integer) row.get("CurrencyCode"), trim(row.get("Description")) + "/" + trim(row.get("ScreenSymbol")));
    }
    assertEquals(Map.of(1, "Sterling/£", 2, "Euro/€", 3, "US Dollar/$"), symbols);

    // Cost centres and departments: code in EXCHQCHKcode1, name over EXCHQCHKcode3 + CCDesc.
    Map<String, String> names = new TreeMap<>();
    int inactive = 0;
    for (Map<String, Object> row : raw(db, "SELECT * FROM " + t("EXCHQCHK") + " WHERE RecPfix = 'C'")) {
      byte[] code3 = (byte[]) row.get("EXCHQCHKcode3");
      byte[] desc = (byte[]) row.get("CCDesc");
      assertEquals(12, code3.length);
      assertEquals(19, desc.length);
      byte[] whole = new byte[31];
      System.arraycopy(code3, 0, whole, 0, 12);
      System.arraycopy(desc, 0, whole, 12, 19);
      names.put((char) (int) (Integer) row.get("SubType") + ":" + lp(row.get("EXCHQCHKcode1")), lp(whole));
      inactive += (Integer) row.get("HideAC") != 0 ? 1 : 0;
    }
    assertEquals("Service & Installation", names.get("D:SVC"));
    assertEquals("Leeds Head Office", names.get("C:LDS"));
    assertTrue(inactive >= 2);

    for (Map<String, Object> row : raw(db, "SELECT thLongYourRef, thTransDate, thYear, thPeriod FROM " + t("DOCUMENT"))) {
      byte[] ref = (byte[]) row.get("thLongYourRef");
      assertEquals(21, ref.length);
      assertTrue((ref[0] & 0xff) <= 20);
      String date = trim(row.get("thTransDate"));
      assertTrue(date.matches("20\\d{6}"), date);
      assertEquals(Integer.parseInt(date.substring(0, 4)) - 1900, row.get("thYear"));
      assertEquals(Integer.parseInt(date.substring(4, 6)), row.get("thPeriod"));
    }
    assertTrue(raw(db, "SELECT thLongYourRef FROM " + t("DOCUMENT")).stream().map(r -> lp(r.get("thLongYourRef")))
        .anyMatch(ref -> ref.startsWith("CRM-")));
    Set<String> stockCodes = new HashSet<>();
    raw(db, "SELECT stCode FROM " + t("STOCK")).forEach(r -> stockCodes.add(trim(r.get("stCode"))));
    for (Map<String, Object> line : raw(db, "SELECT tlStockCode FROM " + t("DETAILS"))) {
      String code = lp(line.get("tlStockCode")).trim();
      assertTrue(code.isEmpty() || stockCodes.contains(code), "line stock code " + code);
    }
    Map<String, Object> company = raw(db, "SELECT * FROM [common].[COMPANY]").get(0);
    assertEquals(ex.companyCode(), lp(company.get("CompanyCode1")));

    // Column types follow reference 4.1: varchar(n-1), float for Real48, int, bit, binary strings.
    Map<String, String> types = new HashMap<>();
    for (Map<String, Object> row : raw(db, "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH"
        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?", ex.companyCode())) {
      types.put(row.get("TABLE_NAME") + "." + row.get("COLUMN_NAME"), row.get("DATA_TYPE") + "/" + row.get("CHARACTER_MAXIMUM_LENGTH"));
    }
    assertEquals("CHARACTER VARYING/10", types.get("CUSTSUPP.acCode"));
    assertEquals("CHARACTER VARYING/30", types.get("CUSTSUPP.acAddressLine1"));
    assertEquals("DOUBLE PRECISION/null", types.get("CUSTSUPP.acCreditLimit"));
    assertEquals("INTEGER/null", types.get("CUSTSUPP.acAccStatus"));
    assertEquals("BOOLEAN/null", types.get("CUSTSUPP.acECMember"));
    assertEquals("BINARY/21", types.get("DOCUMENT.thLongYourRef"));
    assertEquals("BINARY/21", types.get("DETAILS.tlStockCode"));
    assertEquals("BINARY/21", types.get("HISTORY.hiCode"));
    assertEquals("BINARY/4", types.get("EXCHQSS.IDCode"));
    assertEquals("CHARACTER VARYING/8", types.get("DOCUMENT.thTransDate"));
    assertEquals("CHARACTER VARYING/6", types.get("CUSTSUPP.acTimeStamp"));
    for (String table : List.of("CUSTSUPP", "STOCK", "DOCUMENT", "DETAILS", "NOMINAL", "HISTORY", "EXCHQSS", "CURRENCY",
        "EXCHQNUM", "EXCHQCHK", "Location", "StockLocation", "JOBHEAD", "FinancialMatching", "AccountContact")) {
      assertEquals("INTEGER/null", types.get(table + ".PositionId"), table + " has PositionId");
    }
  }

  @Test
  void theDocumentedQuirksAreSprinkledOverSomeRows() {
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("CUSTSUPP") + " WHERE acCode LIKE '% '") > 0, "padded account codes");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("STOCK") + " WHERE stCode LIKE '% '") > 0, "padded stock codes");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DOCUMENT") + " WHERE thAcCode LIKE '% '") > 0, "padded thAcCode");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("CUSTSUPP") + " WHERE POSITION(CHAR(0) IN acCompany) > 0") > 0, "NULs");
    for (String blank : List.of("", "        ", "00000000", "\0\0\0\0\0\0\0\0")) {
      assertTrue(count(db, "SELECT COUNT(*) FROM " + t("DOCUMENT") + " WHERE thDueDate = ?", blank) > 0,
          "blank due date variant of length " + blank.length());
      assertTrue(count(db, "SELECT COUNT(*) FROM " + t("STOCK") + " WHERE stReorderDate = ?", blank) > 0);
    }
    int noisy = 0;
    for (Map<String, Object> row : raw(db, "SELECT thNetValue FROM " + t("DOCUMENT"))) {
      double value = ((Number) row.get("thNetValue")).doubleValue();
      noisy += BigDecimal.valueOf(value).scale() > 2 ? 1 : 0;
    }
    assertTrue(noisy > 20, "Real48 float noise on money " + noisy);
    assertTrue(raw(db, "SELECT tlStockCode FROM " + t("DETAILS")).stream().map(r -> lp(r.get("tlStockCode")))
        .anyMatch(code -> code.length() == 16 && code.endsWith(" ")), "full padded stock codes behind the length byte");
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("CUSTSUPP") + " WHERE acSubType = ''") > 0, "old blank sub types");
  }

  @Test
  void countersAreConsistentWithTheOurRefsInUse() {
    for (Map<String, Object> counter : raw(db, "SELECT * FROM " + t("EXCHQNUM"))) {
      String type = trim(counter.get("ssCountType"));
      int next = (Integer) counter.get("ssNextCount");
      for (Map<String, Object> doc : raw(db, "SELECT thOurRef FROM " + t("DOCUMENT") + " WHERE thOurRef LIKE ?", type + "%")) {
        String ourRef = trim(doc.get("thOurRef"));
        assertTrue(OurRefFormat.counterOf(ourRef).getAsInt() < next, ourRef + " below next " + type + " " + next);
      }
    }
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("EXCHQNUM") + " WHERE ssNextCount > 1") >= 10);
  }

  @Test
  void ledgerJobsAndCostCentresAreSetUp() {
    Set<String> glTypes = new HashSet<>();
    raw(db, "SELECT glType FROM " + t("NOMINAL")).forEach(r -> glTypes.add(trim(r.get("glType"))));
    assertEquals(Set.of("A", "B", "C", "F", "H"), glTypes);
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("NOMINAL") + " WHERE glInactive <> 0") > 0);
    assertEquals(0, count(db, "SELECT COUNT(*) FROM " + t("NOMINAL") + " n WHERE glParent <> 0 AND NOT EXISTS"
        + " (SELECT 1 FROM " + t("NOMINAL") + " p WHERE p.glCode = n.glParent AND p.glType = 'H')"), "parents are headings");
    Set<String> jobTypes = new HashSet<>();
    Set<Integer> statuses = new HashSet<>();
    Set<Integer> charges = new HashSet<>();
    for (Map<String, Object> job : raw(db, "SELECT * FROM " + t("JOBHEAD"))) {
      jobTypes.add(trim(job.get("JobType")));
      statuses.add((Integer) job.get("JobStat"));
      charges.add((Integer) job.get("ChargeType"));
    }
    assertEquals(Set.of("K", "J", "Z"), jobTypes);
    assertTrue(statuses.size() >= 4, "statuses " + statuses);
    assertEquals(Set.of(1, 2, 3, 4), charges);
    assertTrue(count(db, "SELECT COUNT(*) FROM " + t("JOBHEAD") + " WHERE UserDef1 <> '' AND CustCode <> ''") > 3);
  }

  @Test
  void theSameSeedGivesTheSameCompanyAndAnotherSeedAnother() throws Exception {
    String first = digest(ex);
    try (ExchequerSandbox again = ExchequerSandbox.builder().seed(Sandboxes.SEED).clock(Sandboxes.CLOCK).build().start();
        ExchequerSandbox other = ExchequerSandbox.builder().seed(Sandboxes.SEED + 1).clock(Sandboxes.CLOCK).build().start()) {
      assertEquals(first, digest(again));
      assertNotEquals(first, digest(other));
    }
  }

  private static String digest(ExchequerSandbox sandbox) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    String schema = "[" + sandbox.companyCode() + "]";
    for (String table : List.of("CUSTSUPP", "STOCK", "StockLocation", "DOCUMENT", "DETAILS", "HISTORY", "FinancialMatching",
        "EXCHQNUM", "JOBHEAD", "AccountContact")) {
      for (Map<String, Object> row : raw(sandbox.readOnlyDataSource(), "SELECT * FROM " + schema + ".[" + table
          + "] ORDER BY PositionId")) {
        for (Object value : row.values()) {
          sha.update((value instanceof byte[] ? new String((byte[]) value, CP1252) : String.valueOf(value))
              .getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0);
        }
      }
    }
    return java.util.HexFormat.of().formatHex(sha.digest());
  }

  @Test
  void decoderOfTheTestAgreesWithTheSandboxOne() {
    byte[] bytes = Encodings.lengthPrefixed("ABC", 13);
    assertArrayEquals(new byte[] {3, 'A', 'B', 'C', 0, 0, 0, 0, 0, 0, 0, 0, 0}, bytes);
    assertEquals("ABC", lp(bytes));
  }
}
