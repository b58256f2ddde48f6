package io.github.tandemsync.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.InvalidRecordException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The normalisation and validation rules the records apply beyond required fields. */
class ModelRulesTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    Product product = Product.builder().code("P").build();
    assertTrue(product.allowOverallDiscount());
    assertTrue(product.stocked());
    assertFalse(product.obsolete());
    assertFalse(product.allowSplit());
    assertEquals(QuantityType.DECIMAL, product.quantityType());
    assertEquals(BigDecimal.ONE, product.quantityFactor());
    assertEquals(0, product.quantityDecimals());
    assertTrue(Price.builder().productCode("P").priceBook("A").unitPrice(Money.of("1.00", "GBP")).build().active());
    assertEquals(QuoteStatus.DRAFT, Quote.builder().number("SQU000001").build().status());
    assertEquals(OrderStatus.DRAFT, Order.builder().number("SOR000001").build().status());
    StockLevel level = StockLevel.builder().productCode("P").warehouseCode("W").build();
    assertEquals(List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
        List.of(level.inStock(), level.allocated(), level.onOrder(), level.free(), level.picked()));
    AccountBalances balances = AccountBalances.builder().accountCode("A").currency("GBP").build();
    assertEquals(BigDecimal.ZERO, balances.balance());
    assertEquals(BigDecimal.ZERO, balances.lastYearToDate());
    InvoiceLine line = InvoiceLine.builder().build();
    assertEquals(BigDecimal.ZERO, line.invoiceQuantity());
  }

  @Test
  void canonicalConstructorTreatsNullsAsAbsent() {
    Warehouse warehouse = new Warehouse("LDS", null, null);
    assertEquals(Optional.empty(), warehouse.name());
    assertEquals(0, warehouse.extensions().size());
    StockLevel level = new StockLevel("P", "W", null, null, null, null, null, null, null);
    assertEquals(BigDecimal.ZERO, level.free());
  }

  @Test
  void blankDocumentNumberDoesNotCountAsIdentity() {
    Quote quote = Quote.builder().number(" ").externalReference("Q-1").build();
    assertEquals(Optional.empty(), quote.number());
    assertEquals(Optional.of("Q-1"), quote.externalReference());
  }

  @Test
  void nullLineIsNamedNotANullPointer() {
    List<SalesLine> lines = new ArrayList<>();
    lines.add(SalesLine.builder().quantity(BigDecimal.ONE).build());
    lines.add(null);
    InvalidRecordException e = assertThrows(InvalidRecordException.class,
        () -> Order.builder().number("SOR000001").lines(lines).build());
    assertEquals("Order", e.entity());
    assertEquals(Optional.of("lines"), e.field());
    assertTrue(e.getMessage().contains("index 1"), e.getMessage());
  }

  @Test
  void linesAreImmutableCopies() {
    List<InvoiceLine> lines = new ArrayList<>(List.of(InvoiceLine.builder().build()));
    Invoice invoice = Invoice.builder().number("SIN000001").lines(lines).build();
    lines.clear();
    assertEquals(1, invoice.lines().size());
    assertThrows(UnsupportedOperationException.class, () -> invoice.lines().clear());
  }

  @Test
  void extendedDescriptionKeepsOnlyNonBlankLines() {
    Product product = Product.builder().code("P")
        .extendedDescription(Arrays.asList("15 mm", "", null, "  ", "Pack of 10"))
        .addExtendedDescription(" ")
        .build();
    assertEquals(List.of("15 mm", "Pack of 10"), product.extendedDescription());
  }

  @Test
  void userFieldsKeepPositionsAndDropTrailingBlanks() {
    InvoiceLine line = InvoiceLine.builder().userFields(Arrays.asList("a", null, "c", "", "  ")).build();
    assertEquals(List.of("a", "", "c"), line.userFields());
    assertEquals(Optional.of("a"), line.userField(1));
    assertEquals(Optional.empty(), line.userField(2));
    assertEquals(Optional.of("c"), line.userField(3));
    assertEquals(Optional.empty(), line.userField(10));
    assertThrows(IllegalArgumentException.class, () -> line.userField(0));
    InvoiceLine allBlank = InvoiceLine.builder().userFields(List.of("", "", "", "")).build();
    assertEquals(InvoiceLine.builder().build(), allBlank, "ten empty slots equal none");
  }

  @Test
  void userFieldByPositionPadsEarlierSlots() {
    Job job = Job.builder().code("JOB001").userField(3, "third").userField(10, "tenth").build();
    assertEquals(List.of("", "", "third", "", "", "", "", "", "", "tenth"), job.userFields());
    assertEquals(Optional.of("tenth"), job.userField(10));
  }

  @Test
  void jobHoldsAtMostTenUserFields() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class,
        () -> Job.builder().code("JOB001").userField(11, "eleventh").build());
    assertEquals(Optional.of("userFields"), e.field());
    assertEquals(Optional.of("JOB001"), e.recordId());
  }

  @Test
  void productRejectsImpossibleQuantities() {
    InvalidRecordException factor = assertThrows(InvalidRecordException.class,
        () -> Product.builder().code("P").quantityFactor(BigDecimal.ZERO).build());
    assertEquals(Optional.of("quantityFactor"), factor.field());
    assertEquals(Optional.of("P"), factor.recordId());
    InvalidRecordException decimals = assertThrows(InvalidRecordException.class,
        () -> Product.builder().code("P").quantityDecimals(-1).build());
    assertEquals(Optional.of("quantityDecimals"), decimals.field());
    assertThrows(InvalidRecordException.class, () -> InvoiceLine.builder().quantityFactor(new BigDecimal("-1")).build());
  }

  @Test
  void balancesYearIsACalendarYear() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class,
        () -> AccountBalances.builder().accountCode("ABAP01").currency("GBP").year(126).build());
    assertEquals(Optional.of("year"), e.field());
    assertTrue(e.getMessage().contains("calendar year"), e.getMessage());
    assertThrows(InvalidRecordException.class,
        () -> AccountBalances.builder().accountCode("ABAP01").currency("GBP").period(0).build());
    assertEquals(Optional.of(2026), AccountBalances.builder().accountCode("A").currency("GBP").year(2026).build().year());
  }

  @Test
  void weightIsNotNegativeAndKeepsScale() {
    assertEquals(2, Weight.of("2.50", Weight.KILOGRAMS).value().scale());
    assertEquals("2.50 kg", Weight.kilograms(new BigDecimal("2.50")).toString());
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> Weight.of("-1", "kg"));
    assertEquals(Optional.of("value"), e.field());
  }

  @Test
  void addressIsEmptyIsNotSerialised() {
    assertTrue(Address.builder().build().isEmpty());
    assertFalse(ModelJson.write(ModelFixtures.fullAddress()).contains("empty"));
  }
}
