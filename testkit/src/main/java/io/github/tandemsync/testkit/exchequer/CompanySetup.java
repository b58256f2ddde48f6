package io.github.tandemsync.testkit.exchequer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The setup every company has before any trading: the system record, currencies, document
 * counters, the nominal ledger, cost centres and departments, and the stock locations.
 */
final class CompanySetup {
  /** Currencies of contract A: 1 = GBP base, 2 = EUR, 3 = USD. Rates are foreign units per pound. */
  static final double EUR_RATE = 1.17;
  static final double USD_RATE = 1.27;

  static final List<String> COUNTER_TYPES = List.of(
      "SIN", "SRC", "SCR", "SJI", "SJC", "SRF", "SRI", "SQU", "SOR", "SDN", "SBT", "PIN", "PPY", "PCR", "PJI", "PJC",
      "PRF", "PPI", "PQU", "POR", "PDN", "NOM", "ADJ", "TSH", "WOR");

  /** GL code, name, type, parent, inactive. */
  record Nominal(int code, String name, String type, int parent, boolean inactive) {}

  static final List<Nominal> NOMINALS = List.of(
      new Nominal(10000, "BALANCE SHEET", "H", 0, false),
      new Nominal(11000, "Fixed Assets", "H", 10000, false),
      new Nominal(11010, "Plant & Machinery", "B", 11000, false),
      new Nominal(11020, "Motor Vehicles", "B", 11000, false),
      new Nominal(11030, "Office Equipment", "B", 11000, false),
      new Nominal(12000, "Current Assets", "H", 10000, false),
      new Nominal(12010, "Debtors Control", "C", 12000, false),
      new Nominal(12020, "Stock", "B", 12000, false),
      new Nominal(12030, "Bank Current Account", "B", 12000, false),
      new Nominal(12040, "Bank Deposit Account", "B", 12000, false),
      new Nominal(12050, "Petty Cash", "B", 12000, true),
      new Nominal(12060, "Euro Bank Account", "B", 12000, false),
      new Nominal(13000, "Current Liabilities", "H", 10000, false),
      new Nominal(13010, "Creditors Control", "C", 13000, false),
      new Nominal(13020, "VAT Output", "C", 13000, false),
      new Nominal(13030, "VAT Input", "C", 13000, false),
      new Nominal(13040, "PAYE & NI", "B", 13000, false),
      new Nominal(14000, "Capital & Reserves", "H", 10000, false),
      new Nominal(14010, "Share Capital", "B", 14000, false),
      new Nominal(14020, "Profit & Loss Brought Forward", "F", 14000, false),
      new Nominal(40000, "PROFIT & LOSS", "H", 0, false),
      new Nominal(41000, "Sales", "H", 40000, false),
      new Nominal(41010, "Sales - Fixings & Fasteners", "A", 41000, false),
      new Nominal(41020, "Sales - Hand Tools", "A", 41000, false),
      new Nominal(41030, "Sales - Power Tools", "A", 41000, false),
      new Nominal(41040, "Sales - Safety & Workwear", "A", 41000, false),
      new Nominal(41050, "Sales - Electrical", "A", 41000, false),
      new Nominal(41060, "Sales - Plumbing", "A", 41000, false),
      new Nominal(41070, "Sales - Services", "A", 41000, false),
      new Nominal(41080, "Sales - Export", "A", 41000, false),
      new Nominal(41090, "Carriage Out", "A", 41000, false),
      new Nominal(41099, "Sales - Discontinued Lines", "A", 41000, true),
      new Nominal(42000, "Cost of Sales", "H", 40000, false),
      new Nominal(42010, "Purchases", "A", 42000, false),
      new Nominal(42020, "Carriage In", "A", 42000, false),
      new Nominal(42030, "Stock Adjustments", "A", 42000, false),
      new Nominal(43000, "Overheads", "H", 40000, false),
      new Nominal(43010, "Rent & Rates", "A", 43000, false),
      new Nominal(43020, "Wages & Salaries", "A", 43000, false),
      new Nominal(43030, "Motor Expenses", "A", 43000, false),
      new Nominal(43040, "Telephone & Internet", "A", 43000, false),
      new Nominal(43050, "Telex", "A", 43000, true),
      new Nominal(43060, "Bank Charges", "A", 43000, false));

  /** Cost centres (C) and departments (D): code, name, inactive. */
  record CostCentre(char type, String code, String name, boolean inactive) {}

  static final List<CostCentre> COST_CENTRES = List.of(
      new CostCentre('C', "LDS", "Leeds Head Office", false),
      new CostCentre('C', "GLA", "Glasgow Branch", false),
      new CostCentre('C', "RDG", "Reading Branch", false),
      new CostCentre('C', "EXP", "Export Sales", false),
      new CostCentre('C', "OLD", "Bradford (closed 2019)", true),
      new CostCentre('D', "SAL", "Sales", false),
      new CostCentre('D', "SVC", "Service & Installation", false),
      new CostCentre('D', "WHS", "Warehouse & Distribution", false),
      new CostCentre('D', "ADM", "Administration", false),
      new CostCentre('D', "PRJ", "Projects", false),
      new CostCentre('D', "MKT", "Marketing (merged into Sales)", true));

  /** Locations: code, name, address lines, phone, cost centre. */
  record Location(String code, String name, List<String> address, String phone, String costCentre) {}

  static final List<Location> LOCATIONS = List.of(
      new Location("MAI", "Main Warehouse", List.of("Unit 4 Ring Road", "Seacroft", "Leeds", "West Yorkshire", "LS14 1NH"),
          "0113 496 0000", "LDS"),
      new Location("NTH", "Northern Distribution Centre", List.of("12 Hillington Park", "Hillington", "Glasgow", "",
          "G52 4TZ"), "0141 496 0000", "GLA"),
      new Location("STH", "Southern Depot", List.of("3 Portman Road", "", "Reading", "Berkshire", "RG30 1EA"),
          "0118 496 0000", "RDG"));

  private CompanySetup() {}

  static void create(Db db, Connection connection, String company, String companyName, LocalDate today,
      boolean demoData) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("RecPfix", "C");
    row.put("CompanyCode1", Encodings.lengthPrefixed(company, 7));
    row.put("Company_code2", companyName);
    row.put("Company_code3", Encodings.lengthPrefixed("C:\\EXCHEQR\\COMPANY\\" + company + "\\", 101));
    row.put("CompId", 1);
    row.put("CompDemoData", demoData);
    Db.update(connection, "INSERT INTO [common].[COMPANY] (RecPfix, CompanyCode1, Company_code2, Company_code3, CompId,"
            + " CompDemoData) VALUES (?, ?, ?, ?, ?, ?)",
        row.values().toArray());

    Map<String, Object> sys = new LinkedHashMap<>();
    sys.put("IDCode", Encodings.lengthPrefixed("SYS", 4));
    sys.put("CPr", today.getMonthValue());
    sys.put("CYr", today.getYear() - 1900);
    sys.put("PrinYr", 12);
    sys.put("NoNetDec", 2);
    sys.put("NoCosDec", 2);
    sys.put("NoQtyDec", 2);
    sys.put("UserName", companyName);
    List<String> address = List.of("Unit 4 Ring Road", "Seacroft", "Leeds", "West Yorkshire", "LS14 1NH");
    for (int i = 0; i < 5; i++) {
      sys.put("DetailAddr" + (i + 1), address.get(i));
    }
    sys.put("MonWk1", Encodings.date(LocalDate.of(today.getYear() - 2, 1, 1)));
    sys.put("TotalConv", "C");
    sys.put("UseMLoc", true);
    sys.put("UseCCDep", true);
    sys.put("UpBalOnPost", false);
    sys.put("FreeExAll", false);
    sys.put("UsePick4All", false);
    sys.put("IntraStat", true);
    sys.put("USRCntryCode", "GB");
    sys.put("VATCurr", 1);
    sys.put("AuditYr", today.getYear() - 1900 - 3);
    sys.put("AuditPr", 12);
    db.insert(connection, "EXCHQSS", sys);
    // EXCHQSS is multi-record: readers must pick the SYS record by IDCode.
    db.insert(connection, "EXCHQSS", Map.of("IDCode", Encodings.lengthPrefixed("VAT", 4)));
    db.insert(connection, "EXCHQSS", Map.of("IDCode", Encodings.lengthPrefixed("CUR", 4)));

    for (int code = 0; code <= 30; code++) {
      Map<String, Object> currency = new LinkedHashMap<>();
      currency.put("CurrencyCode", code);
      switch (code) {
        case 1:
          currency.putAll(currency("Sterling", "£", "£", 1.0, 1.0));
          break;
        case 2:
          currency.putAll(currency("Euro", "€", "€", EUR_RATE, 1.1685));
          break;
        case 3:
          currency.putAll(currency("US Dollar", "$", "US$", USD_RATE, 1.2733));
          break;
        default:
          currency.putAll(currency("", "", "", 0.0, 0.0));
      }
      db.insert(connection, "CURRENCY", currency);
    }

    for (String type : COUNTER_TYPES) {
      db.insert(connection, "EXCHQNUM", Map.of("ssCountType", type, "ssNextCount_size", 4, "ssNextCount", 1));
    }

    int index = 0;
    for (Nominal nominal : NOMINALS) {
      Map<String, Object> gl = new LinkedHashMap<>();
      gl.put("glCode", nominal.code());
      gl.put("glName", nominal.name());
      gl.put("glParent", nominal.parent());
      gl.put("glType", nominal.type());
      gl.put("glInactive", nominal.inactive() ? 1 : 0);
      gl.put("glCurrency", nominal.code() == 12060 ? 2 : 0);
      gl.put("glCarryFwd", nominal.type().equals("A") ? 14020 : 0);
      gl.put("glSubtotal", nominal.type().equals("H"));
      gl.put("glNomStr", String.format("%06d", ++index * 10));
      db.insert(connection, "NOMINAL", gl);
    }

    for (CostCentre centre : COST_CENTRES) {
      byte[][] name = Encodings.costCentreName(centre.name());
      Map<String, Object> chk = new LinkedHashMap<>();
      chk.put("RecPfix", "C");
      chk.put("SubType", (int) centre.type());
      chk.put("EXCHQCHKcode1", Encodings.lengthPrefixed(centre.code(), 13));
      chk.put("EXCHQCHKcode3", name[0]);
      chk.put("CCDesc", name[1]);
      chk.put("HideAC", centre.inactive() ? 1 : 0);
      chk.put("LastAccess", Encodings.date(today.minusDays(30L + centre.code().charAt(0))));
      db.insert(connection, "EXCHQCHK", chk);
    }

    for (Location location : LOCATIONS) {
      Map<String, Object> loc = new LinkedHashMap<>();
      loc.put("LoCode", location.code());
      loc.put("LoName", location.name());
      for (int i = 0; i < 5; i++) {
        loc.put("LoAddr" + (i + 1), location.address().get(i));
      }
      loc.put("LoTel", location.phone());
      loc.put("LoContact", "Warehouse Manager");
      loc.put("LoCurrency", 1);
      loc.put("LoCostCentre", location.costCentre());
      loc.put("LoDepartment", "WHS");
      loc.put("LoUseCCDep", true);
      db.insert(connection, "Location", loc);
    }
  }

  private static Map<String, Object> currency(String description, String screen, String print, double company,
      double daily) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("Description", description);
    values.put("ScreenSymbol", screen);
    values.put("PrintSymbol", print);
    values.put("CompanyRate", Encodings.real48(company));
    values.put("DailyRate", Encodings.real48(daily));
    values.put("TriInverted", false);
    values.put("TriRate", 0.0);
    values.put("TriCurrencyCode", 0);
    values.put("IsFloating", false);
    return values;
  }
}
