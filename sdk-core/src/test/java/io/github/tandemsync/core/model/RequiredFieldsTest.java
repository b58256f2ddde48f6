package io.github.tandemsync.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.InvalidRecordException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every builder rejects each missing required identity with an error naming the entity and the field. */
class RequiredFieldsTest {

  /** One row per required field: the entity, the field, and a build that leaves just that field out. */
  static Stream<Arguments> missingRequiredFields() {
    return Stream.of(
        missing("Account", "role", () -> Account.builder().name("Abbey Plumbing Ltd").build()),
        missing("Account", "name", () -> Account.builder().role(AccountRole.CUSTOMER).build()),
        missing("Contact", "lastName", () -> Contact.builder().firstName("Ann").build()),
        missing("AccountBalances", "accountCode", () -> AccountBalances.builder().currency("GBP").build()),
        missing("AccountBalances", "currency", () -> AccountBalances.builder().accountCode("ABAP01").build()),
        missing("Product", "code", () -> Product.builder().description("Brass widget").build()),
        missing("ProductCategory", "code", () -> ProductCategory.builder().description("Fittings").build()),
        missing("Warehouse", "code", () -> Warehouse.builder().name("Leeds depot").build()),
        missing("StockLevel", "productCode", () -> StockLevel.builder().warehouseCode("LDS").build()),
        missing("StockLevel", "warehouseCode", () -> StockLevel.builder().productCode("WIDGET-01").build()),
        missing("Price", "productCode", () -> Price.builder().priceBook("A").unitPrice(gbp()).build()),
        missing("Price", "priceBook", () -> Price.builder().productCode("WIDGET-01").unitPrice(gbp()).build()),
        missing("Price", "unitPrice", () -> Price.builder().productCode("WIDGET-01").priceBook("A").build()),
        missing("SalesLine", "quantity", () -> SalesLine.builder().productCode("WIDGET-01").build()),
        missing("Quote", "number", () -> Quote.builder().accountCode("ABAP01").build()),
        missing("Order", "number", () -> Order.builder().accountCode("ABAP01").build()),
        missing("DeliveryLine", "quantity", () -> DeliveryLine.builder().productCode("WIDGET-01").build()),
        missing("Delivery", "number", () -> Delivery.builder().orderNumber("SOR000123").build()),
        missing("Invoice", "number", () -> Invoice.builder().accountCode("ABAP01").build()),
        missing("CreditNote", "number", () -> CreditNote.builder().invoiceNumber("SIN000123").build()),
        missing("Payment", "invoiceNumber", () -> Payment.builder().paid(true).build()),
        missing("GlAccount", "code", () -> GlAccount.builder().description("Sales").build()),
        missing("Department", "code", () -> Department.builder().description("Sales").build()),
        missing("CostCentre", "code", () -> CostCentre.builder().description("North").build()),
        missing("Job", "code", () -> Job.builder().description("Refit").build()),
        missing("Opportunity", "name", () -> Opportunity.builder().stage("Prospecting").build()),
        missing("Money", "amount", () -> new Money(nothing(), "GBP")),
        missing("Money", "currency", () -> new Money(BigDecimal.ONE, nothing())),
        missing("Weight", "value", () -> new Weight(nothing(), "kg")),
        missing("Weight", "unit", () -> new Weight(BigDecimal.ONE, nothing())));
  }

  /** Blank text is no identity either. */
  static Stream<Arguments> blankRequiredText() {
    return Stream.of(
        missing("Account", "name", () -> Account.builder().role(AccountRole.CUSTOMER).name(" ").build()),
        missing("Contact", "lastName", () -> Contact.builder().lastName("").build()),
        missing("AccountBalances", "accountCode", () -> AccountBalances.builder().accountCode(" ").currency("GBP").build()),
        missing("Product", "code", () -> Product.builder().code("  ").build()),
        missing("ProductCategory", "code", () -> ProductCategory.builder().code("").build()),
        missing("Warehouse", "code", () -> Warehouse.builder().code(" ").build()),
        missing("StockLevel", "warehouseCode", () -> StockLevel.builder().productCode("WIDGET-01").warehouseCode("").build()),
        missing("Price", "priceBook", () -> Price.builder().productCode("WIDGET-01").priceBook(" ").unitPrice(gbp()).build()),
        missing("Quote", "number", () -> Quote.builder().number(" ").externalReference("").build()),
        missing("Order", "number", () -> Order.builder().number("").build()),
        missing("Delivery", "number", () -> Delivery.builder().externalReference("  ").build()),
        missing("Invoice", "number", () -> Invoice.builder().number(" ").build()),
        missing("CreditNote", "number", () -> CreditNote.builder().number("").build()),
        missing("Payment", "invoiceNumber", () -> Payment.builder().invoiceNumber(" ").build()),
        missing("GlAccount", "code", () -> GlAccount.builder().code("").build()),
        missing("Department", "code", () -> Department.builder().code(" ").build()),
        missing("CostCentre", "code", () -> CostCentre.builder().code(" ").build()),
        missing("Job", "code", () -> Job.builder().code("").build()),
        missing("Opportunity", "name", () -> Opportunity.builder().name(" ").build()),
        missing("Weight", "unit", () -> Weight.of("1.00", " ")));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("missingRequiredFields")
  void missingRequiredFieldIsNamed(String entity, String field, Supplier<?> build) {
    assertNamesEntityAndField(entity, field, build);
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("blankRequiredText")
  void blankRequiredTextIsNamed(String entity, String field, Supplier<?> build) {
    assertNamesEntityAndField(entity, field, build);
  }

  @Test
  void tableCoversEveryTopLevelEntity() {
    Map<String, List<String>> byEntity = requiredByEntity();
    for (var type : EntityTypes.all()) {
      assertTrue(byEntity.containsKey(type.javaType().getSimpleName()), "no required-field row for " + type);
    }
  }

  @Test
  void documentsNeedNumberOrExternalReferenceOnly() {
    assertEquals(Optional.of("Q-1"), Quote.builder().externalReference("Q-1").build().externalReference());
    assertEquals(Optional.of("SQU000001"), Quote.builder().number("SQU000001").build().number());
    assertEquals(Optional.of("801-1"), Order.builder().externalReference("801-1").build().externalReference());
    assertEquals(Optional.of("a0D-1"), Delivery.builder().externalReference("a0D-1").build().externalReference());
  }

  /** The JSON property names each type cannot do without; the minimal-JSON test keeps only these. */
  static Map<String, List<String>> requiredByEntity() {
    return missingRequiredFields()
        .map(Arguments::get)
        .collect(Collectors.groupingBy(row -> (String) row[0], LinkedHashMap::new,
            Collectors.mapping(row -> (String) row[1], Collectors.toList())));
  }

  private static void assertNamesEntityAndField(String entity, String field, Supplier<?> build) {
    InvalidRecordException e = assertThrows(InvalidRecordException.class, build::get);
    assertEquals(entity, e.entity());
    assertEquals(Optional.of(field), e.field());
    assertTrue(e.getMessage().startsWith(entity + " "), e.getMessage());
    assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
    assertFalse(e.isRetryable(), "a missing field does not fix itself");
  }

  private static Arguments missing(String entity, String field, Supplier<?> build) {
    return Arguments.of(entity, field, build);
  }

  private static Money gbp() {
    return Money.of("12.50", "GBP");
  }

  /** A null where the type says non-null: what a buggy mapping or a JSON null hands over. */
  @SuppressWarnings("unchecked")
  private static <T> T nothing() {
    return (T) null;
  }
}
