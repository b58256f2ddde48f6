package io.github.tandemsync.exchequer;

import static io.github.tandemsync.core.model.EntityTypes.ACCOUNT;
import static io.github.tandemsync.core.model.EntityTypes.ACCOUNT_BALANCES;
import static io.github.tandemsync.core.model.EntityTypes.CONTACT;
import static io.github.tandemsync.core.model.EntityTypes.COST_CENTRE;
import static io.github.tandemsync.core.model.EntityTypes.CREDIT_NOTE;
import static io.github.tandemsync.core.model.EntityTypes.DEPARTMENT;
import static io.github.tandemsync.core.model.EntityTypes.GL_ACCOUNT;
import static io.github.tandemsync.core.model.EntityTypes.INVOICE;
import static io.github.tandemsync.core.model.EntityTypes.JOB;
import static io.github.tandemsync.core.model.EntityTypes.PAYMENT;
import static io.github.tandemsync.core.model.EntityTypes.PRODUCT;
import static io.github.tandemsync.core.model.EntityTypes.PRODUCT_CATEGORY;
import static io.github.tandemsync.core.model.EntityTypes.WAREHOUSE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Address;
import io.github.tandemsync.core.model.CreditNote;
import io.github.tandemsync.core.model.GlAccountType;
import io.github.tandemsync.core.model.Invoice;
import io.github.tandemsync.core.model.InvoiceLine;
import io.github.tandemsync.core.model.JobChargeType;
import io.github.tandemsync.core.model.JobRecordType;
import io.github.tandemsync.core.model.JobStatus;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Product;
import io.github.tandemsync.core.model.QuantityType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per field of seed 001 (every section): a known row set is inserted into the sandbox, read
 * through the connector, and the canonical value of that field is checked. The label names the
 * section, the CRM field and the Exchequer source.
 */
class Seed001FieldTest {
  private static Seed001Fixture fixture;

  @BeforeAll
  static void setUp() {
    fixture = new Seed001Fixture();
  }

  @AfterAll
  static void tearDown() {
    fixture.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void mapsTheSeedField(String label, Function<Seed001Fixture, Object> actual, Object expected) {
    assertEquals(expected, actual.apply(fixture), label);
  }

  private static Arguments row(String section, String field, String source, Function<Seed001Fixture, Object> actual,
      Object expected) {
    return Arguments.of(section + " / " + field + " <- " + source, actual, expected);
  }

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static Account customer(Seed001Fixture f) {
    return f.get(ACCOUNT, "TAND01");
  }

  private static Account supplier(Seed001Fixture f) {
    return f.get(ACCOUNT, "SUPP01");
  }

  private static Address billing(Seed001Fixture f) {
    return customer(f).billingAddress().orElseThrow();
  }

  private static Address delivery(Seed001Fixture f) {
    return customer(f).deliveryAddress().orElseThrow();
  }

  private static Product widget(Seed001Fixture f) {
    return f.get(PRODUCT, "WIDGET-1");
  }

  private static Invoice invoice(Seed001Fixture f) {
    return f.get(INVOICE, "SIN900001");
  }

  private static InvoiceLine line(Seed001Fixture f) {
    return invoice(f).lines().get(0);
  }

  private static CreditNote credit(Seed001Fixture f) {
    return f.get(CREDIT_NOTE, "SCR900001");
  }

  private static InvoiceLine creditLine(Seed001Fixture f) {
    return credit(f).lines().get(0);
  }

  static Stream<Arguments> fields() {
    List<Arguments> rows = new ArrayList<>();
    String s = "Sales Ledgers";
    rows.add(row(s, "Account Code", "acCode", f -> customer(f).code(), Optional.of("TAND01")));
    rows.add(row(s, "Company Name", "acCompany", f -> customer(f).name(), "Tandem Trading Ltd"));
    rows.add(row(s, "Address Line 1", "acAddress.Street1", f -> billing(f).line1(), Optional.of("1 High Street")));
    rows.add(row(s, "Address Line 2", "acAddress.Street2", f -> billing(f).line2(), Optional.of("Unit 4")));
    rows.add(row(s, "Town", "acAddress.Town", f -> billing(f).town(), Optional.of("Leeds")));
    rows.add(row(s, "County", "acAddress.County", f -> billing(f).county(), Optional.of("West Yorkshire")));
    rows.add(row(s, "Country", "acAddress.Country.cdName (v8+)", f -> billing(f).country(), Optional.of("United Kingdom")));
    rows.add(row(s, "Country Code", "acAddress.Country.cdCode2", f -> billing(f).countryCode(), Optional.of("GB")));
    rows.add(row(s, "Address Line 5", "acAddress.PostCode (v8+)", f -> billing(f).line5(), Optional.of("Building B")));
    rows.add(row(s, "Postcode", "acPostCode", f -> billing(f).postcode(), Optional.of("LS1 4AB")));
    rows.add(row(s, "Telephone", "acPhone", f -> customer(f).phone(), Optional.of("0113 496 0000")));
    rows.add(row(s, "Fax", "acFax", f -> customer(f).fax(), Optional.of("0113 496 0001")));
    rows.add(row(s, "Email", "acEmailAddr", f -> customer(f).email(), Optional.of("accounts@tandem.example")));
    rows.add(row(s, "Default Warehouse", "acLocation", f -> customer(f).defaultWarehouse(), Optional.of("TST")));
    rows.add(row(s, "Invoice To", "acInvoiceTo", f -> customer(f).invoiceTo(), Optional.of("HEAD01")));
    rows.add(row(s, "On Stop", "acAccStatus = 2", f -> customer(f).onStop(), true));
    rows.add(row(s, "Closed", "acAccStatus = 3", f -> customer(f).closed(), false));
    rows.add(row(s, "Balance", "acHistory.acBalance (HISTORY U/255, latest year)",
        f -> f.get(ACCOUNT_BALANCES, "TAND01").balance(), d("1100.00")));
    rows.add(row(s, "Currency Code", "ssCurrency(acCurrency).scSymbol -> ISO", f -> customer(f).currency(),
        Optional.of("GBP")));
    rows.add(row(s, "Credit Limit", "acCreditLimit (Real48)", f -> customer(f).creditLimit(),
        Optional.of(Money.of("5000.00", "GBP"))));
    rows.add(row(s, "Overall Discount", "acDiscount (fraction -> percent)", f -> customer(f).overallDiscount(),
        Optional.of(d("2.50"))));
    rows.add(row(s, "Price List", "acDiscountBand", f -> customer(f).priceBand(), Optional.of("B")));
    rows.add(row(s, "Compound Overall Discount", "hardcoded -1", f -> customer(f).compoundOverallDiscount(),
        Optional.of(-1)));
    rows.add(row(s, "Tax Code", "acVATCode", f -> customer(f).vatCode(), Optional.of("S")));
    rows.add(row(s, "VAT Registration Code", "acVATRegNo", f -> customer(f).vatRegistration(), Optional.of("GB123456789")));
    rows.add(row(s, "Settlement Discount", "acDefSettleDisc", f -> customer(f).settlementDiscount(),
        Optional.of(d("2.00"))));
    rows.add(row(s, "Settlement Days", "acDefSettleDays", f -> customer(f).settlementDays(), Optional.of(14)));
    rows.add(row(s, "Department Code", "acDepartment", f -> customer(f).department(), Optional.of("SAL")));
    rows.add(row(s, "Cost Centre Code", "acCostCentre", f -> customer(f).costCentre(), Optional.of("LDS")));
    rows.add(row(s, "GL Code", "acSalesGL", f -> customer(f).salesGlCode(), Optional.of("41010")));

    s = "Purchase Ledger";
    rows.add(row(s, "Supplier Code", "acCode (acCustSupp S)", f -> supplier(f).code(), Optional.of("SUPP01")));
    rows.add(row(s, "Supplier Code", "acCustSupp S -> role", f -> supplier(f).role(), AccountRole.SUPPLIER));
    rows.add(row(s, "Company Name", "acCompany", f -> supplier(f).name(), "Supplies Direct"));
    rows.add(row(s, "Address Line 1", "acAddress.Street1", f -> supplier(f).billingAddress().orElseThrow().line1(),
        Optional.of("2 Low Road")));
    rows.add(row(s, "Address Line 2", "acAddress.Street2", f -> supplier(f).billingAddress().orElseThrow().line2(),
        Optional.of("Estate 9")));
    rows.add(row(s, "Town", "acAddress.Town", f -> supplier(f).billingAddress().orElseThrow().town(), Optional.of("Hull")));
    rows.add(row(s, "County", "acAddress.County", f -> supplier(f).billingAddress().orElseThrow().county(),
        Optional.of("East Riding")));
    rows.add(row(s, "Country", "acAddress.PostCode (older) / acCountry name (v8+)",
        f -> supplier(f).billingAddress().orElseThrow().country(), Optional.of("France")));
    rows.add(row(s, "Postcode", "acPostCode", f -> supplier(f).billingAddress().orElseThrow().postcode(),
        Optional.of("HU1 2BC")));
    rows.add(row(s, "Telephone", "acPhone", f -> supplier(f).phone(), Optional.of("01482 000000")));
    rows.add(row(s, "Fax", "acFax", f -> supplier(f).fax(), Optional.of("01482 000001")));
    rows.add(row(s, "Email", "acEmailAddr", f -> supplier(f).email(), Optional.of("sales@supplies.example")));
    rows.add(row(s, "Closed", "acAccStatus = 3", f -> supplier(f).closed(), true));
    rows.add(row(s, "Balance", "acHistory.acBalance (supplier: credits - debits)",
        f -> f.get(ACCOUNT_BALANCES, "SUPP01").balance(), d("150.00")));
    rows.add(row(s, "Currency Code", "ssCurrency(acCurrency).scSymbol -> ISO", f -> supplier(f).currency(),
        Optional.of("EUR")));

    s = "Product Items";
    rows.add(row(s, "Product Reference", "stCode", f -> widget(f).code(), "WIDGET-1"));
    rows.add(row(s, "Alternative Reference", "stAltCode", f -> widget(f).altCode(), Optional.of("WDG1")));
    rows.add(row(s, "Product Description", "stDesc(1)", f -> widget(f).description(), Optional.of("Widget")));
    rows.add(row(s, "Product Category", "stParentCode", f -> widget(f).categoryCode(), Optional.of("GRP-TOOLS")));
    rows.add(row(s, "Discount Matrix Code", "stCode", f -> widget(f).discountMatrixCode(), Optional.of("WIDGET-1")));
    rows.add(row(s, "Allow Overall Discount", "hardcoded 1", f -> widget(f).allowOverallDiscount(), true));
    rows.add(row(s, "Unit of Sale", "stUnitOfSale", f -> widget(f).unitOfSale(), Optional.of("Box")));
    rows.add(row(s, "Default Warehouse", "stLocation", f -> widget(f).defaultWarehouse(), Optional.of("TST")));
    rows.add(row(s, "Bin Location", "stBinLocation", f -> widget(f).binLocation(), Optional.of("A-01")));
    rows.add(row(s, "Cost Centre", "stCostCentre", f -> widget(f).costCentre(), Optional.of("LDS")));
    rows.add(row(s, "Department", "stDepartment", f -> widget(f).department(), Optional.of("SAL")));
    rows.add(row(s, "Sell Price", "stSalesBands(A).stPrice in home currency", f -> widget(f).sellPrice(),
        Optional.of(Money.of("12.50", "GBP"))));
    rows.add(row(s, "Cost Price", "stCostPrice", f -> widget(f).costPrice(), Optional.of(Money.of("7.20", "GBP"))));
    rows.add(row(s, "Sell Price Decimals", "SystemSetup.ssSalesDecimals", f -> widget(f).sellPrice().orElseThrow()
        .amount().scale(), 2));
    rows.add(row(s, "Cost Price Decimals", "SystemSetup.ssCostDecimals", f -> widget(f).costPrice().orElseThrow()
        .amount().scale(), 2));
    rows.add(row(s, "Pack/Unit", "stock converter (stUnitOfSale)", f -> widget(f).packUnit(), Optional.of("Box")));
    rows.add(row(s, "VAT Code", "stVATCode", f -> widget(f).vatCode(), Optional.of("S")));
    rows.add(row(s, "Extended Description", "stDesc(2)..stDesc(6)", f -> widget(f).extendedDescription(),
        List.of("Blue anodised", "Pack of 12")));
    rows.add(row(s, "Barcode", "stBarCode", f -> widget(f).barcode(), Optional.of("5012345678900")));
    rows.add(row(s, "Quantity Type", "stock converter (stSalesUnits 12)", f -> widget(f).quantityType(),
        QuantityType.FACTOR));
    rows.add(row(s, "Quantity Factor", "stock converter (stSalesUnits)", f -> widget(f).quantityFactor(), d("12")));
    rows.add(row(s, "Quantity Decimals", "SystemSetup.ssQtyDecimals", f -> widget(f).quantityDecimals(), 2));
    rows.add(row(s, "Allow Split", "decimals > 0 or factor > 1", f -> widget(f).allowSplit(), true));
    rows.add(row(s, "Stocked", "stType not G/D", f -> widget(f).stocked(), true));
    rows.add(row(s, "Obsolete", "stType X", f -> f.get(PRODUCT, "OLD-1").obsolete(), true));
    rows.add(row(s, "Obsolete", "stType P", f -> widget(f).obsolete(), false));
    rows.add(row(s, "Purchase Currency", "stCostPriceCur", f -> widget(f).purchaseCost().orElseThrow().currency(), "GBP"));
    rows.add(row(s, "Purchase Cost", "stCostPrice in purchase currency", f -> widget(f).purchaseCost(),
        Optional.of(Money.of("7.20", "GBP"))));
    rows.add(row(s, "Purchase Cost Decimals", "derived (cost decimals)",
        f -> widget(f).purchaseCost().orElseThrow().amount().scale(), 2));
    rows.add(row(s, "Unit Weight", "stIntrastat.stSSDSalesUnitWeight (Intrastat on)",
        f -> widget(f).unitWeight().orElseThrow().value(), d("1.23")));
    rows.add(row(s, "Unit Weight Decimals", "hardcoded 2", f -> widget(f).unitWeight().orElseThrow().value().scale(), 2));
    rows.add(row(s, "Unit Weight Description", "hardcoded kg", f -> widget(f).unitWeight().orElseThrow().unit(), "kg"));

    s = "Product Categories";
    rows.add(row(s, "Category Code", "stCode where stType = G", f -> f.get(PRODUCT_CATEGORY, "GRP-TOOLS").code(),
        "GRP-TOOLS"));
    rows.add(row(s, "Category Description", "stDesc(1)", f -> f.get(PRODUCT_CATEGORY, "GRP-TOOLS").description(),
        Optional.of("Tools")));
    rows.add(row(s, "Parent Category", "stParentCode", f -> f.get(PRODUCT_CATEGORY, "GRP-TOOLS").parentCode(),
        Optional.of("GRP-ALL")));

    s = "Invoices";
    rows.add(row(s, "Account Code", "thAcCode (or from matched SOR)", f -> invoice(f).accountCode(), Optional.of("TAND01")));
    rows.add(row(s, "Quote Reference", "thLongYourRef (from matched SOR)", f -> invoice(f).quoteReference(),
        Optional.of("Q-1001")));
    rows.add(row(s, "Order Number", "thOurRef (from matched SOR)", f -> invoice(f).orderNumber(), Optional.of("SOR900001")));
    rows.add(row(s, "Customer Reference", "thYourRef (or from matched SOR)", f -> invoice(f).customerReference(),
        Optional.of("PO-ORDER")));
    rows.add(row(s, "Delivery Reference", "SDN prefix of a description line", f -> line(f).deliveryReference(),
        Optional.of("SDN900001")));
    rows.add(row(s, "Invoice Document", "thOurRef", f -> invoice(f).number(), "SIN900001"));
    rows.add(row(s, "Invoice Line", "tlLineNo", f -> line(f).lineNumber(), Optional.of(2)));
    rows.add(row(s, "Invoice Number", "thOurRef", f -> invoice(f).number(), "SIN900001"));
    rows.add(row(s, "Product Reference", "tlStockCode", f -> line(f).productCode(), Optional.of("WIDGET-1")));
    rows.add(row(s, "Product Description", "tlDescr", f -> line(f).description(), Optional.of("Widget")));
    rows.add(row(s, "GL Code", "tlGLCode", f -> line(f).glCode(), Optional.of("41010")));
    rows.add(row(s, "Department Code", "tlDepartment", f -> line(f).department(), Optional.of("SAL")));
    rows.add(row(s, "Order Quantity", "tlQty", f -> line(f).orderQuantity(), d("3.00")));
    rows.add(row(s, "Quantity Type", "stock converter", f -> line(f).quantityType(), Optional.of(QuantityType.DECIMAL)));
    rows.add(row(s, "Quantity Decimals", "SystemSetup.ssQtyDecimals", f -> line(f).orderQuantity().scale(), 2));
    rows.add(row(s, "Quantity Factor", "stock converter", f -> line(f).quantityFactor(), Optional.of(BigDecimal.ONE)));
    rows.add(row(s, "Delivered Quantity", "same as tlQty", f -> line(f).deliveredQuantity(), d("3.00")));
    rows.add(row(s, "Invoice Quantity", "same as tlQty", f -> line(f).invoiceQuantity(), d("3.00")));
    rows.add(row(s, "Unit Price", "tlNetValue (Real48 12.499999999)", f -> line(f).unitPrice(),
        Optional.of(Money.of("12.50", "EUR"))));
    rows.add(row(s, "Sell Price Decimals", "SystemSetup.ssSalesDecimals",
        f -> line(f).unitPrice().orElseThrow().amount().scale(), 2));
    rows.add(row(s, "Cost Price", "tlCost", f -> line(f).costPrice(), Optional.of(Money.of("7.20", "EUR"))));
    rows.add(row(s, "Cost Decimals", "stock converter (cost decimals)",
        f -> line(f).costPrice().orElseThrow().amount().scale(), 2));
    rows.add(row(s, "Cost Value", "cost x qty", f -> line(f).costValue(), Optional.of(Money.of("21.60", "EUR"))));
    rows.add(row(s, "Warehouse Code", "tlLocation", f -> line(f).warehouseCode(), Optional.of("TST")));
    rows.add(row(s, "Currency Decimals", "hardcoded 2", f -> line(f).netValue().orElseThrow().amount().scale(), 2));
    rows.add(row(s, "Base Currency Decimals", "hardcoded 2",
        f -> line(f).baseNetValue().orElseThrow().amount().scale(), 2));
    rows.add(row(s, "Line Value (Net)", "entLineTotal(True, 0): 3 x (12.50 - 10%)", f -> line(f).netValue(),
        Optional.of(Money.of("33.75", "EUR"))));
    rows.add(row(s, "Line Value (Gross)", "net + tlVATAmount", f -> line(f).grossValue(),
        Optional.of(Money.of("40.50", "EUR"))));
    rows.add(row(s, "Base Value (Net)", "entConvertAmountWithRates (/ 1.17)", f -> line(f).baseNetValue(),
        Optional.of(Money.of("28.85", "GBP"))));
    rows.add(row(s, "Base Value (Gross)", "entConvertAmountWithRates (/ 1.17)", f -> line(f).baseGrossValue(),
        Optional.of(Money.of("34.62", "GBP"))));
    rows.add(row(s, "Invoice Date", "thTransDate", f -> invoice(f).invoiceDate(), Optional.of(LocalDate.of(2026, 3, 5))));
    rows.add(row(s, "Order Date", "thTransDate (from matched SOR)", f -> invoice(f).orderDate(),
        Optional.of(LocalDate.of(2026, 2, 20))));
    rows.add(row(s, "Due Date", "tlLineDate or thDueDate", f -> line(f).dueDate(), Optional.of(LocalDate.of(2026, 3, 10))));
    rows.add(row(s, "Due Date", "thDueDate (header)", f -> invoice(f).dueDate(), Optional.of(LocalDate.of(2026, 4, 4))));
    rows.add(row(s, "Expire Date", "tlUserField3 (Service Contracts)", f -> line(f).expireDate(),
        Optional.of(LocalDate.of(2027, 12, 31))));
    rows.add(row(s, "Contract", "tlUserField4 (Service Contracts)", f -> line(f).contract(), Optional.of("CON-77")));
    rows.add(row(s, "Ledger Account", "thAcCode", f -> invoice(f).ledgerAccount(), Optional.of("TAND01")));
    rows.add(row(s, "Currency Code", "ssCurrency(tlCurrency).scSymbol -> ISO", f -> line(f).currency(), Optional.of("EUR")));
    rows.add(row(s, "Delivery Date", "tlLineDate", f -> line(f).deliveryDate(), Optional.of(LocalDate.of(2026, 3, 10))));
    rows.add(row(s, "Analysis Code 1", "tlAnalysisCode", f -> line(f).analysisCode(), Optional.of("AN1")));
    rows.add(row(s, "Job Code", "tlJobCode", f -> line(f).jobCode(), Optional.of("JOB1")));
    rows.add(row(s, "User Field 1", "tlUserField1", f -> line(f).userFields().get(0), "UF1"));
    rows.add(row(s, "User Field 2", "tlUserField2", f -> line(f).userFields().get(1), "UF2"));
    rows.add(row(s, "User Field 3", "tlUserField3", f -> line(f).userFields().get(2), "31/12/2027"));
    rows.add(row(s, "User Field 4", "tlUserField4", f -> line(f).userFields().get(3), "CON-77"));
    rows.add(row(s, "Extended Description", "tlDescr of continuation lines", f -> line(f).extendedDescription(),
        List.of("Assembled to order")));

    s = "Sales Credits";
    rows.add(row(s, "GL Code", "tlGLCode", f -> creditLine(f).glCode(), Optional.of("41010")));
    rows.add(row(s, "Department Code", "tlDepartment", f -> creditLine(f).department(), Optional.of("SAL")));
    rows.add(row(s, "Credit Document", "thOurRef", f -> credit(f).number(), "SCR900001"));
    rows.add(row(s, "Credit Line", "tlLineNo", f -> creditLine(f).lineNumber(), Optional.of(1)));
    rows.add(row(s, "Invoice Number", "thOurRef + \"-\"", f -> credit(f).invoiceNumber(), Optional.of("SCR900001-")));
    rows.add(row(s, "Order Number", "thYourRef", f -> credit(f).orderNumber(), Optional.of("SIN900002")));
    rows.add(row(s, "Product Reference", "tlStockCode", f -> creditLine(f).productCode(), Optional.of("WIDGET-1")));
    rows.add(row(s, "Product Description", "tlDescr", f -> creditLine(f).description(), Optional.of("Returned widget")));
    rows.add(row(s, "Warehouse Code", "tlLocation", f -> creditLine(f).warehouseCode(), Optional.of("TST")));
    rows.add(row(s, "Order Quantity", "tlQty", f -> creditLine(f).orderQuantity(), d("1.00")));
    rows.add(row(s, "Quantity Type", "stock converter", f -> creditLine(f).quantityType(),
        Optional.of(QuantityType.DECIMAL)));
    rows.add(row(s, "Quantity Decimals", "SystemSetup.ssQtyDecimals", f -> creditLine(f).orderQuantity().scale(), 2));
    rows.add(row(s, "Quantity Factor", "stock converter", f -> creditLine(f).quantityFactor(), Optional.of(BigDecimal.ONE)));
    rows.add(row(s, "Delivered Quantity", "same as tlQty", f -> creditLine(f).deliveredQuantity(), d("1.00")));
    rows.add(row(s, "Invoice Quantity", "same as tlQty", f -> creditLine(f).invoiceQuantity(), d("1.00")));
    rows.add(row(s, "Unit Price", "tlNetValue (negated)", f -> creditLine(f).unitPrice(),
        Optional.of(Money.of("-10.00", "GBP"))));
    rows.add(row(s, "Sell Price Decimals", "SystemSetup.ssSalesDecimals",
        f -> creditLine(f).unitPrice().orElseThrow().amount().scale(), 2));
    rows.add(row(s, "Cost Price", "tlCost (negated)", f -> creditLine(f).costPrice(), Optional.of(Money.of("-7.20", "GBP"))));
    rows.add(row(s, "Cost Decimals", "stock converter", f -> creditLine(f).costPrice().orElseThrow().amount().scale(), 2));
    rows.add(row(s, "Cost Value", "cost x qty (negated)", f -> creditLine(f).costValue(),
        Optional.of(Money.of("-7.20", "GBP"))));
    rows.add(row(s, "Line Value (Net)", "entLineTotal(True, 0) (negated)", f -> creditLine(f).netValue(),
        Optional.of(Money.of("-10.00", "GBP"))));
    rows.add(row(s, "Line Value (Gross)", "net + tlVATAmount (negated)", f -> creditLine(f).grossValue(),
        Optional.of(Money.of("-12.00", "GBP"))));
    rows.add(row(s, "Base Value (Net)", "entConvertAmountWithRates", f -> creditLine(f).baseNetValue(),
        Optional.of(Money.of("-10.00", "GBP"))));
    rows.add(row(s, "Base Value (Gross)", "entConvertAmountWithRates", f -> creditLine(f).baseGrossValue(),
        Optional.of(Money.of("-12.00", "GBP"))));
    rows.add(row(s, "Invoice Date", "thTransDate", f -> credit(f).creditDate(), Optional.of(LocalDate.of(2026, 3, 7))));
    rows.add(row(s, "Due Date", "tlLineDate or thDueDate", f -> creditLine(f).dueDate(),
        Optional.of(LocalDate.of(2026, 3, 7))));
    rows.add(row(s, "Expire Date", "tlUserField3 (Service Contracts)", f -> creditLine(f).expireDate(),
        Optional.of(LocalDate.of(2027, 12, 31))));
    rows.add(row(s, "Contract", "tlUserField4 (Service Contracts)", f -> creditLine(f).contract(), Optional.of("CON-78")));
    rows.add(row(s, "Account Code", "thAcCode (or from matched SOR)", f -> credit(f).accountCode(), Optional.of("TAND01")));
    rows.add(row(s, "Ledger Account", "thAcCode", f -> credit(f).ledgerAccount(), Optional.of("TAND01")));
    rows.add(row(s, "Currency Code", "ssCurrency(tlCurrency).scSymbol -> ISO", f -> creditLine(f).currency(),
        Optional.of("GBP")));
    rows.add(row(s, "Customer Reference", "thLongYourRef", f -> credit(f).customerReference(), Optional.of("CR-REF")));
    rows.add(row(s, "Quote Reference", "thLongYourRef (from matched SOR)", f -> credit(f).quoteReference(),
        Optional.of("Q-1001")));
    rows.add(row(s, "Delivery Date", "tlLineDate", f -> creditLine(f).deliveryDate(), Optional.of(LocalDate.of(2026, 3, 7))));
    rows.add(row(s, "Analysis Code 1", "tlAnalysisCode", f -> creditLine(f).analysisCode(), Optional.of("AN2")));
    rows.add(row(s, "Job Code", "tlJobCode", f -> creditLine(f).jobCode(), Optional.of("JOB1")));
    rows.add(row(s, "Extended Description", "tlDescr of continuation lines", f -> creditLine(f).extendedDescription(),
        List.of("Damaged in transit")));

    s = "Payments";
    rows.add(row(s, "Invoice Number", "thOurRef", f -> f.get(PAYMENT, "SIN900001").invoiceNumber(), "SIN900001"));
    rows.add(row(s, "Payment Due Date", "thDueDate", f -> f.get(PAYMENT, "SIN900001").dueDate(),
        Optional.of(LocalDate.of(2026, 4, 4))));
    rows.add(row(s, "Paid Flag", "thTotals(4) <> 0 -> unpaid", f -> f.get(PAYMENT, "SIN900001").paid(), false));
    rows.add(row(s, "Paid Flag", "thTotals(4) = 0 -> paid (Real48 settled 119.999999999)",
        f -> f.get(PAYMENT, "SIN900002").paid(), true));

    s = "General Ledger";
    rows.add(row(s, "GL Code", "glCode", f -> f.get(GL_ACCOUNT, "99990").code(), "99990"));
    rows.add(row(s, "Description", "glName", f -> f.get(GL_ACCOUNT, "99990").description(), Optional.of("Test Ledger")));
    rows.add(row(s, "GL Type", "glType B", f -> f.get(GL_ACCOUNT, "99990").type(), Optional.of(GlAccountType.BALANCE_SHEET)));
    rows.add(row(s, "Parent GL Code", "glParent", f -> f.get(GL_ACCOUNT, "99990").parentCode(), Optional.of("12000")));
    rows.add(row(s, "Obsolete", "glInactive", f -> f.get(GL_ACCOUNT, "99990").obsolete(), true));

    s = "Departments";
    rows.add(row(s, "Department Code", "cdCode (EXCHQCHKcode1)", f -> f.get(DEPARTMENT, "TDP").code(), "TDP"));
    rows.add(row(s, "Description", "cdName (EXCHQCHKcode3 + CCDesc)", f -> f.get(DEPARTMENT, "TDP").description(),
        Optional.of("Testing Department X")));
    rows.add(row(s, "Obsolete", "cdInactive (HideAC)", f -> f.get(DEPARTMENT, "TDP").obsolete(), true));

    s = "Cost Centres";
    rows.add(row(s, "Cost Centre Code", "cdCode (EXCHQCHKcode1)", f -> f.get(COST_CENTRE, "TCC").code(), "TCC"));
    rows.add(row(s, "Description", "cdName (EXCHQCHKcode3 + CCDesc)", f -> f.get(COST_CENTRE, "TCC").description(),
        Optional.of("Test Centre")));
    rows.add(row(s, "Obsolete", "cdInactive (HideAC)", f -> f.get(COST_CENTRE, "TCC").obsolete(), false));

    s = "Warehouses";
    rows.add(row(s, "Warehouse Code", "loCode", f -> f.get(WAREHOUSE, "TST").code(), "TST"));
    rows.add(row(s, "Warehouse Name", "loName", f -> f.get(WAREHOUSE, "TST").name(), Optional.of("Test Store")));
    rows.add(row(s, "Warehouse Name", "\"Not Set\" default (always)", f -> f.get(WAREHOUSE, "NOTSET").name(),
        Optional.of("Not Set")));

    s = "Jobs";
    rows.add(row(s, "Job Code", "jrCode", f -> f.get(JOB, "JOB1").code(), "JOB1"));
    rows.add(row(s, "Description", "jrDesc", f -> f.get(JOB, "JOB1").description(), Optional.of("Fit-out")));
    rows.add(row(s, "Parent Job Code", "jrParent", f -> f.get(JOB, "JOB1").parentCode(), Optional.of("CON1")));
    rows.add(row(s, "Alternative Code", "jrAltCode", f -> f.get(JOB, "JOB1").altCode(), Optional.of("FIT")));
    rows.add(row(s, "Contact", "jrContact", f -> f.get(JOB, "JOB1").contact(), Optional.of("Mr Site Manager")));
    rows.add(row(s, "Manager", "jrManager", f -> f.get(JOB, "JOB1").manager(), Optional.of("Ms Boss")));
    rows.add(row(s, "Completed", "jrCompleted", f -> f.get(JOB, "JOB1").completed(), true));
    rows.add(row(s, "Start Date", "jrStartDate", f -> f.get(JOB, "JOB1").startDate(), Optional.of(LocalDate.of(2026, 1, 1))));
    rows.add(row(s, "Start Date", "jrStartDate blank (spaces)", f -> f.get(JOB, "JOB2").startDate(), Optional.empty()));
    rows.add(row(s, "End Date", "jrEndDate", f -> f.get(JOB, "JOB1").endDate(), Optional.of(LocalDate.of(2026, 6, 30))));
    rows.add(row(s, "Revised End Date", "jrRevisedEndDate ('00000000')", f -> f.get(JOB, "JOB1").revisedEndDate(),
        Optional.empty()));
    rows.add(row(s, "Job Type", "jrType J", f -> f.get(JOB, "JOB1").recordType(), Optional.of(JobRecordType.JOB)));
    rows.add(row(s, "Job Type", "jrType K", f -> f.get(JOB, "JOB2").recordType(), Optional.of(JobRecordType.CONTRACT)));
    rows.add(row(s, "Job Type Code", "jrJobType (JobAnal)", f -> f.get(JOB, "JOB1").jobTypeCode(), Optional.of("FIT")));
    rows.add(row(s, "Charge Type", "jrChargeType 2", f -> f.get(JOB, "JOB1").chargeType(),
        Optional.of(JobChargeType.FIXED_PRICE)));
    rows.add(row(s, "Charge Type", "jrChargeType 4", f -> f.get(JOB, "JOB2").chargeType(),
        Optional.of(JobChargeType.NON_PRODUCTIVE)));
    rows.add(row(s, "SOR Number", "jrSORNumber", f -> f.get(JOB, "JOB1").salesOrderNumber(), Optional.of("SOR900001")));
    rows.add(row(s, "Quoted Price", "jrQuotePrice", f -> f.get(JOB, "JOB1").quotedPrice().orElseThrow().amount(),
        d("15000.00")));
    rows.add(row(s, "Quoted Currency", "jrQuotePriceCurr -> currency", f -> f.get(JOB, "JOB1").quotedPrice().orElseThrow()
        .currency(), "EUR"));
    rows.add(row(s, "QS Code", "jrQSCode", f -> f.get(JOB, "JOB1").qsCode(), Optional.of("QS-9")));
    rows.add(row(s, "Status", "jrStatus 2", f -> f.get(JOB, "JOB1").status(), Optional.of(JobStatus.ACTIVE)));
    rows.add(row(s, "Status", "jrStatus 5", f -> f.get(JOB, "JOB2").status(), Optional.of(JobStatus.CLOSED)));
    rows.add(row(s, "Customer Code", "jrAcCode (found as customer)", f -> f.get(JOB, "JOB1").customerCode(),
        Optional.of("TAND01")));
    rows.add(row(s, "Supplier Code", "jrAcCode (found as supplier)", f -> f.get(JOB, "JOB2").supplierCode(),
        Optional.of("SUPP01")));
    rows.add(row(s, "User Defined Fields 1-10", "jrUserField1..jrUserField10", f -> f.get(JOB, "JOB1").userFields(),
        List.of("U1", "", "", "", "", "", "", "", "", "U10")));

    s = "Division Contacts";
    rows.add(row(s, "Title", "parsed from acContact", f -> f.get(CONTACT, "TAND01").title(), Optional.of("Mrs")));
    rows.add(row(s, "Forename", "parsed from acContact", f -> f.get(CONTACT, "TAND01").firstName(), Optional.of("Jane Q")));
    rows.add(row(s, "Surname", "parsed from acContact", f -> f.get(CONTACT, "TAND01").lastName(), "Smith"));
    rows.add(row(s, "Salutation", "acContact (full name)", f -> f.get(CONTACT, "TAND01").salutation(),
        Optional.of("Mrs Jane Q Smith")));
    rows.add(row(s, "Email", "acEmailAddr", f -> f.get(CONTACT, "TAND01").email(), Optional.of("accounts@tandem.example")));
    rows.add(row(s, "Role Code", "integration settings", f -> f.get(CONTACT, "TAND01").roleCode(), Optional.of("PRIMARY")));

    s = "Division Delivery Locations";
    rows.add(row(s, "Address Line 1", "acDelAddress.Street1", f -> delivery(f).line1(), Optional.of("Goods In")));
    rows.add(row(s, "Address Line 2", "acDelAddress.Street2", f -> delivery(f).line2(), Optional.of("Dock 2")));
    rows.add(row(s, "Town", "acDelAddress.Town", f -> delivery(f).town(), Optional.of("Bradford")));
    rows.add(row(s, "County", "acDelAddress.County", f -> delivery(f).county(), Optional.of("West Yorkshire")));
    rows.add(row(s, "Address Line 5", "acDelAddress.PostCode", f -> delivery(f).line5(), Optional.of("Gate 3")));
    rows.add(row(s, "Postcode", "acDeliveryPostCode", f -> delivery(f).postcode(), Optional.of("BD1 1AA")));
    rows.add(row(s, "Country", "acDelAddress.Country.cdName", f -> delivery(f).country(), Optional.of("Ireland")));
    return rows.stream();
  }
}
