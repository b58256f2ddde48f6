package io.github.tandemsync.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every field seed 001 lists has a home in the canonical model. The table below (also published as
 * {@code docs/model-field-reference.md}) maps each seed section and field to the record component
 * that carries it; the test walks every path by reflection. A number of decimals lives in the scale
 * of an amount, written {@code path (scale)}, and the path must end at a {@code BigDecimal}.
 */
class SeedFieldHomeTest {

  /** Seed section, seed field, canonical home, note: the rows of docs/model-field-reference.md. */
  static final String TABLE = """
      | Sales Ledgers | Account Code | Account.code | acCode; role CUSTOMER (acCustSupp C) |
      | Sales Ledgers | Company Name | Account.name | acCompany |
      | Sales Ledgers | Address Line 1 | Account.billingAddress.line1 | acAddress.Street1 |
      | Sales Ledgers | Address Line 2 | Account.billingAddress.line2 | acAddress.Street2 |
      | Sales Ledgers | Town | Account.billingAddress.town | acAddress.Town |
      | Sales Ledgers | County | Account.billingAddress.county | acAddress.County |
      | Sales Ledgers | Country | Account.billingAddress.country | name of the ISO code acCountry (v8+); older data keeps the country in line 5 |
      | Sales Ledgers | Country Code | Account.billingAddress.countryCode | ISO 3166 alpha-2 acCountry (v8+) |
      | Sales Ledgers | Address Line 5 | Account.billingAddress.line5 | acAddress.PostCode: a fifth address line despite its name |
      | Sales Ledgers | Postcode | Account.billingAddress.postcode | acPostCode |
      | Sales Ledgers | Telephone | Account.phone | acPhone |
      | Sales Ledgers | Fax | Account.fax | acFax |
      | Sales Ledgers | Email | Account.email | acEmailAddr |
      | Sales Ledgers | Default Warehouse | Account.defaultWarehouse | acLocation |
      | Sales Ledgers | Invoice To | Account.invoiceTo | acInvoiceTo |
      | Sales Ledgers | On Stop | Account.onStop | acAccStatus = 2; also AccountBalances.onStop |
      | Sales Ledgers | Closed | Account.closed | acAccStatus = 3 |
      | Sales Ledgers | Balance | AccountBalances.balance | trader history; positive = the customer owes us |
      | Sales Ledgers | Currency Code | Account.currency | ISO 4217 code; the connector maps Exchequer's currency number (screen symbol) to it |
      | Sales Ledgers | Credit Limit | Account.creditLimit | acCreditLimit; also AccountBalances.creditLimit |
      | Sales Ledgers | Overall Discount | Account.overallDiscount | acDiscount, in percent |
      | Sales Ledgers | Price List | Account.priceBand | acDiscountBand, A to H |
      | Sales Ledgers | Compound Overall Discount | Account.compoundOverallDiscount | constant -1 set by the connector |
      | Sales Ledgers | Tax Code | Account.vatCode | acVATCode |
      | Sales Ledgers | VAT Registration Code | Account.vatRegistration | acVATRegNo |
      | Sales Ledgers | Settlement Discount | Account.settlementDiscount | acDefSettleDisc, in percent |
      | Sales Ledgers | Settlement Days | Account.settlementDays | acDefSettleDays |
      | Sales Ledgers | Department Code | Account.department | acDepartment |
      | Sales Ledgers | Cost Centre Code | Account.costCentre | acCostCentre |
      | Sales Ledgers | GL Code | Account.salesGlCode | acSalesGL |
      | Purchase Ledger | Supplier Code | Account.code | acCode; role SUPPLIER (acCustSupp S) |
      | Purchase Ledger | Company Name | Account.name | acCompany |
      | Purchase Ledger | Address Line 1 | Account.billingAddress.line1 | acAddress.Street1 |
      | Purchase Ledger | Address Line 2 | Account.billingAddress.line2 | acAddress.Street2 |
      | Purchase Ledger | Town | Account.billingAddress.town | acAddress.Town |
      | Purchase Ledger | County | Account.billingAddress.county | acAddress.County |
      | Purchase Ledger | Country | Account.billingAddress.country | seed reads acAddress.PostCode (line 5, the country on older data) |
      | Purchase Ledger | Postcode | Account.billingAddress.postcode | acPostCode |
      | Purchase Ledger | Telephone | Account.phone | acPhone |
      | Purchase Ledger | Fax | Account.fax | acFax |
      | Purchase Ledger | Email | Account.email | acEmailAddr |
      | Purchase Ledger | Closed | Account.closed | acAccStatus = 3 |
      | Purchase Ledger | Balance | AccountBalances.balance | trader history; positive = we owe the supplier |
      | Purchase Ledger | Currency Code | Account.currency | ISO 4217 code, mapped from the currency number |
      | Product Items | Product Reference | Product.code | stCode |
      | Product Items | Alternative Reference | Product.altCode | stAltCode |
      | Product Items | Product Description | Product.description | stDesc(1) |
      | Product Items | Product Category | Product.categoryCode | stParentCode |
      | Product Items | Discount Matrix Code | Product.discountMatrixCode | stCode |
      | Product Items | Allow Overall Discount | Product.allowOverallDiscount | constant true; the default |
      | Product Items | Unit of Sale | Product.unitOfSale | stUnitOfSale |
      | Product Items | Default Warehouse | Product.defaultWarehouse | stLocation |
      | Product Items | Bin Location | Product.binLocation | stBinLocation |
      | Product Items | Cost Centre | Product.costCentre | stCostCentre |
      | Product Items | Department | Product.department | stDepartment |
      | Product Items | Sell Price | Product.sellPrice | configured list (RRP) band in home currency; every band is a Price.unitPrice |
      | Product Items | Cost Price | Product.costPrice | stCostPrice or re-order price, home currency |
      | Product Items | Sell Price Decimals | Product.sellPrice.amount (scale) | ssSalesDecimals |
      | Product Items | Cost Price Decimals | Product.costPrice.amount (scale) | ssCostDecimals |
      | Product Items | Pack/Unit | Product.packUnit | from the pack conversion |
      | Product Items | VAT Code | Product.vatCode | stVATCode |
      | Product Items | Extended Description | Product.extendedDescription | stDesc(2) to stDesc(6), blank lines dropped |
      | Product Items | Barcode | Product.barcode | stBarCode |
      | Product Items | Quantity Type | Product.quantityType | DECIMAL or FACTOR |
      | Product Items | Quantity Factor | Product.quantityFactor | units per pack, 1 for DECIMAL |
      | Product Items | Quantity Decimals | Product.quantityDecimals | ssQtyDecimals |
      | Product Items | Allow Split | Product.allowSplit | quantity decimals above 0 or factor above 1 |
      | Product Items | Stocked | Product.stocked | stType not group or description-only |
      | Product Items | Obsolete | Product.obsolete | stType discontinued |
      | Product Items | Purchase Currency | Product.purchaseCost.currency | re-order or cost price currency, as ISO 4217 |
      | Product Items | Purchase Cost | Product.purchaseCost | cost or re-order price in the purchase currency |
      | Product Items | Purchase Cost Decimals | Product.purchaseCost.amount (scale) | derived |
      | Product Items | Unit Weight | Product.unitWeight.value | stSSDSalesUnitWeight, when Intrastat is on |
      | Product Items | Unit Weight Decimals | Product.unitWeight.value (scale) | constant 2 |
      | Product Items | Unit Weight Description | Product.unitWeight.unit | constant kg (Weight.KILOGRAMS) |
      | Product Categories | Category Code | ProductCategory.code | stCode of a group (stType group) |
      | Product Categories | Category Description | ProductCategory.description | stDesc(1) |
      | Product Categories | Parent Category | ProductCategory.parentCode | stParentCode |
      | Invoices | Account Code | Invoice.accountCode | thAcCode or the matched order's |
      | Invoices | Quote Reference | Invoice.quoteReference | matched order's thLongYourRef |
      | Invoices | Order Number | Invoice.orderNumber | matched order's thOurRef |
      | Invoices | Customer Reference | Invoice.customerReference | thYourRef or the matched order's |
      | Invoices | Delivery Reference | Invoice.lines.deliveryReference | parsed from an SDN description line |
      | Invoices | Invoice Document | Invoice.number | thOurRef |
      | Invoices | Invoice Line | Invoice.lines.lineNumber | tlLineNo |
      | Invoices | Invoice Number | Invoice.number | thOurRef |
      | Invoices | Product Reference | Invoice.lines.productCode | tlStockCode |
      | Invoices | Product Description | Invoice.lines.description | tlDescr |
      | Invoices | GL Code | Invoice.lines.glCode | tlGLCode |
      | Invoices | Department Code | Invoice.lines.department | tlDepartment |
      | Invoices | Order Quantity | Invoice.lines.orderQuantity | tlQty |
      | Invoices | Quantity Type | Invoice.lines.quantityType | from the pack conversion |
      | Invoices | Quantity Decimals | Invoice.lines.orderQuantity (scale) | ssQtyDecimals; the same scale on all three quantities |
      | Invoices | Quantity Factor | Invoice.lines.quantityFactor | from the pack conversion |
      | Invoices | Delivered Quantity | Invoice.lines.deliveredQuantity | tlQty |
      | Invoices | Invoice Quantity | Invoice.lines.invoiceQuantity | tlQty |
      | Invoices | Unit Price | Invoice.lines.unitPrice | tlNetValue (a unit price) |
      | Invoices | Sell Price Decimals | Invoice.lines.unitPrice.amount (scale) | ssSalesDecimals |
      | Invoices | Cost Price | Invoice.lines.costPrice | tlCost |
      | Invoices | Cost Decimals | Invoice.lines.costPrice.amount (scale) | from the pack conversion |
      | Invoices | Cost Value | Invoice.lines.costValue | cost price times quantity |
      | Invoices | Warehouse Code | Invoice.lines.warehouseCode | tlLocation |
      | Invoices | Currency Decimals | Invoice.lines.netValue.amount (scale) | constant 2 |
      | Invoices | Base Currency Decimals | Invoice.lines.baseNetValue.amount (scale) | constant 2 |
      | Invoices | Line Value (Net) | Invoice.lines.netValue | discounted line net |
      | Invoices | Line Value (Gross) | Invoice.lines.grossValue | net plus tlVATAmount |
      | Invoices | Base Value (Net) | Invoice.lines.baseNetValue | net in base currency at the document's rates |
      | Invoices | Base Value (Gross) | Invoice.lines.baseGrossValue | gross in base currency |
      | Invoices | Invoice Date | Invoice.invoiceDate | thTransDate |
      | Invoices | Order Date | Invoice.orderDate | matched order's thTransDate |
      | Invoices | Due Date | Invoice.lines.dueDate | tlLineDate or thDueDate; the header's is also in Invoice.dueDate |
      | Invoices | Expire Date | Invoice.lines.expireDate | tlUserField3 with Service Contracts |
      | Invoices | Contract | Invoice.lines.contract | tlUserField4 with Service Contracts |
      | Invoices | Ledger Account | Invoice.ledgerAccount | thAcCode |
      | Invoices | Currency Code | Invoice.lines.currency | tlCurrency as ISO 4217; the header's is Invoice.currency |
      | Invoices | Delivery Date | Invoice.lines.deliveryDate | tlLineDate |
      | Invoices | Analysis Code 1 | Invoice.lines.analysisCode | tlAnalysisCode |
      | Invoices | Job Code | Invoice.lines.jobCode | tlJobCode |
      | Invoices | User Field 1 | Invoice.lines.userFields | index 0, tlUserField1 |
      | Invoices | User Field 2 | Invoice.lines.userFields | index 1, tlUserField2 |
      | Invoices | User Field 3 | Invoice.lines.userFields | index 2, tlUserField3 |
      | Invoices | User Field 4 | Invoice.lines.userFields | index 3, tlUserField4 |
      | Invoices | Extended Description | Invoice.lines.extendedDescription | continuation description lines |
      | Sales Credits | GL Code | CreditNote.lines.glCode | tlGLCode |
      | Sales Credits | Department Code | CreditNote.lines.department | tlDepartment |
      | Sales Credits | Credit Document | CreditNote.number | thOurRef |
      | Sales Credits | Credit Line | CreditNote.lines.lineNumber | tlLineNo |
      | Sales Credits | Invoice Number | CreditNote.invoiceNumber | seed formats thOurRef with a - suffix |
      | Sales Credits | Order Number | CreditNote.orderNumber | thYourRef |
      | Sales Credits | Product Reference | CreditNote.lines.productCode | tlStockCode |
      | Sales Credits | Product Description | CreditNote.lines.description | tlDescr |
      | Sales Credits | Warehouse Code | CreditNote.lines.warehouseCode | tlLocation |
      | Sales Credits | Order Quantity | CreditNote.lines.orderQuantity | tlQty |
      | Sales Credits | Quantity Type | CreditNote.lines.quantityType | from the pack conversion |
      | Sales Credits | Quantity Decimals | CreditNote.lines.orderQuantity (scale) | ssQtyDecimals; the same scale on all three quantities |
      | Sales Credits | Quantity Factor | CreditNote.lines.quantityFactor | from the pack conversion |
      | Sales Credits | Delivered Quantity | CreditNote.lines.deliveredQuantity | tlQty |
      | Sales Credits | Invoice Quantity | CreditNote.lines.invoiceQuantity | tlQty |
      | Sales Credits | Unit Price | CreditNote.lines.unitPrice | tlNetValue (a unit price), negated |
      | Sales Credits | Sell Price Decimals | CreditNote.lines.unitPrice.amount (scale) | ssSalesDecimals |
      | Sales Credits | Cost Price | CreditNote.lines.costPrice | tlCost, negated |
      | Sales Credits | Cost Decimals | CreditNote.lines.costPrice.amount (scale) | from the pack conversion |
      | Sales Credits | Cost Value | CreditNote.lines.costValue | cost price times quantity, negated |
      | Sales Credits | Line Value (Net) | CreditNote.lines.netValue | discounted line net, negated |
      | Sales Credits | Line Value (Gross) | CreditNote.lines.grossValue | net plus tlVATAmount, negated |
      | Sales Credits | Base Value (Net) | CreditNote.lines.baseNetValue | net in base currency at the document's rates |
      | Sales Credits | Base Value (Gross) | CreditNote.lines.baseGrossValue | gross in base currency |
      | Sales Credits | Invoice Date | CreditNote.creditDate | thTransDate |
      | Sales Credits | Due Date | CreditNote.lines.dueDate | tlLineDate or thDueDate; the header's is also in CreditNote.dueDate |
      | Sales Credits | Expire Date | CreditNote.lines.expireDate | tlUserField3 with Service Contracts |
      | Sales Credits | Contract | CreditNote.lines.contract | tlUserField4 with Service Contracts |
      | Sales Credits | Account Code | CreditNote.accountCode | thAcCode or the matched order's |
      | Sales Credits | Ledger Account | CreditNote.ledgerAccount | thAcCode |
      | Sales Credits | Currency Code | CreditNote.lines.currency | tlCurrency as ISO 4217; the header's is CreditNote.currency |
      | Sales Credits | Customer Reference | CreditNote.customerReference | thLongYourRef |
      | Sales Credits | Quote Reference | CreditNote.quoteReference | matched order's thLongYourRef |
      | Sales Credits | Delivery Date | CreditNote.lines.deliveryDate | tlLineDate |
      | Sales Credits | Analysis Code 1 | CreditNote.lines.analysisCode | tlAnalysisCode |
      | Sales Credits | Job Code | CreditNote.lines.jobCode | tlJobCode |
      | Sales Credits | Extended Description | CreditNote.lines.extendedDescription | continuation description lines |
      | Payments | Invoice Number | Payment.invoiceNumber | thOurRef |
      | Payments | Payment Due Date | Payment.dueDate | thDueDate |
      | Payments | Paid Flag | Payment.paid | outstanding in base currency is 0 |
      | General Ledger | GL Code | GlAccount.code | glCode |
      | General Ledger | Description | GlAccount.description | glName |
      | General Ledger | GL Type | GlAccount.type | glType as GlAccountType |
      | General Ledger | Parent GL Code | GlAccount.parentCode | glParent |
      | General Ledger | Obsolete | GlAccount.obsolete | glInactive |
      | Departments | Department Code | Department.code | cdCode |
      | Departments | Description | Department.description | cdName |
      | Departments | Obsolete | Department.obsolete | cdInactive |
      | Cost Centres | Cost Centre Code | CostCentre.code | cdCode |
      | Cost Centres | Description | CostCentre.description | cdName |
      | Cost Centres | Obsolete | CostCentre.obsolete | cdInactive |
      | Warehouses | Warehouse Code | Warehouse.code | loCode |
      | Warehouses | Warehouse Name | Warehouse.name | loName |
      | Jobs | Job Code | Job.code | jrCode |
      | Jobs | Description | Job.description | jrDesc |
      | Jobs | Parent Job Code | Job.parentCode | jrParent |
      | Jobs | Alternative Code | Job.altCode | jrAltCode |
      | Jobs | Contact | Job.contact | jrContact |
      | Jobs | Manager | Job.manager | jrManager |
      | Jobs | Completed | Job.completed | jrCompleted |
      | Jobs | Start Date | Job.startDate | jrStartDate |
      | Jobs | End Date | Job.endDate | jrEndDate |
      | Jobs | Revised End Date | Job.revisedEndDate | jrRevisedEndDate |
      | Jobs | Job Type | Job.recordType | jrType as JobRecordType: contract, job or phase |
      | Jobs | Job Type Code | Job.jobTypeCode | jrJobType |
      | Jobs | Charge Type | Job.chargeType | jrChargeType as JobChargeType |
      | Jobs | SOR Number | Job.salesOrderNumber | jrSORNumber |
      | Jobs | Quoted Price | Job.quotedPrice | jrQuotePrice |
      | Jobs | Quoted Currency | Job.quotedPrice.currency | jrQuotePriceCurr as ISO 4217 |
      | Jobs | QS Code | Job.qsCode | jrQSCode |
      | Jobs | Status | Job.status | jrStatus as JobStatus |
      | Jobs | Customer Code | Job.customerCode | jrAcCode when it is a customer |
      | Jobs | Supplier Code | Job.supplierCode | jrAcCode when it is a supplier |
      | Jobs | User Defined Fields 1–10 | Job.userFields | index 0 to 9, jrUserField1 to jrUserField10 |
      | Division Contacts | Title | Contact.title | parsed from acContact |
      | Division Contacts | Forename | Contact.firstName | parsed from acContact |
      | Division Contacts | Surname | Contact.lastName | parsed from acContact |
      | Division Contacts | Salutation | Contact.salutation | acContact as is |
      | Division Contacts | Email | Contact.email | acEmailAddr |
      | Division Contacts | Role Code | Contact.roleCode | from the integration's settings |
      | Division Delivery Locations | Address Line 1 | Account.deliveryAddress.line1 | acDelAddress.Street1 |
      | Division Delivery Locations | Address Line 2 | Account.deliveryAddress.line2 | acDelAddress.Street2 |
      | Division Delivery Locations | Town | Account.deliveryAddress.town | acDelAddress.Town |
      | Division Delivery Locations | County | Account.deliveryAddress.county | acDelAddress.County |
      | Division Delivery Locations | Address Line 5 | Account.deliveryAddress.line5 | acDelAddress.PostCode |
      | Division Delivery Locations | Postcode | Account.deliveryAddress.postcode | acDeliveryPostCode |
      | Division Delivery Locations | Country | Account.deliveryAddress.country | name of the ISO code acDeliveryCountry |
      """;

  /** How many fields each seed-001 section lists; guards against a row dropped by accident. */
  static final Map<String, Integer> FIELDS_PER_SECTION = sections();

  private static Map<String, Integer> sections() {
    Map<String, Integer> sections = new LinkedHashMap<>();
    sections.put("Sales Ledgers", 30);
    sections.put("Purchase Ledger", 14);
    sections.put("Product Items", 31);
    sections.put("Product Categories", 3);
    sections.put("Invoices", 45);
    sections.put("Sales Credits", 37);
    sections.put("Payments", 3);
    sections.put("General Ledger", 5);
    sections.put("Departments", 3);
    sections.put("Cost Centres", 3);
    sections.put("Warehouses", 2);
    sections.put("Jobs", 21);
    sections.put("Division Contacts", 6);
    sections.put("Division Delivery Locations", 7);
    return sections;
  }

  record Row(String section, String field, String home, String note) {
    static Row parse(String line) {
      String[] cells = line.strip().split("\\|");
      if (cells.length != 5 || !cells[0].isEmpty()) {
        throw new IllegalArgumentException("not a table row of four cells: " + line);
      }
      return new Row(cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip());
    }

    String markdown() {
      return "| " + section + " | " + field + " | " + home + " | " + note + " |";
    }
  }

  static List<Row> rows() {
    return TABLE.lines().filter(line -> !line.isBlank()).map(Row::parse).collect(Collectors.toList());
  }

  @Test
  void everySeedFieldHasAnExistingHome() {
    List<String> problems = new ArrayList<>();
    for (Row row : rows()) {
      problem(row).ifPresent(p -> problems.add(row.section() + " / " + row.field() + " -> " + row.home() + ": " + p));
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everySectionIsCompleteAndNoFieldIsListedTwice() {
    List<Row> rows = rows();
    Map<String, Long> counted = rows.stream()
        .collect(Collectors.groupingBy(Row::section, LinkedHashMap::new, Collectors.counting()));
    Map<String, Long> expected = new LinkedHashMap<>();
    FIELDS_PER_SECTION.forEach((section, count) -> expected.put(section, count.longValue()));
    assertEquals(expected, counted);
    long distinct = rows.stream().map(row -> row.section() + "/" + row.field()).distinct().count();
    assertEquals(rows.size(), distinct, "a seed field is listed twice");
  }

  @Test
  void scaleRowsAreExactlyTheDecimalsFields() {
    for (Row row : rows()) {
      boolean decimalsField = row.field().endsWith("Decimals") && !row.home().equals("Product.quantityDecimals");
      assertEquals(decimalsField, row.home().endsWith(" (scale)"), row.markdown());
    }
  }

  @Test
  void publishedReferenceMatchesThisTable() throws IOException {
    Path doc = Path.of("..", "docs", "model-field-reference.md");
    assertTrue(Files.exists(doc), "missing " + doc.toAbsolutePath().normalize());
    List<String> published = Files.readAllLines(doc, StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("| ") && !line.startsWith("| Seed section"))
        .collect(Collectors.toList());
    List<String> expected = rows().stream().map(Row::markdown).collect(Collectors.toList());
    assertEquals(expected, published);
  }

  @Test
  void walkerRejectsWhatDoesNotExist() {
    assertEquals(Optional.of("Account has no component 'onHold'"), problem(new Row("s", "f", "Account.onHold", "")));
    assertEquals(Optional.of("no model record 'Customer'"), problem(new Row("s", "f", "Customer.code", "")));
    assertEquals(Optional.of("(scale) needs a BigDecimal, found java.lang.String"),
        problem(new Row("s", "f", "Product.code (scale)", "")));
    assertEquals(Optional.empty(), problem(new Row("s", "f", "Quote.lines.unitPrice.amount (scale)", "")));
  }

  /** Why the row's home does not exist, or empty when it does. */
  private static Optional<String> problem(Row row) {
    String home = row.home();
    boolean scale = home.endsWith(" (scale)");
    String path = scale ? home.substring(0, home.length() - " (scale)".length()) : home;
    String[] parts = path.split("\\.");
    Class<?> current;
    try {
      current = Class.forName(Account.class.getPackageName() + "." + parts[0]);
    } catch (ClassNotFoundException e) {
      return Optional.of("no model record '" + parts[0] + "'");
    }
    if (parts.length < 2) {
      return Optional.of("names a record, not a field");
    }
    for (int i = 1; i < parts.length; i++) {
      if (!current.isRecord()) {
        return Optional.of(current.getName() + " is not a record, cannot reach '" + parts[i] + "'");
      }
      Optional<RecordComponent> component = component(current, parts[i]);
      if (component.isEmpty()) {
        return Optional.of(current.getSimpleName() + " has no component '" + parts[i] + "'");
      }
      current = carried(component.get().getGenericType());
    }
    if (scale && current != BigDecimal.class) {
      return Optional.of("(scale) needs a BigDecimal, found " + current.getName());
    }
    return Optional.empty();
  }

  private static Optional<RecordComponent> component(Class<?> record, String name) {
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return Optional.of(component);
      }
    }
    return Optional.empty();
  }

  /** The type a component carries, seen through Optional and List. */
  private static Class<?> carried(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (raw == Optional.class || raw == List.class) {
        return carried(parameterized.getActualTypeArguments()[0]);
      }
      return raw;
    }
    return (Class<?>) type;
  }
}
