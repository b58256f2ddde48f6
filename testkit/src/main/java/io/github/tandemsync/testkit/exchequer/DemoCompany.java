package io.github.tandemsync.testkit.exchequer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * Generates the demo company from a seed: the same seed and clock give the same data. Masters are
 * set up directly (as an implementation would load them); accounts and every transaction go
 * through the Toolkit emulation, in date order, so numbering, HISTORY, stock levels and settled
 * amounts are exactly what posting produces. Last, the documented storage quirks are sprinkled
 * over some rows so that readers meet them.
 */
final class DemoCompany {
  static final int CUSTOMERS_UK = 56;
  static final int FLOWS = 210;
  static final int PURCHASE_INVOICES = 36;

  private final ToolkitEngine engine;
  private final Db db;
  private final Random random;
  private final LocalDate today;
  private final LocalDate start;

  private final List<Customer> customers = new ArrayList<>();
  private final List<Item> items = new ArrayList<>();
  private final List<String> activeJobs = new ArrayList<>();
  private final PriorityQueue<Event> events =
      new PriorityQueue<>(Comparator.comparing((Event e) -> e.at).thenComparingLong(e -> e.sequence));
  private long sequence;

  /** A customer as the generator knows it. */
  private record Customer(String code, int currency, String country, int weight) {}

  /** A sellable stock item. */
  private record Item(String code, String type, double packSize, boolean metre) {}

  /** One scheduled user action. */
  private static final class Event {
    final LocalDateTime at;
    final long sequence;
    final Action action;

    Event(LocalDateTime at, long sequence, Action action) {
      this.at = at;
      this.sequence = sequence;
      this.action = action;
    }
  }

  @FunctionalInterface
  private interface Action {
    void run(Connection connection, LocalDateTime at) throws SQLException;
  }

  DemoCompany(ToolkitEngine engine, long seed) {
    this.engine = engine;
    this.db = engine.db;
    this.random = new Random(seed);
    this.today = engine.now().toLocalDate();
    this.start = LocalDate.of(today.getYear() - 1, 1, 1);
  }

  void generate() {
    try {
      generateAll();
    } catch (Failure failure) {
      throw new IllegalStateException("Demo company generation failed: " + failure.result().describe(), failure);
    }
  }

  private void generateAll() {
    engine.keysOnlyResults = true;
    try {
      generateTrading();
    } finally {
      engine.keysOnlyResults = false;
    }
  }

  private void generateTrading() {
    db.inTransaction(connection -> {
      counters(connection);
      stock(connection);
      jobs(connection);
      return null;
    });
    db.inTransaction(connection -> {
      customers(connection);
      suppliers(connection);
      contacts(connection);
      return null;
    });
    planFlows();
    planPurchases();
    planPostingRuns();
    db.inTransaction(connection -> {
      while (!events.isEmpty()) {
        Event event = events.poll();
        if (event.at.isAfter(engine.now())) {
          continue;
        }
        event.action.run(connection, event.at);
      }
      return null;
    });
    db.inTransaction(connection -> {
      statuses(connection);
      linkJobsToOrders(connection);
      quirks(connection);
      return null;
    });
  }

  // -- masters ------------------------------------------------------------------------------------

  private void counters(Connection connection) throws SQLException {
    Map<String, Integer> starts = Map.of("SIN", 14_201, "SOR", 6_301, "SQU", 2_801, "SDN", 5_101, "SRC", 9_001,
        "SCR", 712, "SJI", 141, "SJC", 58, "SRF", 23, "SRI", 377);
    for (Map.Entry<String, Integer> entry : starts.entrySet()) {
      engine.counters.setNext(connection, entry.getKey(), entry.getValue());
    }
    engine.counters.setNext(connection, "PIN", 3_051);
    engine.counters.setNext(connection, "PPY", 2_214);
  }

  /** Stock groups (G) in a two-level tree and about 215 items of types P, D, M and X. */
  private void stock(Connection connection) throws SQLException {
    String[][] groups = {
        {"FIX", "Fixings & Fasteners", "", "41010"}, {"HTL", "Hand Tools", "", "41020"},
        {"PTL", "Power Tools", "", "41030"}, {"SAF", "Safety & Workwear", "", "41040"},
        {"ELE", "Electrical", "", "41050"}, {"PLU", "Plumbing", "", "41060"}, {"SVC", "Services", "", "41070"},
        {"KIT", "Kits & Bundles", "", "41010"},
        {"FIX-BOLT", "Bolts & Nuts", "FIX", "41010"}, {"FIX-SCRW", "Screws", "FIX", "41010"},
        {"FIX-ANCH", "Anchors & Plugs", "FIX", "41010"}, {"HTL-SPAN", "Spanners & Wrenches", "HTL", "41020"},
        {"HTL-SAW", "Hand Saws", "HTL", "41020"}, {"HTL-MEAS", "Measuring & Marking", "HTL", "41020"},
        {"PTL-DRIL", "Drills & Drivers", "PTL", "41030"}, {"PTL-SAW", "Power Saws", "PTL", "41030"},
        {"PTL-ACC", "Power Tool Accessories", "PTL", "41030"}, {"SAF-PPE", "Personal Protection", "SAF", "41040"},
        {"SAF-WEAR", "Workwear & Boots", "SAF", "41040"}, {"ELE-CABL", "Cable", "ELE", "41050"},
        {"ELE-ACC", "Wiring Accessories", "ELE", "41050"}, {"ELE-LGT", "Lighting", "ELE", "41050"},
        {"PLU-PIPE", "Pipe & Fittings", "PLU", "41060"}, {"PLU-VALV", "Valves", "PLU", "41060"}};
    Map<String, String> groupGl = new HashMap<>();
    int folio = 0;
    for (String[] group : groups) {
      groupGl.put(group[0], group[3]);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("stCode", group[0]);
      row.put("stFolioNum", ++folio);
      row.put("stDescLine1", group[1]);
      row.put("stParentCode", group[2]);
      row.put("stType", "G");
      row.put("stNomCode1", Integer.parseInt(group[3]));
      row.put("stLastUsed", Encodings.date(start.minusYears(3)));
      row.put("stTimeChange", "090000");
      row.put("stOperator", "SYSTEM");
      db.insert(connection, "STOCK", row);
    }

    List<Object[]> catalogue = new ArrayList<>();
    for (int d : new int[] {6, 8, 10, 12}) {
      for (int l : new int[] {30, 40, 60}) {
        catalogue.add(new Object[] {"FIX-BOLT", "BOLT-M" + d + "X" + l, "Hex bolt M" + d + " x " + l + "mm BZP",
            0.06 + d * l / 4000.0, "Each", 50.0, "P", "KIFI01"});
      }
    }
    for (String size : new String[] {"M6", "M8", "M10", "M12"}) {
      catalogue.add(new Object[] {"FIX-BOLT", "NUT-" + size, "Hex full nut " + size + " BZP", 0.03, "Each", 100.0, "P", "KIFI01"});
    }
    for (String size : new String[] {"3.5X25", "4X30", "4X40", "4X50", "5X50", "5X70", "5X80", "6X100", "6X120"}) {
      catalogue.add(new Object[] {"FIX-SCRW", "SCRW-" + size, "Wood screw " + size.replace("X", " x ") + "mm pozi",
          0.02 + size.length() * 0.005, "Each", 200.0, "P", "KIFI01"});
    }
    for (String size : new String[] {"5MM", "6MM", "7MM", "8MM", "10MM", "M8-SLV", "M10-SLV", "M12-SLV"}) {
      catalogue.add(new Object[] {"FIX-ANCH", "PLUG-" + size, "Wall plug / anchor " + size.toLowerCase(), 0.04, "Each",
          100.0, "P", "KIFI01"});
    }
    for (String size : new String[] {"4X16", "4X19", "4X25", "5X19", "5X25", "5X32"}) {
      catalogue.add(new Object[] {"FIX-SCRW", "SDS-" + size, "Self-drilling screw " + size.replace("X", " x ") + "mm",
          0.05, "Each", 100.0, "P", "KIFI01"});
    }
    for (String size : new String[] {"6IN", "8IN", "10IN", "12IN"}) {
      catalogue.add(new Object[] {"HTL-SPAN", "WRENCH-ADJ-" + size, "Adjustable wrench " + size.replace("IN", "in"),
          9.0 + size.length() * 2.5, "Each", 1.0, "P", "HAST01"});
    }
    for (int size = 8; size <= 19; size++) {
      catalogue.add(new Object[] {"HTL-SPAN", "SPAN-COMB-" + size, "Combination spanner " + size + "mm", 4.5 + size * 0.35,
          "Each", 1.0, "P", "HAST01"});
    }
    for (String[] saw : new String[][] {{"SAW-HAND-22", "Hardpoint hand saw 22in", "12.99"},
        {"SAW-HAND-20", "Hardpoint hand saw 20in", "11.49"}, {"SAW-HACK-12", "Hacksaw frame 12in", "9.99"},
        {"SAW-JUNIOR", "Junior hacksaw 6in", "3.49"}, {"SAW-COPING", "Coping saw with 5 blades", "7.25"},
        {"SAW-PLASTER", "Plasterboard saw 6in", "6.50"}, {"SAW-TENON-10", "Tenon saw 10in brass back", "18.75"}}) {
      catalogue.add(new Object[] {"HTL-SAW", saw[0], saw[1], Double.parseDouble(saw[2]), "Each", 1.0, "P", "HAST01"});
    }
    for (String[] tool : new String[][] {{"TAPE-3M", "Tape measure 3m / 10ft", "4.99"}, {"TAPE-5M", "Tape measure 5m / 16ft", "7.49"},
        {"TAPE-8M", "Tape measure 8m / 26ft", "10.99"}, {"LEVEL-600", "Spirit level 600mm", "14.99"},
        {"LEVEL-1200", "Spirit level 1200mm", "24.99"}, {"SQUARE-300", "Try square 300mm", "8.99"},
        {"LASER-LINE", "Cross line laser level", "89.00"}, {"PENCIL-BOX", "Carpenter pencils box of 12", "4.20"}}) {
      catalogue.add(new Object[] {"HTL-MEAS", tool[0], tool[1], Double.parseDouble(tool[2]), "Each", 1.0, "P", "HAST01"});
    }
    String[][] drills = {{"DRL-18V-COMBI", "18V combi drill 2 x 5.0Ah", "189.00", "P"},
        {"DRL-18V-DRIVER", "18V impact driver body only", "119.00", "P"}, {"DRL-12V-DRIVER", "12V drill driver 2 x 2.0Ah", "99.00", "P"},
        {"DRL-SDS-800", "SDS plus hammer drill 800W 240V", "145.00", "P"}, {"DRL-SDS-110", "SDS plus hammer drill 800W 110V", "149.00", "P"},
        {"DRL-18V-BATT5", "18V 5.0Ah Li-ion battery", "69.00", "P"}, {"DRL-18V-CHGR", "18V fast charger", "45.00", "P"},
        {"DRL-14V-COMBI", "14.4V combi drill (old model)", "99.00", "X"}, {"DRL-NICD-BATT", "14.4V NiCd battery", "39.00", "X"},
        {"DRL-MAG-110", "Magnetic drill 110V", "645.00", "P"}};
    for (String[] drill : drills) {
      catalogue.add(new Object[] {"PTL-DRIL", drill[0], drill[1], Double.parseDouble(drill[2]), "Each", 1.0, drill[3], "ATPO01"});
    }
    String[][] saws = {{"PSAW-CIRC-190", "Circular saw 190mm 240V", "129.00", "P"}, {"PSAW-CIRC-110", "Circular saw 190mm 110V", "135.00", "P"},
        {"PSAW-JIG-18V", "18V jigsaw body only", "109.00", "P"}, {"PSAW-RECIP-18V", "18V reciprocating saw body only", "129.00", "P"},
        {"PSAW-MITRE-254", "Mitre saw 254mm", "279.00", "P"}, {"PSAW-JIG-OLD", "Jigsaw 500W (superseded)", "49.00", "X"}};
    for (String[] saw : saws) {
      catalogue.add(new Object[] {"PTL-SAW", saw[0], saw[1], Double.parseDouble(saw[2]), "Each", 1.0, saw[3], "RHWE01"});
    }
    String[] accessories = {"HSS drill bit set 19pc", "SDS masonry bit set 5pc", "Wood spade bit set 6pc", "Hole saw kit 9pc",
        "Screwdriver bit set 32pc", "Circular saw blade 190mm 24T", "Circular saw blade 190mm 48T", "Jigsaw blades wood 5pk",
        "Jigsaw blades metal 5pk", "Recip blades demolition 5pk", "Mitre blade 254mm 60T", "Diamond blade 115mm",
        "Cutting discs 115mm 10pk", "Flap discs 115mm 60g", "Sanding sheets 1/3 asstd 10pk", "Tool case large"};
    for (int i = 0; i < accessories.length; i++) {
      catalogue.add(new Object[] {"PTL-ACC", String.format("ACC-%03d", i + 101), accessories[i], 6.0 + i * 2.75, "Each",
          1.0, i == 15 ? "X" : "P", "RHWE01"});
    }
    String[] ppe = {"Safety glasses clear", "Safety goggles indirect vent", "Ear defenders SNR 30", "Ear plugs box 200",
        "Dust mask FFP2 box 10", "Dust mask FFP3 box 10", "Hard hat white", "Hard hat yellow", "Hard hat blue",
        "Nitrile gloves L box 100", "Cut resistant gloves size 9", "Rigger gloves size 10", "Knee pads gel",
        "Face shield clear", "First aid kit 10 person", "Eye wash station 500ml"};
    for (int i = 0; i < ppe.length; i++) {
      catalogue.add(new Object[] {"SAF-PPE", String.format("PPE-%03d", i + 1), ppe[i], 2.5 + (i % 6) * 3.2, "Each", 1.0, "P", "SAFE01"});
    }
    for (String size : new String[] {"S", "M", "L", "XL", "XXL"}) {
      catalogue.add(new Object[] {"SAF-WEAR", "VEST-HV-" + size, "Hi-vis vest yellow size " + size, 2.25, "Each", 1.0, "P", "WOWE01"});
      catalogue.add(new Object[] {"SAF-WEAR", "JKT-HV-" + size, "Hi-vis bomber jacket size " + size, 24.95, "Each", 1.0, "P", "WOWE01"});
    }
    for (int size = 7; size <= 12; size++) {
      catalogue.add(new Object[] {"SAF-WEAR", "BOOT-S3-" + size, "Safety boot S3 black size " + size, 39.99, "Pair", 1.0, "P", "WOWE01"});
    }
    for (String[] cable : new String[][] {{"1.0", "0.55"}, {"1.5", "0.68"}, {"2.5", "0.98"}, {"4.0", "1.65"}, {"6.0", "2.45"},
        {"10.0", "4.10"}}) {
      catalogue.add(new Object[] {"ELE-CABL", "CAB-TE-" + cable[0], "Twin & earth cable " + cable[0] + "mm per metre",
          Double.parseDouble(cable[1]), "Metre", 1.0, "P", "BRCA01"});
    }
    for (String[] cable : new String[][] {{"SWA-3C-2.5", "SWA cable 3 core 2.5mm per metre", "2.95"},
        {"SWA-3C-4.0", "SWA cable 3 core 4.0mm per metre", "3.85"}, {"FLEX-3C-1.5", "Arctic flex 3 core 1.5mm per metre", "1.35"},
        {"DATA-CAT6", "Cat6 data cable per metre", "0.42"}}) {
      catalogue.add(new Object[] {"ELE-CABL", "CAB-" + cable[0], cable[1], Double.parseDouble(cable[2]), "Metre", 1.0, "P", "BRCA01"});
    }
    String[] wiring = {"Double socket switched white", "Single socket switched white", "1 gang 2 way switch white",
        "2 gang 2 way switch white", "Fused spur switched white", "Cooker switch 45A", "Double socket brushed steel",
        "Light switch 1G brushed steel", "Back box 25mm 1G", "Back box 35mm 2G", "Junction box 30A", "Consumer unit 10 way",
        "MCB 32A type B", "RCBO 16A type B"};
    for (int i = 0; i < wiring.length; i++) {
      catalogue.add(new Object[] {"ELE-ACC", String.format("WIR-%03d", i + 1), wiring[i], 1.2 + i * 1.9, "Each", 1.0, "P", "BRCA01"});
    }
    String[] lights = {"LED downlight fire rated 6W", "LED batten 5ft 40W", "LED batten 4ft 30W", "LED floodlight 50W",
        "LED floodlight 100W", "Bulkhead LED 15W", "Emergency bulkhead 3hr", "LED panel 600x600 36W", "GU10 LED lamp 5W",
        "Festoon lighting 22m 110V"};
    for (int i = 0; i < lights.length; i++) {
      catalogue.add(new Object[] {"ELE-LGT", String.format("LGT-%03d", i + 1), lights[i], 4.5 + i * 6.0, "Each", 1.0,
          i == 9 ? "X" : "P", "LUMI01"});
    }
    String[] pipe = {"Copper pipe 15mm per metre", "Copper pipe 22mm per metre", "Copper pipe 28mm per metre",
        "Elbow 15mm end feed", "Elbow 22mm end feed", "Equal tee 15mm", "Equal tee 22mm", "Straight coupler 15mm",
        "Straight coupler 22mm", "Compression elbow 15mm", "Compression elbow 22mm", "Push-fit elbow 15mm",
        "Push-fit tee 15mm", "Pipe clip 15mm bag 10", "Pipe clip 22mm bag 10", "PTFE tape 12m"};
    for (int i = 0; i < pipe.length; i++) {
      boolean metre = i < 3;
      catalogue.add(new Object[] {"PLU-PIPE", String.format("PIP-%03d", i + 1), pipe[i], metre ? 3.2 + i * 2.1 : 0.65 + i * 0.3,
          metre ? "Metre" : "Each", 1.0, "P", "NOPL01"});
    }
    String[] valves = {"Isolating valve 15mm", "Gate valve 22mm", "Ball valve lever 15mm", "Ball valve lever 22mm",
        "TRV valve 15mm", "Lockshield valve 15mm", "Check valve 22mm", "Pressure reducing valve 22mm"};
    for (int i = 0; i < valves.length; i++) {
      catalogue.add(new Object[] {"PLU-VALV", String.format("VLV-%03d", i + 1), valves[i], 2.9 + i * 3.4, "Each", 1.0, "P", "NOPL01"});
    }
    String[][] services = {{"CARRIAGE", "Carriage", "9.95"}, {"CARRIAGE-NXT", "Next day carriage", "14.95"},
        {"INSTALL-HR", "Installation labour per hour", "45.00"}, {"CALIBRATE", "Tool calibration service", "35.00"},
        {"PAT-TEST", "PAT testing per item", "2.50"}, {"TRAINING-DAY", "On-site toolbox talk (per day)", "395.00"},
        {"HIRE-DAY", "Equipment hire per day", "25.00"}, {"MANUAL-HS", "Health & safety handbook", "12.00"}};
    for (String[] service : services) {
      catalogue.add(new Object[] {"SVC", service[0], service[1], Double.parseDouble(service[2]), "Each", 1.0, "D", ""});
    }
    String[][] kits = {{"KIT-FIRSTFIX", "First fix electrical kit", "149.00"}, {"KIT-PPE-START", "PPE starter pack",
        "39.50"}, {"KIT-DRILL-PRO", "Pro drill kit with case and bits", "249.00"}, {"KIT-PLUMB-BASIC", "Plumber's basic kit",
        "89.00"}, {"KIT-SITE-LIGHT", "Site lighting kit 110V", "199.00"}, {"KIT-FIXINGS", "Mixed fixings case 1000pc", "29.95"}};
    for (String[] kit : kits) {
      catalogue.add(new Object[] {"KIT", kit[0], kit[1], Double.parseDouble(kit[2]), "Each", 1.0, "M", "KIFI01"});
    }

    String[] brands = {"ProBuild", "Hartley", "Tandem Trade", "Northline", "Ironside"};
    String[] extended = {"Supplied in a resealable tub", "Trade quality - 5 year guarantee", "Conforms to BS EN standards",
        "Check compatibility before ordering", "Price per unit of sale", "Also available in bulk packs"};
    for (Object[] entry : catalogue) {
      String group = (String) entry[0];
      String code = (String) entry[1];
      String description = (String) entry[2];
      double price = BigDecimal.valueOf((Double) entry[3]).setScale(2, RoundingMode.HALF_UP).doubleValue();
      String unit = (String) entry[4];
      double pack = (Double) entry[5];
      String type = (String) entry[6];
      String supplier = (String) entry[7];
      boolean service = type.equals("D");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("stCode", code);
      row.put("stFolioNum", ++folio);
      row.put("stDescLine1", DemoNames.fit(description, 35));
      if (random.nextInt(100) < 30) {
        row.put("stDescLine2", extended[random.nextInt(extended.length)]);
        if (random.nextBoolean()) {
          row.put("stDescLine3", extended[random.nextInt(extended.length)]);
        }
      }
      row.put("stAltCode", code.replace("-", "").length() > 20 ? code.substring(0, 20) : code.replace("-", ""));
      row.put("stBarCode", service ? "" : DemoNames.ean13(random));
      row.put("stParentCode", group);
      row.put("stType", type);
      row.put("stUnitOfStock", unit);
      row.put("stUnitOfSale", pack > 1 ? "Box" : unit);
      row.put("stUnitOfPurch", pack > 1 ? "Carton" : unit);
      row.put("stSalesUnits", Encodings.real48(pack));
      row.put("stPurchaseUnits", Encodings.real48(pack > 1 ? pack * 10 : 1));
      boolean dollarCost = supplier.equals("ATPO01");
      boolean euroCost = supplier.equals("RHWE01");
      double cost = price * (0.52 + random.nextInt(18) / 100.0);
      row.put("stCostPrice", Encodings.real48(round(dollarCost ? cost * CompanySetup.USD_RATE
          : euroCost ? cost * CompanySetup.EUR_RATE : cost, 2)));
      row.put("stCostPriceCurrency", dollarCost ? 3 : euroCost ? 2 : 1);
      double[] factors = {1.0, 0.97, 0.95, 0.92, 0.90, 0.88};
      for (int band = 1; band <= 6; band++) {
        row.put("stSalesBand" + band + "Price", Encodings.real48(round(price * factors[band - 1], 2)));
        row.put("stSalesBand" + band + "Currency", 1);
      }
      row.put("stSalesBand7Price", Encodings.real48(round(price * CompanySetup.EUR_RATE * 1.05, 2)));
      row.put("stSalesBand7Currency", 2);
      row.put("stSalesBand8Price", Encodings.real48(round(price * CompanySetup.USD_RATE * 1.08, 2)));
      row.put("stSalesBand8Currency", 3);
      row.put("stReorderPrice", row.get("stCostPrice"));
      row.put("stReorderCurrency", row.get("stCostPriceCurrency"));
      row.put("stReOrderQty", service ? 0.0 : (double) (10 + random.nextInt(20) * 10));
      row.put("stReorderDate", service ? "" : Encodings.date(today.minusDays(random.nextInt(400))));
      row.put("stSupplier", supplier);
      row.put("stVATCode", code.startsWith("MANUAL") ? "Z" : "S");
      row.put("stCostCentre", "LDS");
      row.put("stDepartment", service ? "SVC" : "SAL");
      row.put("stLocation", service ? "" : "MAI");
      row.put("stBinLocation", service ? "" : String.format("%c-%02d-%02d", (char) ('A' + random.nextInt(6)),
          1 + random.nextInt(24), 1 + random.nextInt(6)));
      String topGroup = group.contains("-") ? group.substring(0, group.indexOf('-')) : group;
      row.put("stNomCode1", Integer.parseInt(groupGl.get(topGroup)));
      row.put("stNomCode2", 42010);
      row.put("stNomCode3", 42030);
      row.put("stNomCode4", 12020);
      row.put("stSSDSalesUnitWeight", Encodings.real48(service ? 0.0 : round(0.01 + random.nextInt(2500) / 100.0, 3)));
      row.put("stSSDPurchaseUnitWeight", row.get("stSSDSalesUnitWeight"));
      row.put("stSSDCommodityCode", service ? "" : String.format("%08d", 73_000_000 + random.nextInt(20_000_000)));
      row.put("stValuationMethod", random.nextInt(4) == 0 ? "F" : "A");
      row.put("stUserField1", brands[random.nextInt(brands.length)]);
      row.put("stUserField2", random.nextInt(3) == 0 ? "Economy" : "Trade");
      row.put("stUserField3", supplier.isEmpty() ? "" : supplier + "-" + (1000 + random.nextInt(9000)));
      row.put("stIsService", service);
      row.put("stQtyMin", service ? 0.0 : 10.0);
      row.put("stQtyMax", service ? 0.0 : 500.0);
      LocalDateTime created = start.minusDays(200 + random.nextInt(900)).atTime(9 + random.nextInt(8), random.nextInt(60));
      row.put("stLastUsed", Encodings.date(created.toLocalDate()));
      row.put("stTimeChange", Encodings.time(created.toLocalTime()));
      row.put("stOperator", random.nextBoolean() ? "SARAH" : "DAVEB");
      db.insert(connection, "STOCK", row);
      if (Ledger.stocked(type)) {
        openingStock(connection, code, folio, type, created);
      }
      if (!type.equals("X")) {
        items.add(new Item(code, type, pack, unit.equals("Metre")));
      }
    }
  }

  private void openingStock(Connection connection, String code, int folio, String type, LocalDateTime when)
      throws SQLException {
    double total = 0;
    double onOrder = 0;
    for (CompanySetup.Location location : CompanySetup.LOCATIONS) {
      boolean main = location.code().equals("MAI");
      double quantity = type.equals("X") ? random.nextInt(6)
          : main ? 200 + random.nextInt(900) : random.nextInt(3) == 0 ? 0 : 20 + random.nextInt(250);
      double ordered = main && random.nextInt(5) == 0 ? 50 + random.nextInt(200) : 0;
      total += quantity;
      onOrder += ordered;
      Map<String, Object> level = new LinkedHashMap<>();
      level.put("LsStkCode", code);
      level.put("LsStkFolio", folio);
      level.put("LsLocCode", location.code());
      level.put("LsQtyInStock", quantity);
      level.put("LsQtyOnOrder", ordered);
      level.put("LsQtyMin", main ? 10.0 : 0.0);
      level.put("LsQtyMax", main ? 500.0 : 0.0);
      level.put("LsBinLoc", String.format("%s-%02d", location.code().charAt(0), 1 + random.nextInt(40)));
      level.put("LsCostCentre", location.costCentre());
      level.put("LsDepartment", "WHS");
      level.put("LsLastUsed", Encodings.date(when.toLocalDate()));
      level.put("LsLastTime", Encodings.time(when.toLocalTime()));
      db.insert(connection, "StockLocation", level);
    }
    Db.update(connection, "UPDATE " + db.table("STOCK")
            + " SET stQtyInStock = ?, stQtyPosted = ?, stQtyOnOrder = ? WHERE stFolioNum = ?",
        total, total, onOrder, folio);
  }

  /** Contracts (K), jobs (J) and phases (Z) with every status and charge type. */
  private void jobs(Connection connection) throws SQLException {
    Object[][] jobs = {
        // code, description, parent, type, status, charge type, customer, quote price, currency
        {"LHOSP", "Leeds Hospital refurbishment", "", "K", 2, 2, "", 185_000.0, 1},
        {"LHOSP-001", "Ward block electrical", "LHOSP", "J", 2, 1, "", 42_500.0, 1},
        {"LHOSP-001A", "First fix wards 1-4", "LHOSP-001", "Z", 4, 1, "", 12_000.0, 1},
        {"LHOSP-001B", "Second fix wards 1-4", "LHOSP-001", "Z", 2, 1, "", 9_800.0, 1},
        {"LHOSP-002", "Plant room plumbing", "LHOSP", "J", 2, 3, "", 27_300.0, 1},
        {"MCRSCH", "Manchester schools maintenance", "", "K", 2, 1, "", 64_000.0, 1},
        {"MCRSCH-01", "Summer term PPE supply", "MCRSCH", "J", 5, 2, "", 8_400.0, 1},
        {"MCRSCH-02", "Lighting upgrade", "MCRSCH", "J", 3, 2, "", 15_250.0, 1},
        {"DUBDOCK", "Dublin docklands fit-out", "", "K", 1, 2, "", 96_000.0, 2},
        {"DUBDOCK-01", "Tooling package", "DUBDOCK", "J", 1, 2, "", 31_000.0, 2},
        {"INTERNAL", "Internal non-productive time", "", "J", 2, 4, "", 0.0, 1}};
    int folio = 0;
    for (Object[] job : jobs) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("JobCode", job[0]);
      row.put("JobDesc", job[1]);
      row.put("JobFolio", ++folio);
      row.put("JobCat", job[2]);
      row.put("JobType", job[3]);
      row.put("JobStat", job[4]);
      row.put("Completed", (Integer) job[4] >= 4 ? 1 : 0);
      row.put("ChargeType", job[5]);
      row.put("QuotePrice", Encodings.real48((Double) job[7]));
      row.put("CurrPrice", job[8]);
      row.put("Contact", DemoNames.contact(random));
      row.put("JobMan", DemoNames.pick(random, List.of("Mr Gary Wood", "Mrs Helen Clarke", "Mr Ian Turner")));
      LocalDate begin = start.plusDays(random.nextInt(200));
      row.put("StartDate", Encodings.date(begin));
      row.put("EndDate", Encodings.date(begin.plusDays(120 + random.nextInt(300))));
      row.put("RevEDate", random.nextBoolean() ? Encodings.date(begin.plusDays(420 + random.nextInt(100))) : "");
      row.put("VATCode", "S");
      row.put("Department", "PRJ");
      row.put("CostCentre", ((String) job[0]).startsWith("DUB") ? "EXP" : "LDS");
      row.put("JobAnal", ((String) job[3]).equals("K") ? "CON" : "INS");
      row.put("UserDef1", "PM: " + DemoNames.pick(random, DemoNames.SURNAMES));
      row.put("UserDef2", ((String) job[0]).startsWith("LHOSP") ? "NHS framework" : "");
      row.put("UserDef5", "Retention 5%");
      row.put("JQSCode", ((String) job[3]).equals("K") ? "QS-" + (100 + folio) : "");
      db.insert(connection, "JOBHEAD", row);
      if ((Integer) job[4] == 2 && !((String) job[3]).equals("K") && (Integer) job[5] != 4) {
        activeJobs.add((String) job[0]);
      }
    }
  }

  /** UK customers, overseas customers, and head-office / branch pairs, through {@code Customer.Add}. */
  private void customers(Connection connection) throws SQLException {
    Map<String, Integer> prefixes = new HashMap<>();
    for (DemoNames.Supplier supplier : DemoNames.SUPPLIERS) {
      prefixes.merge(supplier.code().substring(0, 4), 1, Integer::sum);
    }
    List<String> usedNames = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS_UK; i++) {
      String word = DemoNames.pick(random, DemoNames.NAME_WORDS);
      String trade = DemoNames.pick(random, DemoNames.TRADES);
      String name = word + " " + trade + " " + DemoNames.pick(random, DemoNames.SUFFIXES);
      if (usedNames.contains(word + trade)) {
        i--;
        continue;
      }
      usedNames.add(word + trade);
      DemoNames.Town town = DemoNames.pick(random, DemoNames.UK_TOWNS);
      String code = code(prefixes, word, trade);
      Map<String, Object> account = baseAccount(code, DemoNames.fit(name, 45));
      account.put("acAddress", List.of(street(), DemoNames.pick(random, DemoNames.LOCALITIES), town.name(),
          town.county(), ""));
      account.put("acPostCode", DemoNames.postCode(random, town));
      account.put("acCountry", "GB");
      if (random.nextInt(100) < 40) {
        DemoNames.Town site = random.nextBoolean() ? town : DemoNames.pick(random, DemoNames.UK_TOWNS);
        account.put("acDelAddress", List.of(DemoNames.fit("Goods In, " + DemoNames.pick(random, DemoNames.ESTATES), 30), street(), site.name(),
            site.county(), ""));
        account.put("acDeliveryPostCode", DemoNames.postCode(random, site));
        account.put("acDeliveryCountry", "GB");
      }
      account.put("acPhone", DemoNames.phone(random, town.phonePrefix()));
      if (random.nextInt(3) == 0) {
        account.put("acFax", DemoNames.phone(random, town.phonePrefix()));
      }
      if (random.nextInt(4) == 0) {
        account.put("acPhone2", DemoNames.phone(random, "07700 900"));
      }
      account.put("acEmailAddr", "accounts@" + DemoNames.slug(word + trade) + ".example");
      account.put("acVATRegNo", random.nextInt(5) == 0
          ? String.format("GB %03d %04d %02d", random.nextInt(1000), random.nextInt(10_000), random.nextInt(100))
          : String.format("GB%09d", random.nextInt(1_000_000_000)));
      account.put("acVATCode", random.nextInt(12) == 0 ? "E" : "S");
      account.put("acCurrency", 1);
      account.put("acDiscountBand", String.valueOf((char) ('A' + random.nextInt(6))));
      account.put("acLocation", town.name().equals("Glasgow") || town.name().equals("Edinburgh")
          || town.name().equals("Newcastle upon Tyne") ? "NTH"
          : town.name().equals("Reading") || town.name().equals("London") || town.name().equals("Bristol") ? "STH" : "MAI");
      account.put("acCostCentre", account.get("acLocation").equals("NTH") ? "GLA"
          : account.get("acLocation").equals("STH") ? "RDG" : "LDS");
      account.put("acDepartment", "SAL");
      account.put("acArea", town.area().length() > 4 ? town.area().substring(0, 4) : town.area());
      account.put("acECMember", false);
      add(connection, account, new Customer(code, 1, "GB", 1 + random.nextInt(i % 7 == 0 ? 9 : 4)));
    }
    for (DemoNames.Overseas overseas : DemoNames.OVERSEAS) {
      String[] words = overseas.name().split(" ");
      String code = code(prefixes, words[0], words[1]);
      Map<String, Object> account = baseAccount(code, overseas.name());
      account.put("acAddress", List.of(overseas.street(), overseas.locality(), overseas.town(), overseas.region(), ""));
      account.put("acPostCode", overseas.postCode());
      account.put("acCountry", overseas.country());
      account.put("acContact", overseas.contact());
      account.put("acPhone", DemoNames.phone(random, overseas.phonePrefix()));
      account.put("acEmailAddr", "purchasing@" + DemoNames.slug(overseas.name()) + ".example");
      account.put("acVATRegNo", overseas.country().equals("US") ? ""
          : overseas.country() + String.format(overseas.country().equals("IE") ? "%07dT" : "%09d", random.nextInt(9_999_999)));
      account.put("acVATCode", "Z");
      account.put("acCurrency", overseas.currency());
      account.put("acDiscountBand", overseas.currency() == 2 ? "G" : "H");
      account.put("acCostCentre", "EXP");
      account.put("acDepartment", "SAL");
      account.put("acSalesGL", 41080);
      account.put("acECMember", !overseas.country().equals("US"));
      account.put("acPayTerms", 60);
      add(connection, account, new Customer(code, overseas.currency(), overseas.country(), 2));
    }
    // A head office with two branches invoiced to it.
    for (String[] branch : new String[][] {{"Bristol", "BS1 6QH", "Avon"}, {"Cardiff", "CF10 4GA", "South Glamorgan"}}) {
      Customer head = customers.get(3);
      String headName = Db.str(engine.accounts.find(connection, head.code()).orElseThrow(), "acCompany");
      String name = DemoNames.fit(headName + " - " + branch[0], 45);
      String code = code(prefixes, headName.split(" ")[0], branch[0]);
      Map<String, Object> account = baseAccount(code, name);
      account.put("acAddress", List.of(street(), "", branch[0], branch[2], ""));
      account.put("acPostCode", branch[1]);
      account.put("acInvoiceTo", head.code());
      account.put("acStatementTo", head.code());
      account.put("acCostCentre", "RDG");
      account.put("acDepartment", "SAL");
      add(connection, account, new Customer(code, 1, "GB", 1));
    }
  }

  private Map<String, Object> baseAccount(String code, String name) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("acCode", code);
    account.put("acCustSupp", "C");
    account.put("acCompany", name);
    account.put("acContact", DemoNames.contact(random));
    int[] limits = {0, 1_000, 2_500, 5_000, 5_000, 10_000, 15_000, 25_000, 50_000};
    account.put("acCreditLimit", (double) limits[random.nextInt(limits.length)]);
    account.put("acPayTerms", DemoNames.pick(random, List.of(30, 30, 30, 45, 60, 14)));
    double[] discounts = {0, 0, 0, 0.025, 0.05};
    account.put("acDiscount", discounts[random.nextInt(discounts.length)]);
    if (random.nextInt(10) == 0) {
      // Legacy settlement terms from before April 2015; the Toolkit no longer copies them to transactions.
      account.put("acDefSettleDisc", 2.5);
      account.put("acDefSettleDays", 14);
    }
    account.put("acPayType", random.nextInt(4) == 0 ? "C" : "B");
    account.put("acAccType", DemoNames.pick(random, List.of("TRAD", "CONT", "PUBL", "RETL")));
    account.put("acUserDef1", DemoNames.pick(random, List.of("North", "Midlands", "South", "Scotland", "Export")));
    account.put("acUserDef2", DemoNames.pick(random, List.of("JS", "HC", "GW", "IT")));
    if (random.nextInt(3) == 0) {
      account.put("acUserDef3", "Since " + (2005 + random.nextInt(18)));
    }
    return account;
  }

  private void add(Connection connection, Map<String, Object> account, Customer customer) throws SQLException {
    LocalDateTime created = start.minusDays(30 + random.nextInt(1500)).atTime(8 + random.nextInt(9), random.nextInt(60),
        random.nextInt(60));
    ToolkitResult result = engine.accounts.add(connection, account, DemoNames.pick(random, List.of("SARAH", "DAVEB",
        "ACCOUNTS")), created);
    check(result, "account " + customer.code());
    customers.add(customer);
  }

  private void suppliers(Connection connection) throws SQLException {
    for (DemoNames.Supplier supplier : DemoNames.SUPPLIERS) {
      Map<String, Object> account = new LinkedHashMap<>();
      account.put("acCode", supplier.code());
      account.put("acCustSupp", "S");
      account.put("acCompany", supplier.name());
      account.put("acAddress", List.of(supplier.street(), "", supplier.town(), supplier.county(), ""));
      account.put("acPostCode", supplier.postCode());
      account.put("acCountry", supplier.country());
      account.put("acContact", DemoNames.contact(random));
      account.put("acPhone", supplier.phone());
      account.put("acEmailAddr", "sales@" + DemoNames.slug(supplier.name()) + ".example");
      account.put("acCurrency", supplier.currency());
      account.put("acVATCode", supplier.country().equals("GB") ? "S" : "Z");
      account.put("acTheirAcc", "TAN" + (100 + random.nextInt(900)));
      account.put("acPayTerms", 30);
      account.put("acPayType", "B");
      account.put("acSalesGL", 42010);
      LocalDateTime created = start.minusDays(400 + random.nextInt(900)).atTime(10, random.nextInt(60));
      check(engine.accounts.add(connection, account, "ACCOUNTS", created), "supplier " + supplier.code());
    }
  }

  /** Further contacts (AccountContact) for some customers. */
  private void contacts(Connection connection) throws SQLException {
    int id = 0;
    for (Customer customer : customers) {
      if (random.nextInt(100) >= 35) {
        continue;
      }
      int count = 1 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        String contact = DemoNames.contact(random);
        if (contact.isEmpty() || !contact.contains(" ")) {
          contact = "Mr " + DemoNames.pick(random, DemoNames.MALE) + " " + DemoNames.pick(random, DemoNames.SURNAMES);
        }
        String[] parts = contact.split(" ");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("acoContactId", ++id);
        row.put("acoAccountCode", customer.code());
        row.put("acoContactName", contact);
        row.put("acoContactJobTitle", DemoNames.pick(random, DemoNames.JOB_TITLES));
        row.put("acoContactPhoneNumber", DemoNames.phone(random, "07700 900"));
        row.put("acoContactEmailAddress", (parts[parts.length - 2] + "." + parts[parts.length - 1])
            .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "") + "@" + customer.code().toLowerCase(java.util.Locale.ROOT) + ".example");
        row.put("acoContactCountry", customer.country());
        db.insert(connection, "AccountContact", row);
      }
    }
  }

  // -- trading ------------------------------------------------------------------------------------

  private void planFlows() {
    long days = ChronoUnit.DAYS.between(start, today);
    for (int flow = 0; flow < FLOWS; flow++) {
      LocalDate day = businessDay(start.plusDays((long) (random.nextDouble() * days)));
      Customer customer = weightedCustomer();
      int roll = random.nextInt(100);
      if (roll < 28) {
        quoteToInvoice(customer, day);
      } else if (roll < 46) {
        orderToInvoice(customer, day, false);
      } else if (roll < 56) {
        orderToInvoice(customer, day, true);
      } else if (roll < 76) {
        directInvoice(customer, day);
      } else if (roll < 83) {
        at(day, (c, t) -> quote(c, t, customer));
      } else if (roll < 87) {
        creditedInvoice(customer, day);
      } else if (roll < 91) {
        journals(customer, day);
      } else if (roll < 94) {
        at(day, (c, t) -> cashSale(c, t, customer));
      } else if (roll < 96) {
        at(day, (c, t) -> check(engine.documents.payment(c, "SRF", customer.code(), t.toLocalDate(),
            money(5 + random.nextInt(120)), customer.currency(), List.of(), "SARAH", t), "refund"));
      } else {
        // Orders that stay open: picked in part, or held for a query (held orders are never progressed).
        boolean held = random.nextBoolean();
        int hold = held ? (random.nextBoolean() ? 1 : 34) : 0;
        at(day, (c, t) -> openOrder(c, t, customer, !held, hold));
      }
    }
  }

  private void quoteToInvoice(Customer customer, LocalDate day) {
    at(day, (connection, time) -> {
      String quote = quote(connection, time, customer);
      if (random.nextInt(100) < 80) {
        at(laterDay(time, 2, 12), (c, t) -> {
          ToolkitResult order = engine.documents.convertQuote(c, quote, "SOR", "", "SARAH", t);
          check(order, "convert " + quote);
          deliverAndInvoice(order.ourRef(), customer, t);
        });
      }
    });
  }

  private void orderToInvoice(Customer customer, LocalDate day, boolean viaDelivery) {
    at(day, (connection, time) -> {
      String order = openOrder(connection, time, customer, false, 0);
      if (viaDelivery) {
        deliverAndInvoice(order, customer, time);
      } else {
        at(laterDay(time, 1, 10), (c, t) -> {
          ToolkitResult invoice = engine.documents.invoiceOrder(c, order, t.toLocalDate(), "DAVEB", t);
          check(invoice, "invoice " + order);
          scheduleReceipt(invoice.ourRef(), customer, t);
        });
      }
    });
  }

  private void deliverAndInvoice(String order, Customer customer, LocalDateTime after) {
    boolean split = random.nextInt(100) < 20;
    at(laterDay(after, 2, 9), (connection, time) -> {
      List<String> deliveries = new ArrayList<>();
      if (split) {
        Map<String, Object> orderRow = engine.documents.findDocument(connection, order).orElseThrow();
        List<Map<String, Object>> lines = engine.documents.lines(connection, Db.integer(orderRow, "thFolioNum"));
        Map<String, Object> first = null;
        for (Map<String, Object> line : lines) {
          if (!Encodings.decodeLengthPrefixed(Db.bytes(line, "tlStockCode")).isBlank() && Db.dbl(line, "tlQty") >= 2) {
            first = line;
            break;
          }
        }
        if (first != null) {
          double half = Math.floor(Db.dbl(first, "tlQty") / 2);
          ToolkitResult part = engine.documents.add(connection, Map.of("thDocType", "SDN", "thAcCode", customer.code(),
              "thTransDate", Encodings.date(time.toLocalDate()), "thOrderRef", order,
              "lines", List.of(Map.of("tlSOPABSLineNo", Db.integer(first, "tlABSLineNo"), "tlQty", half))),
              Documents.ORDER_TYPES, "WAREHOUSE", time);
          check(part, "part delivery " + order);
          deliveries.add(part.ourRef());
          time = time.plusDays(2);
        }
      }
      ToolkitResult rest = engine.documents.add(connection, Map.of("thDocType", "SDN", "thAcCode", customer.code(),
          "thTransDate", Encodings.date(time.toLocalDate()), "thOrderRef", order), Documents.ORDER_TYPES, "WAREHOUSE", time);
      check(rest, "delivery " + order);
      deliveries.add(rest.ourRef());
      at(laterDay(time, 0, 4), (c, t) -> {
        ToolkitResult invoice = engine.documents.invoiceDeliveries(c, deliveries, t.toLocalDate(), "ACCOUNTS", t);
        check(invoice, "invoice " + deliveries);
        scheduleReceipt(invoice.ourRef(), customer, t);
      });
    });
  }

  private void directInvoice(Customer customer, LocalDate day) {
    at(day, (connection, time) -> {
      ToolkitResult invoice = engine.documents.add(connection, header("SIN", customer, time, lines(customer, time, false)),
          Set.of("SIN"), "ACCOUNTS", time);
      check(invoice, "direct invoice");
      scheduleReceipt(invoice.ourRef(), customer, time);
    });
  }

  private void creditedInvoice(Customer customer, LocalDate day) {
    at(day, (connection, time) -> {
      ToolkitResult invoice = engine.documents.add(connection, header("SIN", customer, time, lines(customer, time, false)),
          Set.of("SIN"), "ACCOUNTS", time);
      check(invoice, "invoice to credit");
      at(laterDay(time, 3, 25), (c, t) -> check(engine.documents.creditInvoice(c, invoice.ourRef(), t.toLocalDate(),
          "ACCOUNTS", t), "credit " + invoice.ourRef()));
    });
  }

  private void journals(Customer customer, LocalDate day) {
    at(day, (connection, time) -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("tlDescr", DemoNames.pick(random, List.of("Price adjustment", "Recharge: pallet hire", "Admin fee",
          "Returned pallets")));
      line.put("tlQty", 1.0);
      line.put("tlNetValue", money(10 + random.nextInt(300)).doubleValue());
      line.put("tlGLCode", 41090);
      String type = random.nextInt(3) == 0 ? "SJC" : "SJI";
      check(engine.documents.add(connection, header(type, customer, time, List.of(line)), Set.of(type), "ACCOUNTS", time),
          type);
    });
  }

  private void cashSale(Connection connection, LocalDateTime time, Customer customer) throws SQLException {
    check(engine.documents.add(connection, header("SRI", customer, time, lines(customer, time, false)), Set.of("SRI"),
        "COUNTER", time), "cash sale");
  }

  private String quote(Connection connection, LocalDateTime time, Customer customer) throws SQLException {
    Map<String, Object> header = header("SQU", customer, time, lines(customer, time, false));
    header.put("thLongYourRef", "Q-" + (24_000 + random.nextInt(9_000)));
    ToolkitResult quote = engine.documents.add(connection, header, Set.of("SQU"), "SARAH", time);
    check(quote, "quote");
    return quote.ourRef();
  }

  private String openOrder(Connection connection, LocalDateTime time, Customer customer, boolean picking, int holdFlag)
      throws SQLException {
    Map<String, Object> header = header("SOR", customer, time, lines(customer, time, picking));
    if (holdFlag != 0) {
      header.put("thHoldFlag", holdFlag);
    }
    ToolkitResult order = engine.documents.add(connection, header, Set.of("SOR"), "SARAH", time);
    check(order, "order");
    return order.ourRef();
  }

  private void scheduleReceipt(String invoiceRef, Customer customer, LocalDateTime after) {
    int roll = random.nextInt(100);
    if (roll >= 80) {
      return;
    }
    boolean partial = roll >= 65;
    at(laterDay(after, 10, 55), (connection, time) -> {
      Map<String, Object> invoice = engine.documents.findDocument(connection, invoiceRef).orElseThrow();
      BigDecimal outstanding = Documents.outstandingInCurrency(invoice);
      if (outstanding.signum() <= 0) {
        return;
      }
      BigDecimal amount = partial ? outstanding.divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN).max(BigDecimal.ONE)
          : outstanding;
      check(engine.documents.receipt(connection, customer.code(), time.toLocalDate(), amount, customer.currency(),
          List.of(invoiceRef), "ACCOUNTS", time), "receipt for " + invoiceRef);
    });
  }

  private void planPurchases() {
    long days = ChronoUnit.DAYS.between(start, today);
    List<DemoNames.Supplier> suppliers = DemoNames.SUPPLIERS;
    for (int i = 0; i < PURCHASE_INVOICES; i++) {
      DemoNames.Supplier supplier = suppliers.get(random.nextInt(suppliers.size()));
      LocalDate day = businessDay(start.plusDays((long) (random.nextDouble() * days)));
      at(day, (connection, time) -> {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("tlDescr", supplier.code().equals("UTIL01") ? "Electricity" : supplier.code().equals("OFFI01")
            ? "Stationery" : "Stock purchases");
        line.put("tlQty", 1.0);
        line.put("tlNetValue", money(150 + random.nextInt(6_000)).doubleValue());
        line.put("tlGLCode", supplier.code().equals("UTIL01") ? 43010 : supplier.code().equals("OFFI01") ? 43040 : 42010);
        line.put("tlVATCode", supplier.country().equals("GB") ? "S" : "Z");
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("thDocType", "PIN");
        header.put("thAcCode", supplier.code());
        header.put("thTransDate", Encodings.date(time.toLocalDate()));
        header.put("thYourRef", "INV" + (10_000 + random.nextInt(90_000)));
        header.put("lines", List.of(line));
        ToolkitResult invoice = engine.documents.add(connection, header, Set.of("PIN"), "ACCOUNTS", time);
        check(invoice, "purchase invoice");
        if (random.nextInt(100) < 75) {
          at(laterDay(time, 20, 45), (c, t) -> {
            Map<String, Object> row = engine.documents.findDocument(c, invoice.ourRef()).orElseThrow();
            check(engine.documents.payment(c, "PPY", supplier.code(), t.toLocalDate(),
                Documents.outstandingInCurrency(row), supplier.currency(), List.of(invoice.ourRef()), "ACCOUNTS", t),
                "supplier payment");
          });
        }
      });
    }
  }

  /** Month-end posting runs; the current month stays in the daybook, unposted. */
  private void planPostingRuns() {
    LocalDate monthEnd = start.with(TemporalAdjusters.lastDayOfMonth());
    while (monthEnd.isBefore(today.withDayOfMonth(1))) {
      LocalDate end = monthEnd;
      events.add(new Event(end.atTime(19, 30), sequence++, (connection, time) ->
          engine.documents.postDaybook(connection, end, time)));
      monthEnd = monthEnd.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
    }
  }

  private Map<String, Object> header(String type, Customer customer, LocalDateTime time,
      List<Map<String, Object>> lines) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("thDocType", type);
    header.put("thAcCode", customer.code());
    header.put("thTransDate", Encodings.date(time.toLocalDate()));
    if (random.nextInt(100) < 70) {
      header.put("thYourRef", "PO" + (40_000 + random.nextInt(60_000)));
    }
    if (random.nextInt(100) < 30 && !type.startsWith("SJ")) {
      header.put("thLongYourRef", "CRM-" + (100_000 + random.nextInt(900_000)));
    }
    if (random.nextInt(100) < 8 && type.equals("SQU")) {
      header.put("thHoldFlag", random.nextBoolean() ? 1 : 33);
    }
    if (random.nextInt(100) < 15) {
      header.put("thUserField1", DemoNames.pick(random, List.of("Web", "Phone", "Rep visit", "EDI")));
    }
    for (Map<String, Object> line : lines) {
      if (line.containsKey("tlJobCode")) {
        header.put("thJobCode", line.get("tlJobCode"));
        break;
      }
    }
    header.put("lines", lines);
    return header;
  }

  /** 1-5 stock lines with the odd extended description, carriage, labour, pack or metre line. */
  private List<Map<String, Object>> lines(Customer customer, LocalDateTime time, boolean picking) {
    List<Map<String, Object>> lines = new ArrayList<>();
    int count = 1 + random.nextInt(5);
    String job = customer.currency() == 1 && random.nextInt(100) < 8 && !activeJobs.isEmpty()
        ? DemoNames.pick(random, activeJobs) : "";
    for (int i = 0; i < count; i++) {
      Item item = items.get(random.nextInt(items.size()));
      if (item.type().equals("D")) {
        item = items.get(random.nextInt(items.size()));
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("tlStockCode", item.code());
      double quantity = item.metre() ? 5 + random.nextInt(40) * 2.5 : 1 + random.nextInt(item.type().equals("M") ? 3 : 24);
      if (item.packSize() > 1 && random.nextInt(100) < 60) {
        line.put("_usePack", true);
        line.put("_qtyMul", item.packSize());
        quantity = 1 + random.nextInt(6);
      }
      line.put("tlQty", quantity);
      int discount = random.nextInt(100);
      if (discount < 12) {
        line.put("tlDiscount", DemoNames.pick(random, List.of(0.05, 0.10, 0.125, 0.15)));
        line.put("tlDiscFlag", "%");
      } else if (discount < 18 && !item.metre() && item.packSize() == 1) {
        line.put("tlDiscount", 0.5);
      }
      if (!job.isEmpty()) {
        line.put("tlJobCode", job);
      }
      if (random.nextInt(100) < 6) {
        line.put("tlLocation", DemoNames.pick(random, List.of("MAI", "NTH", "STH")));
      }
      if (picking && i == 0) {
        line.put("tlQtyPicked", Math.floor(quantity / 2));
      }
      lines.add(line);
      if (random.nextInt(100) < 10) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("tlDescr", DemoNames.pick(random, List.of("Deliver to site entrance B", "Colour to match sample",
            "As per quotation terms", "Call site manager on arrival", "Fit to existing brackets")));
        lines.add(text);
      }
    }
    if (random.nextInt(100) < 20) {
      Map<String, Object> carriage = new LinkedHashMap<>();
      carriage.put("tlStockCode", random.nextInt(4) == 0 ? "CARRIAGE-NXT" : "CARRIAGE");
      carriage.put("tlQty", 1.0);
      lines.add(carriage);
    }
    if (random.nextInt(100) < 5) {
      Map<String, Object> labour = new LinkedHashMap<>();
      labour.put("tlDescr", "Installation labour");
      labour.put("tlQty", (double) (2 + random.nextInt(14)));
      labour.put("tlNetValue", 45.0);
      labour.put("tlGLCode", 41070);
      labour.put("tlDepartment", "SVC");
      lines.add(labour);
    }
    return lines;
  }

  // -- finishing ----------------------------------------------------------------------------------

  /** Some customers go on hold, some close, one is anonymised; a few get recent edits. */
  private void statuses(Connection connection) throws SQLException {
    LocalDateTime late = today.minusDays(20).atTime(11, 5, 12);
    for (int i = 0; i < customers.size(); i++) {
      Customer customer = customers.get(i);
      Map<String, Object> change = new LinkedHashMap<>();
      if (i % 13 == 5) {
        change.put("acAccStatus", 2);
      } else if (i % 17 == 8) {
        change.put("acAccStatus", 3);
      } else if (i % 11 == 2) {
        change.put("acAccStatus", 1);
      } else if (i % 5 == 0) {
        change.put("acCreditLimit", (double) (5_000 + random.nextInt(20) * 1_000));
      } else if (i % 7 == 3) {
        change.put("acPhone", DemoNames.phone(random, "0113 496 0"));
      } else {
        continue;
      }
      LocalDateTime when = late.plusDays(random.nextInt(19)).plusMinutes(random.nextInt(400));
      check(engine.accounts.update(connection, customer.code(), change, DemoNames.pick(random, List.of("SARAH", "CREDITCTL")),
          when), "status of " + customer.code());
    }
    // GDPR: one former customer anonymised (closed, personal data removed; the Toolkit then refuses edits).
    Customer gone = customers.get(customers.size() - 4);
    Db.update(connection, "UPDATE " + db.table("CUSTSUPP") + " SET acAnonymisationStatus = 1, acAccStatus = 3,"
            + " acCompany = 'Anonymised', acContact = '', acPhone = '', acPhone2 = '', acFax = '', acEmailAddr = '',"
            + " acAddressLine1 = '', acAddressLine2 = '', acDespAddressLine1 = '', acDespAddressLine2 = '',"
            + " acLastUsed = ?, acTimeStamp = ?, acLastOperator = 'GDPR' WHERE RTRIM(acCode) = ?",
        Encodings.date(today.minusDays(45)), "163014", gone.code());
  }

  /** Job records name their customer and, for some, the sales order they were raised from. */
  private void linkJobsToOrders(Connection connection) throws SQLException {
    List<Map<String, Object>> orders = Db.query(connection, "SELECT TOP 3 thOurRef, thAcCode FROM " + db.table("DOCUMENT")
        + " WHERE thDocType = 8 AND thJobCode <> '' ORDER BY thFolioNum");
    List<Map<String, Object>> jobs = Db.query(connection, "SELECT PositionId FROM " + db.table("JOBHEAD")
        + " ORDER BY PositionId");
    for (int i = 0; i < jobs.size(); i++) {
      String customer = customers.get((i * 7) % customers.size()).code();
      String order = "";
      if (i < orders.size()) {
        order = Db.str(orders.get(i), "thOurRef");
        customer = Db.str(orders.get(i), "thAcCode");
      }
      Db.update(connection, "UPDATE " + db.table("JOBHEAD") + " SET CustCode = ?, SORRef = ? WHERE PositionId = ?",
          customer, order, Db.integer(jobs.get(i), "PositionId"));
    }
  }

  /**
   * The documented storage quirks (reference section 4): trailing blanks on codes, NUL padding in
   * free text, every blank-date variant, Real48 float noise, padded binary stock codes, blank
   * sub types on old rows, pre-v8 country-in-line-5 addresses.
   */
  private void quirks(Connection connection) throws SQLException {
    String[] blankDates = {"", "        ", "00000000", "\0\0\0\0\0\0\0\0"};
    List<Map<String, Object>> accounts = Db.query(connection,
        "SELECT PositionId, acCode, acCompany FROM " + db.table("CUSTSUPP") + " ORDER BY PositionId");
    for (int i = 0; i < accounts.size(); i++) {
      Map<String, Object> row = accounts.get(i);
      int id = Db.integer(row, "PositionId");
      if (i % 9 == 4) {
        Db.update(connection, "UPDATE " + db.table("CUSTSUPP") + " SET acCode = ? WHERE PositionId = ?",
            Db.str(row, "acCode") + "    ", id);
      }
      if (i % 10 == 6) {
        String company = Db.str(row, "acCompany");
        Db.update(connection, "UPDATE " + db.table("CUSTSUPP") + " SET acCompany = ? WHERE PositionId = ?",
            company + "\0".repeat(Math.max(0, 45 - company.length())), id);
      }
      if (i % 8 == 1) {
        Db.update(connection, "UPDATE " + db.table("CUSTSUPP") + " SET acCreditLimit = acCreditLimit - 0.000000001"
            + " WHERE PositionId = ? AND acCreditLimit > 0", id);
      }
      if (i == 7 || i == 19) {
        Db.update(connection, "UPDATE " + db.table("CUSTSUPP") + " SET acSubType = '' WHERE PositionId = ?", id);
      }
      if (i == 11) {
        Db.update(connection, "UPDATE " + db.table("CUSTSUPP") + " SET acAddressLine5 = 'United Kingdom', acCountry = ''"
            + " WHERE PositionId = ?", id);
      }
    }
    List<Map<String, Object>> stock = Db.query(connection,
        "SELECT PositionId, stCode, stDescLine2, stType FROM " + db.table("STOCK") + " ORDER BY PositionId");
    for (int i = 0; i < stock.size(); i++) {
      Map<String, Object> row = stock.get(i);
      int id = Db.integer(row, "PositionId");
      if (i % 15 == 7) {
        Db.update(connection, "UPDATE " + db.table("STOCK") + " SET stCode = ? WHERE PositionId = ?",
            Db.str(row, "stCode") + "  ", id);
        Db.update(connection, "UPDATE " + db.table("StockLocation") + " SET LsStkCode = ? WHERE RTRIM(LsStkCode) = ?",
            Db.str(row, "stCode") + "  ", Db.str(row, "stCode"));
      }
      if (i % 12 == 3 && !Db.str(row, "stDescLine2").isEmpty()) {
        Db.update(connection, "UPDATE " + db.table("STOCK") + " SET stDescLine2 = CONCAT(stDescLine2, ?) WHERE PositionId = ?"
            + " AND LENGTH(stDescLine2) <= 31",
            "\0\0\0\0", id);
      }
      if (!Db.str(row, "stType").equals("G") && i % 6 == 0) {
        Db.update(connection, "UPDATE " + db.table("STOCK") + " SET stReorderDate = ? WHERE PositionId = ?",
            blankDates[(i / 6) % 4], id);
      }
      if (i % 10 == 2) {
        Db.update(connection, "UPDATE " + db.table("STOCK")
            + " SET stSalesBand1Price = stSalesBand1Price - 0.000000001 WHERE PositionId = ? AND stSalesBand1Price > 0", id);
      }
    }
    List<Map<String, Object>> docs = Db.query(connection,
        "SELECT PositionId, thFolioNum, thDocType, thAcCode FROM " + db.table("DOCUMENT") + " ORDER BY PositionId");
    for (int i = 0; i < docs.size(); i++) {
      Map<String, Object> row = docs.get(i);
      int id = Db.integer(row, "PositionId");
      int type = Db.integer(row, "thDocType");
      if (type == 7 && i % 2 == 0) {
        Db.update(connection, "UPDATE " + db.table("DOCUMENT") + " SET thDueDate = ? WHERE PositionId = ?",
            blankDates[(i / 2) % 4], id);
      }
      if (i % 10 == 3) {
        Db.update(connection, "UPDATE " + db.table("DOCUMENT") + " SET thNetValue = thNetValue - 0.000000001,"
            + " thTotalVAT = thTotalVAT + 0.000000001 WHERE PositionId = ? AND thNetValue > 0 AND thTotalVAT > 0", id);
      }
      if (i % 19 == 5) {
        Db.update(connection, "UPDATE " + db.table("DOCUMENT") + " SET thAcCode = ? WHERE PositionId = ?",
            Db.str(row, "thAcCode") + " ", id);
      }
      if (i % 6 == 1 && i < docs.size() / 2) {
        // Older lines store the full 16-character padded stock code behind the length byte.
        for (Map<String, Object> line : Db.query(connection, "SELECT PositionId, tlStockCode FROM " + db.table("DETAILS")
            + " WHERE tlFolioNum = ?", Db.integer(row, "thFolioNum"))) {
          String code = Encodings.decodeLengthPrefixed(Db.bytes(line, "tlStockCode"));
          if (!code.isEmpty() && code.length() < 16) {
            Db.update(connection, "UPDATE " + db.table("DETAILS") + " SET tlStockCode = ? WHERE PositionId = ?",
                Encodings.lengthPrefixed(String.format("%-16s", code), 21), Db.integer(line, "PositionId"));
          }
        }
      }
    }
    Db.update(connection, "UPDATE " + db.table("DETAILS") + " SET tlLineDate = ? WHERE tlLineType = '' AND MOD(PositionId, 3) = 0",
        "00000000");
    Db.update(connection, "UPDATE " + db.table("DETAILS") + " SET tlDescription = CONCAT(tlDescription, ?)"
        + " WHERE tlLineType = '' AND MOD(PositionId, 3) = 1 AND LENGTH(tlDescription) < 50", "\0\0\0");
    Db.update(connection, "UPDATE " + db.table("HISTORY") + " SET hiSales = hiSales + 0.000000001"
        + " WHERE hiExCLass = 87 AND MOD(PositionId, 7) = 0 AND hiSales > 0");
    Db.update(connection, "UPDATE " + db.table("JOBHEAD") + " SET RevEDate = ? WHERE RevEDate = '' AND MOD(PositionId, 2) = 0",
        "\0\0\0\0\0\0\0\0");
    Db.update(connection, "UPDATE " + db.table("JOBHEAD") + " SET EndDate = '00000000' WHERE JobStat = 1");
  }

  // -- helpers ------------------------------------------------------------------------------------

  private void at(LocalDate day, Action action) {
    LocalDateTime time = day.atTime(LocalTime.of(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60)));
    events.add(new Event(time, sequence++, action));
  }

  private LocalDate laterDay(LocalDateTime after, int minDays, int maxDays) {
    return businessDay(after.toLocalDate().plusDays(minDays + random.nextInt(maxDays - minDays + 1)));
  }

  private static LocalDate businessDay(LocalDate day) {
    LocalDate out = day;
    while (out.getDayOfWeek() == DayOfWeek.SATURDAY || out.getDayOfWeek() == DayOfWeek.SUNDAY) {
      out = out.plusDays(1);
    }
    return out;
  }

  private Customer weightedCustomer() {
    int total = customers.stream().mapToInt(Customer::weight).sum();
    int roll = random.nextInt(total);
    for (Customer customer : customers) {
      roll -= customer.weight();
      if (roll < 0) {
        return customer;
      }
    }
    return customers.get(0);
  }

  private String code(Map<String, Integer> prefixes, String first, String second) {
    String letters = (letters(first) + "XX").substring(0, 2) + (letters(second) + "XX").substring(0, 2);
    int next = prefixes.merge(letters, 1, Integer::sum);
    return letters + String.format("%02d", next);
  }

  private static String letters(String word) {
    return word.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
  }

  private String street() {
    if (random.nextInt(3) == 0) {
      return DemoNames.fit("Unit " + (1 + random.nextInt(30)) + " " + DemoNames.pick(random, DemoNames.ESTATES), 30);
    }
    return (1 + random.nextInt(240)) + " " + DemoNames.pick(random, DemoNames.STREETS);
  }

  private static double round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }

  private static BigDecimal money(int pounds) {
    return BigDecimal.valueOf(pounds).setScale(2, RoundingMode.HALF_UP);
  }

  private static void check(ToolkitResult result, String what) {
    if (!result.ok()) {
      throw new IllegalStateException("Demo company generation failed at " + what + ": " + result.describe());
    }
  }
}
