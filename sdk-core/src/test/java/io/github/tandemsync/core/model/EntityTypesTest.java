package io.github.tandemsync.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.EntityType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EntityTypesTest {

  @Test
  void namesAndTypesAreTheDocumentedOnes() {
    Map<String, Class<?>> expected = new LinkedHashMap<>();
    expected.put("account", Account.class);
    expected.put("contact", Contact.class);
    expected.put("accountBalances", AccountBalances.class);
    expected.put("product", Product.class);
    expected.put("productCategory", ProductCategory.class);
    expected.put("warehouse", Warehouse.class);
    expected.put("stockLevel", StockLevel.class);
    expected.put("price", Price.class);
    expected.put("quote", Quote.class);
    expected.put("order", Order.class);
    expected.put("delivery", Delivery.class);
    expected.put("invoice", Invoice.class);
    expected.put("creditNote", CreditNote.class);
    expected.put("payment", Payment.class);
    expected.put("glAccount", GlAccount.class);
    expected.put("department", Department.class);
    expected.put("costCentre", CostCentre.class);
    expected.put("job", Job.class);
    expected.put("opportunity", Opportunity.class);
    Map<String, Class<?>> actual = EntityTypes.all().stream()
        .collect(Collectors.toMap(EntityType::name, EntityType::javaType, (a, b) -> a, LinkedHashMap::new));
    assertEquals(expected, actual);
    assertEquals(expected.size(), EntityTypes.all().size(), "no duplicates");
  }

  @Test
  void constantsAreTheListedInstances() {
    List<EntityType<?>> constants = List.of(EntityTypes.ACCOUNT, EntityTypes.CONTACT, EntityTypes.ACCOUNT_BALANCES,
        EntityTypes.PRODUCT, EntityTypes.PRODUCT_CATEGORY, EntityTypes.WAREHOUSE, EntityTypes.STOCK_LEVEL,
        EntityTypes.PRICE, EntityTypes.QUOTE, EntityTypes.ORDER, EntityTypes.DELIVERY, EntityTypes.INVOICE,
        EntityTypes.CREDIT_NOTE, EntityTypes.PAYMENT, EntityTypes.GL_ACCOUNT, EntityTypes.DEPARTMENT,
        EntityTypes.COST_CENTRE, EntityTypes.JOB, EntityTypes.OPPORTUNITY);
    assertEquals(constants, EntityTypes.all());
  }

  @Test
  void byNameFindsEachTypeAndNothingElse() {
    for (EntityType<?> type : EntityTypes.all()) {
      assertSame(type, EntityTypes.byName(type.name()).orElseThrow());
    }
    assertEquals(Optional.empty(), EntityTypes.byName("Account"));
    assertEquals(Optional.empty(), EntityTypes.byName("salesLine"));
    assertEquals(Optional.empty(), EntityTypes.byName(""));
  }

  @Test
  void allIsImmutable() {
    assertTrue(isUnmodifiable(EntityTypes.all()));
  }

  private static boolean isUnmodifiable(List<EntityType<?>> list) {
    try {
      list.add(EntityTypes.ACCOUNT);
      return false;
    } catch (UnsupportedOperationException expected) {
      return true;
    }
  }
}
