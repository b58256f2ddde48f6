package io.github.tandemsync.exchequer.internal;

import java.util.ArrayList;
import java.util.List;

/** The columns the connector reads per table (reference §5); absent ones are skipped. */
final class Tables {
  private Tables() {}

  static final List<String> CUSTSUPP = concat(List.of("PositionId", "acCode", "acCustSupp", "acSubType", "acCompany",
      "acAddressLine1", "acAddressLine2", "acAddressLine3", "acAddressLine4", "acAddressLine5", "acCountry", "acPostCode",
      "acDespAddressLine1", "acDespAddressLine2", "acDespAddressLine3", "acDespAddressLine4", "acDespAddressLine5",
      "acDeliveryCountry", "acDeliveryPostCode", "acContact", "acPhone", "acPhone2", "acFax", "acEmailAddr", "acAltCode",
      "acVATRegNo", "acVATCode", "acCurrency", "acCreditLimit", "acDiscount", "acDiscountBand", "acDefSettleDays",
      "acDefSettleDisc", "acCostCentre", "acDepartment", "acSalesGL", "acLocation", "acInvoiceTo", "acAccStatus",
      "acLastUsed", "acTimeStamp", "acPayTerms", "acAnonymisationStatus"), numbered("acUserDef", 1, 10));

  static final List<String> STOCK = concat(List.of("PositionId", "stCode", "stFolioNum", "stDescLine1", "stDescLine2",
      "stDescLine3", "stDescLine4", "stDescLine5", "stDescLine6", "stAltCode", "stBarCode", "stParentCode", "stType",
      "stUnitOfStock", "stUnitOfSale", "stSalesUnits", "stCostPrice", "stCostPriceCurrency", "stReorderPrice",
      "stReorderCurrency", "stVATCode", "stCostCentre", "stDepartment", "stLocation", "stBinLocation", "stQtyInStock",
      "stQtyAllocated", "stQtyOnOrder", "stQtyPicked", "stSSDSalesUnitWeight", "stLastUsed", "stTimeChange"),
      numbered("stSalesBand", 1, 8, "Price"), numbered("stSalesBand", 1, 8, "Currency"), numbered("stUserField", 1, 10));

  static final List<String> DOCUMENT = concat(List.of("PositionId", "thFolioNum", "thOurRef", "thDocType", "thAcCode",
      "thCustSupp", "thYourRef", "thLongYourRef", "thRunNo", "thTransDate", "thDueDate", "thYear", "thPeriod", "thCurrency",
      "thCompanyRate", "thDailyRate", "thNetValue", "thTotalVAT", "thTotalLineDiscount", "thSettleDiscAmount",
      "thSettleDiscTaken", "thAmountSettled", "thCurrSettled", "thTotalOrdered", "thTotalOrderOS", "thTotalInvoiced",
      "thTotalCost", "thHoldFlag", "thDeliveryAddr1", "thDeliveryAddr2", "thDeliveryAddr3", "thDeliveryAddr4",
      "thDeliveryAddr5", "thDeliveryPostCode", "thDeliveryCountry", "thJobCode", "thOperator", "thTimeChanged",
      "thCreationDate", "thCreationTime"), numbered("thUserField", 1, 12));

  static final List<String> DETAILS = concat(List.of("PositionId", "tlFolioNum", "tlOurRef", "tlDocType", "tlLineNo",
      "tlABSLineNo", "tlAcCode", "tlStockCode", "tlDescription", "tlQty", "tlQtyMul", "tlUsePack", "tlPriceMultiplier",
      "tlNetValue", "tlDiscount", "tlDiscFlag", "tlDiscount2", "tlDiscount2Chr", "tlDiscount3", "tlDiscount3Chr",
      "tlVATCode", "tlVATAmount", "tlCost", "tlCurrency", "tlCompanyRate", "tlDailyRate", "tlGLCode", "tlCostCentre",
      "tlDepartment", "tlLocation", "tlJobCode", "tlAnalysisCode", "tlLineDate", "tlQtyDel", "tlQtyWOFF", "tlQtyPicked",
      "tlPaymentCode", "tlSOPFolioNum", "tlSOPABSLineNo"), numbered("tlUserField", 1, 10));

  static final List<String> NOMINAL = List.of("PositionId", "glCode", "glName", "glParent", "glType", "glInactive");

  static final List<String> EXCHQCHK = List.of("PositionId", "RecPfix", "SubType", "EXCHQCHKcode1", "EXCHQCHKcode3",
      "CCDesc", "HideAC");

  static final List<String> LOCATION = List.of("PositionId", "LoCode", "LoName");

  static final List<String> STOCK_LOCATION = List.of("PositionId", "LsStkCode", "LsStkFolio", "LsLocCode", "LsQtyInStock",
      "LsQtyOnOrder", "LsQtyAlloc", "LsQtyPicked", "LsBinLoc");

  static final List<String> JOBHEAD = concat(List.of("PositionId", "JobCode", "JobDesc", "CustCode", "JobCat",
      "JobAltCode", "Completed", "Contact", "JobMan", "ChargeType", "QuotePrice", "CurrPrice", "StartDate", "EndDate",
      "RevEDate", "SORRef", "JobAnal", "JobType", "JobStat", "JQSCode"), numbered("UserDef", 1, 10));

  static final List<String> HISTORY = List.of("PositionId", "hiCode", "hiExCLass", "hiCurrency", "hiYear", "hiPeriod",
      "hiSales", "hiPurchases");

  static final List<String> FINANCIAL_MATCHING = List.of("PositionId", "DocRef", "PayRef");

  static List<String> numbered(String prefix, int from, int to) {
    return numbered(prefix, from, to, "");
  }

  static List<String> numbered(String prefix, int from, int to, String suffix) {
    List<String> names = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      names.add(prefix + i + suffix);
    }
    return names;
  }

  @SafeVarargs
  static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
