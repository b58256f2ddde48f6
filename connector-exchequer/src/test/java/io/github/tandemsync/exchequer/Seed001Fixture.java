package io.github.tandemsync.exchequer;

import static io.github.tandemsync.exchequer.Fixtures.insert;
import static io.github.tandemsync.exchequer.Fixtures.prefixed;
import static io.github.tandemsync.exchequer.Fixtures.row;

import io.github.tandemsync.core.EntityType;
import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.testkit.exchequer.ExchequerSandbox;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One known row set covering every seed-001 field, inserted into an empty sandbox company, and
 * what the connector reads from it. Values are chosen so each derivation is visible: padded and
 * NUL-filled text, Real48 noise, a euro invoice at rate 1.17, a percentage discount, an SDN
 * reference line, a continuation line, a matched order.
 */
final class Seed001Fixture implements AutoCloseable {
  static final long SEED = 11;
  final ExchequerSandbox sandbox;
  final ExchequerConnector connector;
  private final Map<EntityType<?>, Map<String, ? extends Change<?>>> read = new HashMap<>();

  Seed001Fixture() {
    sandbox = Fixtures.sandbox(SEED, false, Fixtures.clock());
    DataSource admin = sandbox.dataSource();
    String co = sandbox.companyCode();
    Fixtures.execute(admin, "UPDATE [" + co + "].[EXCHQSS] SET [IntraStat] = ?", true);

    // Sales ledger customer: padded code, NUL-padded company name, v8+ country code.
    insert(admin, co, "CUSTSUPP", row("acCode", "TAND01  ", "acCustSupp", "C", "acCompany", "Tandem Trading Ltd\0\0\0",
        "acAddressLine1", "1 High Street", "acAddressLine2", "Unit 4", "acAddressLine3", "Leeds", "acAddressLine4",
        "West Yorkshire", "acAddressLine5", "Building B", "acCountry", "GB", "acPostCode", "LS1 4AB",
        "acDespAddressLine1", "Goods In", "acDespAddressLine2", "Dock 2", "acDespAddressLine3", "Bradford",
        "acDespAddressLine4", "West Yorkshire", "acDespAddressLine5", "Gate 3", "acDeliveryCountry", "IE",
        "acDeliveryPostCode", "BD1 1AA", "acContact", "Mrs Jane Q Smith", "acPhone", "0113 496 0000",
        "acFax", "0113 496 0001", "acEmailAddr", "accounts@tandem.example", "acAltCode", "CRM-0001",
        "acVATRegNo", "GB123456789", "acVATCode", "S", "acCurrency", 1, "acCreditLimit", 4999.999999999,
        "acDiscount", 0.025, "acDiscountBand", "B", "acDefSettleDays", 14, "acDefSettleDisc", 0.02,
        "acCostCentre", "LDS", "acDepartment", "SAL", "acSalesGL", 41010, "acLocation", "TST", "acInvoiceTo", "HEAD01",
        "acAccStatus", 2, "acLastUsed", "20260314", "acTimeStamp", "101500"));
    // Purchase ledger supplier, closed.
    insert(admin, co, "CUSTSUPP", row("acCode", "SUPP01", "acCustSupp", "S", "acCompany", "Supplies Direct",
        "acAddressLine1", "2 Low Road", "acAddressLine2", "Estate 9", "acAddressLine3", "Hull", "acAddressLine4",
        "East Riding", "acAddressLine5", "", "acCountry", "FR", "acPostCode", "HU1 2BC", "acPhone", "01482 000000",
        "acFax", "01482 000001", "acEmailAddr", "sales@supplies.example", "acCurrency", 2, "acAccStatus", 3,
        "acLastUsed", "20260313", "acTimeStamp", "090000"));

    // Stock group and item; Real48 noise in the prices.
    insert(admin, co, "STOCK", row("stCode", "GRP-TOOLS", "stType", "G", "stDescLine1", "Tools", "stParentCode", "GRP-ALL",
        "stLastUsed", "20260301", "stTimeChange", "080000"));
    insert(admin, co, "STOCK", row("stCode", "WIDGET-1 ", "stFolioNum", 501, "stType", "P", "stDescLine1", "Widget",
        "stDescLine2", "Blue anodised", "stDescLine3", "", "stDescLine4", "Pack of 12", "stAltCode", "WDG1",
        "stBarCode", "5012345678900", "stParentCode", "GRP-TOOLS", "stUnitOfSale", "Box", "stSalesUnits", 12.0,
        "stCostPrice", 7.199999999, "stCostPriceCurrency", 1, "stReorderPrice", 8.5, "stReorderCurrency", 2,
        "stSalesBand1Price", 12.499999999, "stSalesBand1Currency", 1, "stSalesBand2Price", 11.7, "stSalesBand2Currency", 2,
        "stVATCode", "S", "stCostCentre", "LDS", "stDepartment", "SAL", "stLocation", "TST", "stBinLocation", "A-01",
        "stSSDSalesUnitWeight", 1.2345, "stLastUsed", "20260310", "stTimeChange", "120000"));
    insert(admin, co, "STOCK", row("stCode", "OLD-1", "stType", "X", "stDescLine1", "Discontinued thing",
        "stSalesBand1Price", 1.0, "stSalesBand1Currency", 1, "stLastUsed", "20260310", "stTimeChange", "120001"));
    insert(admin, co, "Location", row("LoCode", "TST", "LoName", "Test Store"));
    insert(admin, co, "StockLocation", row("LsStkCode", "WIDGET-1", "LsStkFolio", 501, "LsLocCode", "TST",
        "LsQtyInStock", 40.0, "LsQtyAlloc", 5.0, "LsQtyPicked", 2.0, "LsQtyOnOrder", 10.0, "LsBinLoc", "A-01"));

    // GL, cost centre / department (names laid over code3 + CCDesc), job.
    insert(admin, co, "NOMINAL", row("glCode", 99990, "glName", "Test Ledger", "glType", "B", "glParent", 12000,
        "glInactive", 1));
    byte[] name = prefixed("Testing Department X", 31);
    insert(admin, co, "EXCHQCHK", row("RecPfix", "C", "SubType", (int) 'D', "EXCHQCHKcode1", prefixed("TDP", 13),
        "EXCHQCHKcode3", java.util.Arrays.copyOfRange(name, 0, 12), "CCDesc", java.util.Arrays.copyOfRange(name, 12, 31),
        "HideAC", 1));
    byte[] ccName = prefixed("Test Centre", 31);
    insert(admin, co, "EXCHQCHK", row("RecPfix", "C", "SubType", (int) 'C', "EXCHQCHKcode1", prefixed("TCC", 13),
        "EXCHQCHKcode3", java.util.Arrays.copyOfRange(ccName, 0, 12), "CCDesc", java.util.Arrays.copyOfRange(ccName, 12, 31),
        "HideAC", 0));
    insert(admin, co, "JOBHEAD", row("JobCode", "JOB1", "JobDesc", "Fit-out", "CustCode", "TAND01", "JobCat", "CON1",
        "JobAltCode", "FIT", "Completed", 1, "Contact", "Mr Site Manager", "JobMan", "Ms Boss", "ChargeType", 2,
        "QuotePrice", 15000.0, "CurrPrice", 2, "StartDate", "20260101", "EndDate", "20260630", "RevEDate", "00000000",
        "SORRef", "SOR900001", "JobAnal", "FIT", "JobType", "J", "JobStat", 2, "JQSCode", "QS-9", "UserDef1", "U1",
        "UserDef10", "U10"));
    insert(admin, co, "JOBHEAD", row("JobCode", "JOB2", "JobDesc", "Supply", "CustCode", "SUPP01", "JobType", "K",
        "JobStat", 5, "ChargeType", 4, "StartDate", "        "));

    // The order the invoice was raised from.
    insert(admin, co, "DOCUMENT", row("thFolioNum", 900001, "thOurRef", "SOR900001", "thDocType", 8, "thAcCode", "TAND01",
        "thCustSupp", "C", "thYourRef", "PO-ORDER", "thLongYourRef", prefixed("Q-1001", 21), "thTransDate", "20260220",
        "thCurrency", 2, "thCompanyRate", 1.17, "thTotalOrdered", 37.5, "thTotalInvoiced", 37.5));
    insert(admin, co, "DETAILS", row("tlFolioNum", 900001, "tlOurRef", "SOR900001", "tlDocType", 8, "tlLineNo", 1,
        "tlABSLineNo", 1, "tlStockCode", prefixed("WIDGET-1", 21), "tlQty", 3.0, "tlQtyDel", 3.0, "tlNetValue", 12.5,
        "tlCurrency", 2));
    // Euro invoice: SDN reference line, a discounted stock line, a continuation line.
    insert(admin, co, "DOCUMENT", row("thFolioNum", 900002, "thOurRef", "SIN900001", "thDocType", 0, "thAcCode", "TAND01",
        "thCustSupp", "C", "thYourRef", "", "thLongYourRef", prefixed("", 21), "thRunNo", 7, "thTransDate", "20260305",
        "thDueDate", "20260404", "thYear", 126, "thPeriod", 3, "thCurrency", 2, "thCompanyRate", 1.17, "thDailyRate", 1.2,
        "thNetValue", 37.5, "thTotalLineDiscount", 3.75, "thTotalVAT", 6.75, "thAmountSettled", 0.0));
    insert(admin, co, "DETAILS", row("tlFolioNum", 900002, "tlOurRef", "SIN900001", "tlDocType", 0, "tlLineNo", 1,
        "tlABSLineNo", 1, "tlStockCode", prefixed("", 21), "tlDescription", "SDN900001 01/03/2026", "tlCurrency", 2));
    insert(admin, co, "DETAILS", row("tlFolioNum", 900002, "tlOurRef", "SIN900001", "tlDocType", 0, "tlLineNo", 2,
        "tlABSLineNo", 2, "tlStockCode", prefixed("WIDGET-1", 21), "tlDescription", "Widget", "tlQty", 3.0,
        "tlNetValue", 12.499999999, "tlDiscount", 0.1, "tlDiscFlag", "%", "tlVATCode", "S", "tlVATAmount", 6.75,
        "tlCost", 7.2, "tlCurrency", 2, "tlCompanyRate", 1.17, "tlGLCode", 41010, "tlCostCentre", "LDS",
        "tlDepartment", "SAL", "tlLocation", "TST", "tlJobCode", "JOB1", "tlAnalysisCode", "AN1",
        "tlLineDate", "20260310", "tlSOPFolioNum", 900001, "tlSOPABSLineNo", 1, "tlUserField1", "UF1",
        "tlUserField2", "UF2", "tlUserField3", "31/12/2027", "tlUserField4", "CON-77"));
    insert(admin, co, "DETAILS", row("tlFolioNum", 900002, "tlOurRef", "SIN900001", "tlDocType", 0, "tlLineNo", 3,
        "tlABSLineNo", 3, "tlStockCode", prefixed("", 21), "tlDescription", "Assembled to order", "tlCurrency", 2));
    // A paid sterling invoice.
    insert(admin, co, "DOCUMENT", row("thFolioNum", 900003, "thOurRef", "SIN900002", "thDocType", 0, "thAcCode", "TAND01",
        "thRunNo", 7, "thTransDate", "20260306", "thDueDate", "20260405", "thCurrency", 1, "thCompanyRate", 1.0,
        "thNetValue", 100.0, "thTotalVAT", 20.0, "thAmountSettled", 119.999999999, "thCurrSettled", 120.0));
    insert(admin, co, "DETAILS", row("tlFolioNum", 900003, "tlOurRef", "SIN900002", "tlDocType", 0, "tlLineNo", 1,
        "tlABSLineNo", 1, "tlStockCode", prefixed("WIDGET-1", 21), "tlQty", 8.0, "tlNetValue", 12.5, "tlVATAmount", 20.0,
        "tlCurrency", 1));
    // A credit note (stored positive; read negated).
    insert(admin, co, "DOCUMENT", row("thFolioNum", 900004, "thOurRef", "SCR900001", "thDocType", 2, "thAcCode", "TAND01",
        "thYourRef", "SIN900002", "thLongYourRef", prefixed("CR-REF", 21), "thRunNo", 7, "thTransDate", "20260307",
        "thDueDate", "20260407", "thCurrency", 1, "thCompanyRate", 1.0, "thNetValue", 10.0, "thTotalVAT", 2.0));
    insert(admin, co, "DETAILS", row("tlFolioNum", 900004, "tlOurRef", "SCR900001", "tlDocType", 2, "tlLineNo", 1,
        "tlABSLineNo", 1, "tlStockCode", prefixed("WIDGET-1", 21), "tlDescription", "Returned widget", "tlQty", 1.0,
        "tlNetValue", 10.0, "tlVATAmount", 2.0, "tlCost", 7.2, "tlCurrency", 1, "tlGLCode", 41010, "tlDepartment", "SAL",
        "tlLocation", "TST", "tlLineDate", "20260307", "tlSOPFolioNum", 900001, "tlAnalysisCode", "AN2", "tlJobCode",
        "JOB1", "tlUserField3", "20271231", "tlUserField4", "CON-78"));
    insert(admin, co, "DETAILS", row("tlFolioNum", 900004, "tlOurRef", "SCR900001", "tlDocType", 2, "tlLineNo", 2,
        "tlABSLineNo", 2, "tlStockCode", prefixed("", 21), "tlDescription", "Damaged in transit", "tlCurrency", 1));

    // History: U 255 buckets (balance) and W periods (sales) of this and last year.
    history(admin, co, "TAND01", 'U', 125, 255, 300.0, 900.0);
    history(admin, co, "TAND01", 'U', 126, 255, 400.0, 1500.0);
    history(admin, co, "TAND01", 'W', 126, 1, 100.0, 60.0);
    history(admin, co, "TAND01", 'W', 126, 2, 200.0, 120.0);
    history(admin, co, "TAND01", 'W', 126, 3, 300.0, 180.0);
    history(admin, co, "TAND01", 'W', 126, 4, 999.0, 0.0);
    history(admin, co, "TAND01", 'W', 125, 1, 50.0, 0.0);
    history(admin, co, "TAND01", 'W', 125, 2, 60.0, 0.0);
    history(admin, co, "TAND01", 'W', 125, 3, 70.0, 0.0);
    history(admin, co, "TAND01", 'W', 125, 4, 80.0, 0.0);
    history(admin, co, "SUPP01", 'U', 126, 255, 250.0, 100.0);

    connector = ExchequerConnector.builder().dataSource(sandbox.readOnlyDataSource()).company(co)
        .options(ExchequerOptions.builder().serviceContracts(true).contactRoleCode("PRIMARY").build())
        .clock(Fixtures.clock()).build();
    connector.start(Fixtures.context(Fixtures.clock()));
  }

  private static void history(DataSource admin, String co, String account, char type, int year, int period, double sales,
      double purchases) {
    insert(admin, co, "HISTORY", row("hiCode", Fixtures.traderHistoryCode(account), "hiExCLass", (int) type,
        "hiCurrency", 0, "hiYear", year, "hiPeriod", period, "hiSales", sales, "hiPurchases", purchases));
  }

  /** The record with this native id, read through the connector (asserting it mapped cleanly). */
  @SuppressWarnings("unchecked")
  <T> T get(EntityType<T> type, String id) {
    Map<String, Change<T>> all = (Map<String, Change<T>>) (Map<String, ?>) read.computeIfAbsent(type,
        t -> Fixtures.readAll(connector, type, 50));
    Change<T> change = all.get(id);
    if (change == null) {
      throw new AssertionError(type + " " + id + " was not read; read " + all.keySet());
    }
    return change.value().orElseThrow(() -> new AssertionError(type + " " + id + " did not map: " + change.error()));
  }

  @Override
  public void close() {
    connector.close();
    sandbox.close();
  }
}
