package io.github.tandemsync.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully populated and a minimal instance of every model type. "Fully populated" means every
 * optional field present, every list and extension map filled, flags away from their defaults and
 * amounts with a scale that must survive (12.50, 3.000); {@link ModelJsonTest} checks that by
 * reflection, so a field added later without a fixture value fails the build.
 */
final class ModelFixtures {
  private ModelFixtures() {}

  static final LocalDate DATE = LocalDate.of(2026, 3, 15);
  static final Instant INSTANT = Instant.parse("2026-03-15T10:15:30.123456789Z");

  static Money gbp(String amount) {
    return Money.of(amount, "GBP");
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  /** One extension of each of the five kinds. */
  static Map<String, ExtensionValue> allExtensionKinds() {
    Map<String, ExtensionValue> extensions = new LinkedHashMap<>();
    extensions.put("Region__c", ExtensionValue.of("North"));
    extensions.put("Margin__c", ExtensionValue.of(dec("12.50")));
    extensions.put("Key_Account__c", ExtensionValue.of(true));
    extensions.put("Review_Date__c", ExtensionValue.of(DATE));
    extensions.put("Last_Contact__c", ExtensionValue.of(INSTANT));
    return extensions;
  }

  static Address fullAddress() {
    return Address.builder()
        .line1("1 High Street")
        .line2("Unit 4")
        .town("Leeds")
        .county("West Yorkshire")
        .line5("Building B")
        .postcode("LS1 4AB")
        .country("United Kingdom")
        .countryCode("GB")
        .build();
  }

  static Account fullAccount() {
    return Account.builder()
        .code("ABAP01")
        .role(AccountRole.CUSTOMER)
        .name("Abbey Plumbing Ltd")
        .billingAddress(fullAddress())
        .deliveryAddress(fullAddress().toBuilder().line1("Dock 7").build())
        .phone("0113 496 0000")
        .fax("0113 496 0001")
        .email("accounts@abbey.example")
        .defaultWarehouse("LDS")
        .invoiceTo("ABAP00")
        .onStop(true)
        .closed(true)
        .currency("GBP")
        .creditLimit(gbp("5000.00"))
        .overallDiscount(dec("2.50"))
        .priceBand("B")
        .compoundOverallDiscount(-1)
        .vatCode("S")
        .vatRegistration("GB123456789")
        .settlementDiscount(dec("1.250"))
        .settlementDays(30)
        .department("SAL")
        .costCentre("NTH")
        .salesGlCode("4000")
        .extensions(allExtensionKinds())
        .build();
  }

  static Contact fullContact() {
    return Contact.builder()
        .accountCode("ABAP01")
        .title("Mrs")
        .firstName("Ann")
        .lastName("Abbey")
        .salutation("Mrs Ann Abbey")
        .email("ann@abbey.example")
        .phone("07700 900123")
        .roleCode("BUYER")
        .extensions(allExtensionKinds())
        .build();
  }

  static AccountBalances fullAccountBalances() {
    return AccountBalances.builder()
        .accountCode("ABAP01")
        .currency("GBP")
        .balance(dec("1234.50"))
        .monthToDate(dec("300.00"))
        .yearToDate(dec("2500.10"))
        .lastYearToDate(dec("1999.99"))
        .creditLimit(dec("5000.00"))
        .onStop(true)
        .year(2026)
        .period(3)
        .extensions(allExtensionKinds())
        .build();
  }

  static Product fullProduct() {
    return Product.builder()
        .code("WIDGET-01")
        .altCode("W01")
        .description("Brass widget")
        .extendedDescription(List.of("15 mm", "Pack of 10"))
        .categoryCode("FITTINGS")
        .discountMatrixCode("WIDGET-01")
        .allowOverallDiscount(false)
        .unitOfSale("Box")
        .defaultWarehouse("LDS")
        .binLocation("A-12")
        .costCentre("NTH")
        .department("SAL")
        .sellPrice(gbp("12.50"))
        .costPrice(gbp("7.125"))
        .packUnit("Box of 10")
        .vatCode("S")
        .barcode("5012345678900")
        .quantityType(QuantityType.FACTOR)
        .quantityFactor(dec("10.00"))
        .quantityDecimals(3)
        .allowSplit(true)
        .stocked(false)
        .obsolete(true)
        .purchaseCost(eur("6.4000"))
        .unitWeight(Weight.of("2.50", Weight.KILOGRAMS))
        .extensions(allExtensionKinds())
        .build();
  }

  static ProductCategory fullProductCategory() {
    return ProductCategory.builder()
        .code("FITTINGS")
        .description("Fittings")
        .parentCode("PLUMBING")
        .extensions(allExtensionKinds())
        .build();
  }

  static Warehouse fullWarehouse() {
    return Warehouse.builder().code("LDS").name("Leeds depot").extensions(allExtensionKinds()).build();
  }

  static StockLevel fullStockLevel() {
    return StockLevel.builder()
        .productCode("WIDGET-01")
        .warehouseCode("LDS")
        .inStock(dec("120.000"))
        .allocated(dec("20.500"))
        .onOrder(dec("50.000"))
        .free(dec("99.500"))
        .picked(dec("3.000"))
        .binLocation("A-12")
        .extensions(allExtensionKinds())
        .build();
  }

  static Price fullPrice() {
    return Price.builder()
        .productCode("WIDGET-01")
        .priceBook("A")
        .unitPrice(gbp("12.50"))
        .active(false)
        .extensions(allExtensionKinds())
        .build();
  }

  static SalesLine fullSalesLine() {
    return SalesLine.builder()
        .lineNumber(1)
        .externalReference("0QL000000000001AAA")
        .productCode("WIDGET-01")
        .description("Brass widget")
        .quantity(dec("3.000"))
        .unitPrice(gbp("12.50"))
        .discountPercent(dec("5.00"))
        .netAmount(gbp("35.63"))
        .vatCode("S")
        .warehouseCode("LDS")
        .deliveryDate(DATE.plusDays(7))
        .extensions(allExtensionKinds())
        .build();
  }

  static Quote fullQuote() {
    return Quote.builder()
        .number("SQU000123")
        .externalReference("Q-00042")
        .accountCode("ABAP01")
        .name("Spring refit")
        .status(QuoteStatus.ACCEPTED)
        .date(DATE)
        .expiryDate(DATE.plusDays(30))
        .customerReference("PO-778")
        .currency("GBP")
        .priceBook("A")
        .opportunityReference("006000000000001AAA")
        .deliveryAddress(fullAddress())
        .lines(List.of(fullSalesLine(), fullSalesLine().toBuilder().lineNumber(2).build()))
        .netTotal(gbp("71.26"))
        .taxTotal(gbp("14.25"))
        .extensions(allExtensionKinds())
        .build();
  }

  static Order fullOrder() {
    return Order.builder()
        .number("SOR000123")
        .externalReference("00000100")
        .accountCode("ABAP01")
        .status(OrderStatus.PARTIALLY_DELIVERED)
        .onHold(true)
        .quoteReference("SQU000123")
        .opportunityReference("006000000000001AAA")
        .orderDate(DATE)
        .requestedDate(DATE.plusDays(7))
        .customerReference("PO-778")
        .currency("GBP")
        .priceBook("A")
        .deliveryAddress(fullAddress())
        .addLine(fullSalesLine())
        .netTotal(gbp("35.63"))
        .taxTotal(gbp("7.13"))
        .outstandingTotal(gbp("11.88"))
        .extensions(allExtensionKinds())
        .build();
  }

  static DeliveryLine fullDeliveryLine() {
    return DeliveryLine.builder()
        .lineNumber(1)
        .orderLineNumber(1)
        .productCode("WIDGET-01")
        .description("Brass widget")
        .quantity(dec("2.000"))
        .pickedQuantity(dec("2.000"))
        .warehouseCode("LDS")
        .extensions(allExtensionKinds())
        .build();
  }

  static Delivery fullDelivery() {
    return Delivery.builder()
        .number("SDN000045")
        .externalReference("a0D000000000001AAA")
        .orderNumber("SOR000123")
        .orderExternalReference("00000100")
        .accountCode("ABAP01")
        .date(DATE.plusDays(2))
        .customerReference("PO-778")
        .deliveryAddress(fullAddress())
        .addLine(fullDeliveryLine())
        .extensions(allExtensionKinds())
        .build();
  }

  static InvoiceLine fullInvoiceLine() {
    return InvoiceLine.builder()
        .lineNumber(1)
        .productCode("WIDGET-01")
        .description("Brass widget")
        .extendedDescription(List.of("15 mm", "Pack of 10"))
        .deliveryReference("SDN000045")
        .glCode("4000")
        .department("SAL")
        .costCentre("NTH")
        .warehouseCode("LDS")
        .analysisCode("LABOUR")
        .jobCode("JOB001")
        .orderQuantity(dec("3.000"))
        .deliveredQuantity(dec("3.000"))
        .invoiceQuantity(dec("3.000"))
        .quantityType(QuantityType.DECIMAL)
        .quantityFactor(dec("1"))
        .unitPrice(eur("12.50"))
        .costPrice(eur("7.125"))
        .costValue(eur("21.375"))
        .netValue(eur("37.50"))
        .grossValue(eur("45.00"))
        .baseNetValue(gbp("32.10"))
        .baseGrossValue(gbp("38.52"))
        .currency("EUR")
        .deliveryDate(DATE.plusDays(2))
        .dueDate(DATE.plusDays(30))
        .expireDate(DATE.plusYears(1))
        .contract("SC-2026-07")
        .userFields(List.of("one", "", "2027-03-15", "SC-2026-07"))
        .extensions(allExtensionKinds())
        .build();
  }

  static Invoice fullInvoice() {
    return Invoice.builder()
        .number("SIN000123")
        .accountCode("ABAP01")
        .ledgerAccount("ABAP01")
        .quoteReference("Q-00042")
        .orderNumber("SOR000123")
        .customerReference("PO-778")
        .invoiceDate(DATE.plusDays(3))
        .orderDate(DATE)
        .dueDate(DATE.plusDays(33))
        .currency("EUR")
        .addLine(fullInvoiceLine())
        .netTotal(eur("37.50"))
        .taxTotal(eur("7.50"))
        .grossTotal(eur("45.00"))
        .extensions(allExtensionKinds())
        .build();
  }

  static InvoiceLine creditLine() {
    InvoiceLine line = fullInvoiceLine();
    return line.toBuilder()
        .unitPrice(line.unitPrice().orElseThrow().negate())
        .costPrice(line.costPrice().orElseThrow().negate())
        .netValue(line.netValue().orElseThrow().negate())
        .grossValue(line.grossValue().orElseThrow().negate())
        .build();
  }

  static CreditNote fullCreditNote() {
    return CreditNote.builder()
        .number("SCR000012")
        .invoiceNumber("SIN000123-")
        .orderNumber("SOR000123")
        .accountCode("ABAP01")
        .ledgerAccount("ABAP01")
        .customerReference("PO-778")
        .quoteReference("Q-00042")
        .creditDate(DATE.plusDays(10))
        .dueDate(DATE.plusDays(40))
        .currency("EUR")
        .addLine(creditLine())
        .netTotal(eur("-37.50"))
        .taxTotal(eur("-7.50"))
        .grossTotal(eur("-45.00"))
        .extensions(allExtensionKinds())
        .build();
  }

  static Payment fullPayment() {
    return Payment.builder()
        .invoiceNumber("SIN000123")
        .dueDate(DATE.plusDays(33))
        .paid(true)
        .outstanding(gbp("0.00"))
        .total(gbp("45.00"))
        .extensions(allExtensionKinds())
        .build();
  }

  static GlAccount fullGlAccount() {
    return GlAccount.builder()
        .code("4000")
        .description("Sales - UK")
        .type(GlAccountType.PROFIT_AND_LOSS)
        .parentCode("4")
        .obsolete(true)
        .extensions(allExtensionKinds())
        .build();
  }

  static Department fullDepartment() {
    return Department.builder().code("SAL").description("Sales").obsolete(true).extensions(allExtensionKinds()).build();
  }

  static CostCentre fullCostCentre() {
    return CostCentre.builder().code("NTH").description("North").obsolete(true).extensions(allExtensionKinds()).build();
  }

  static Job fullJob() {
    return Job.builder()
        .code("JOB001")
        .description("Refit of the Leeds office")
        .parentCode("CON001")
        .altCode("LEEDS")
        .contact("Ann Abbey")
        .manager("Bob Builder")
        .completed(true)
        .startDate(DATE)
        .endDate(DATE.plusMonths(3))
        .revisedEndDate(DATE.plusMonths(4))
        .recordType(JobRecordType.JOB)
        .jobTypeCode("REF")
        .chargeType(JobChargeType.FIXED_PRICE)
        .salesOrderNumber("SOR000123")
        .quotedPrice(eur("15000.00"))
        .qsCode("QS-7")
        .status(JobStatus.ACTIVE)
        .customerCode("ABAP01")
        .supplierCode("SUPP01")
        .userFields(List.of("u1", "", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "u10"))
        .extensions(allExtensionKinds())
        .build();
  }

  static Opportunity fullOpportunity() {
    return Opportunity.builder()
        .name("Spring refit")
        .accountCode("ABAP01")
        .stage("Closed Won")
        .closeDate(DATE)
        .amount(gbp("71.26"))
        .quoteReference("Q-00042")
        .extensions(allExtensionKinds())
        .build();
  }

  /** A fully populated instance of every record type of the model, value types included. */
  static List<Object> fullInstances() {
    return List.of(
        gbp("12.50"),
        Weight.of("2.50", "kg"),
        fullAddress(),
        fullAccount(),
        fullContact(),
        fullAccountBalances(),
        fullProduct(),
        fullProductCategory(),
        fullWarehouse(),
        fullStockLevel(),
        fullPrice(),
        fullSalesLine(),
        fullQuote(),
        fullOrder(),
        fullDeliveryLine(),
        fullDelivery(),
        fullInvoiceLine(),
        fullInvoice(),
        fullCreditNote(),
        fullPayment(),
        fullGlAccount(),
        fullDepartment(),
        fullCostCentre(),
        fullJob(),
        fullOpportunity());
  }

  /** An instance of every record type with only its required fields set. */
  static List<Object> minimalInstances() {
    return List.of(
        Money.of("0", "GBP"),
        Weight.of("0", "kg"),
        Address.builder().build(),
        Account.builder().role(AccountRole.PROSPECT).name("Abbey Plumbing Ltd").build(),
        Contact.builder().lastName("Abbey").build(),
        AccountBalances.builder().accountCode("ABAP01").currency("GBP").build(),
        Product.builder().code("WIDGET-01").build(),
        ProductCategory.builder().code("FITTINGS").build(),
        Warehouse.builder().code("LDS").build(),
        StockLevel.builder().productCode("WIDGET-01").warehouseCode("LDS").build(),
        Price.builder().productCode("WIDGET-01").priceBook("A").unitPrice(gbp("12.50")).build(),
        SalesLine.builder().quantity(dec("1")).build(),
        Quote.builder().number("SQU000123").build(),
        Order.builder().number("SOR000123").build(),
        DeliveryLine.builder().quantity(dec("1")).build(),
        Delivery.builder().number("SDN000045").build(),
        InvoiceLine.builder().build(),
        Invoice.builder().number("SIN000123").build(),
        CreditNote.builder().number("SCR000012").build(),
        Payment.builder().invoiceNumber("SIN000123").build(),
        GlAccount.builder().code("4000").build(),
        Department.builder().code("SAL").build(),
        CostCentre.builder().code("NTH").build(),
        Job.builder().code("JOB001").build(),
        Opportunity.builder().name("Spring refit").build());
  }
}
