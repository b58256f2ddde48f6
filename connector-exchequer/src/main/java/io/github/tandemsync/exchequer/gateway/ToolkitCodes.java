package io.github.tandemsync.exchequer.gateway;

import java.util.Map;
import java.util.Optional;

/**
 * The Toolkit property a {@code Save} result code points at (reference §12.4), for results that
 * arrive without one (the Importer's log, bridges that omit {@code field}).
 */
final class ToolkitCodes {
  private static final Map<Integer, String> ACCOUNT = Map.ofEntries(
      Map.entry(5, "acCode"),
      Map.entry(30001, "acCustSupp"),
      Map.entry(30003, "acCode"),
      Map.entry(30005, "acVATCode"),
      Map.entry(30006, "acSalesGL"),
      Map.entry(30008, "acCOSGL"),
      Map.entry(30009, "acSalesGL"),
      Map.entry(30007, "acCurrency"),
      Map.entry(30010, "acLocation"),
      Map.entry(30018, "acCostCentre"),
      Map.entry(30031, "acDepartment"),
      Map.entry(30020, "acSubType"),
      Map.entry(30024, "acCountry"),
      Map.entry(30025, "acDeliveryCountry"));

  private static final Map<Integer, String> TRANSACTION = Map.ofEntries(
      Map.entry(5, "thLongYourRef"),
      Map.entry(30104, "tlGLCode"),
      Map.entry(30105, "tlCostCentre"),
      Map.entry(30106, "tlStockCode"),
      Map.entry(30107, "tlVATCode"),
      Map.entry(30108, "tlDiscFlag"),
      Map.entry(30115, "tlLocation"),
      Map.entry(30126, "tlJobCode"),
      Map.entry(30144, "tlQtyPicked"),
      Map.entry(30148, "tlCostCentre"),
      Map.entry(30200, "thYourRef"),
      Map.entry(30201, "thDocType"),
      Map.entry(30215, "thDocType"),
      Map.entry(30202, "thAcCode"),
      Map.entry(30203, "thTransDate"),
      Map.entry(30238, "thDueDate"),
      Map.entry(30204, "thPeriod"),
      Map.entry(30205, "thYear"),
      Map.entry(30207, "thCurrency"),
      Map.entry(30229, "thAcCode"),
      Map.entry(30235, "thHoldFlag"),
      Map.entry(30250, "thAcCode"));

  private ToolkitCodes() {}

  static Optional<String> accountField(int code) {
    return Optional.ofNullable(ACCOUNT.get(code));
  }

  static Optional<String> transactionField(int code) {
    return Optional.ofNullable(TRANSACTION.get(code));
  }
}
