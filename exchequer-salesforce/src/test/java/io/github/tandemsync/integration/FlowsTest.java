package io.github.tandemsync.integration;

import static io.github.tandemsync.integration.ExchequerSalesforceIntegration.EXCHEQUER;
import static io.github.tandemsync.integration.ExchequerSalesforceIntegration.SALESFORCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.model.Account;
import io.github.tandemsync.core.model.AccountRole;
import io.github.tandemsync.core.model.Money;
import io.github.tandemsync.core.model.Price;
import io.github.tandemsync.core.model.Quote;
import io.github.tandemsync.engine.DeletePolicy;
import io.github.tandemsync.engine.FieldPolicy;
import io.github.tandemsync.engine.Flow;
import io.github.tandemsync.engine.state.Side;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The flow each capability becomes: directions, ownership, creation rules, deletes. */
class FlowsTest {

  @SuppressWarnings("unchecked")
  private static <T> Flow<T> flow(SyncCapability c, IntegrationSettings s) {
    return (Flow<T>) ExchequerSalesforceIntegration.flow(c, s);
  }

  @Test
  void everyCapabilityBecomesAFlowBetweenExchequerAndSalesforceInItsDirection() {
    IntegrationSettings s = IntegrationSettings.defaults();
    for (SyncCapability c : SyncCapability.values()) {
      Flow<?> f = flow(c, s);
      assertEquals(c.flowName(), f.name());
      assertEquals(c.entityType(), f.entityType());
      assertEquals(EXCHEQUER, f.connector(Side.LEFT));
      assertEquals(SALESFORCE, f.connector(Side.RIGHT));
      assertEquals(s.direction(c).erpToCrm() || c == SyncCapability.QUOTES, f.syncs(Side.LEFT), c.flowName());
      assertEquals(s.direction(c).crmToErp(), f.syncs(Side.RIGHT), c.flowName());
    }
  }

  @Test
  void accountsFollowTheDefaultOwnershipTable() {
    Flow<Account> accounts = flow(SyncCapability.ACCOUNTS, IntegrationSettings.defaults());
    for (String field : List.of("code", "creditLimit", "onStop", "closed", "vatCode", "currency")) {
      assertEquals(FieldPolicy.ownedBy(EXCHEQUER), accounts.policyFor(field), field);
    }
    for (String field : List.of("name", "phone", "email", "billingAddress.town", "extensions.Region__c")) {
      assertEquals(FieldPolicy.preferred(SALESFORCE), accounts.policyFor(field), field);
    }
    assertEquals(List.of("code"), accounts.matchKeys());
    assertEquals(DeletePolicy.markInactive("closed", true), accounts.deletePolicy());
  }

  @Test
  void ownershipOverridesReplaceTheDefault() {
    Flow<Account> accounts = flow(SyncCapability.ACCOUNTS,
        IntegrationSettings.builder().owner(SyncCapability.ACCOUNTS, "phone", EXCHEQUER).owner(SyncCapability.ACCOUNTS, "vatCode", SALESFORCE).build());
    assertEquals(FieldPolicy.ownedBy(EXCHEQUER), accounts.policyFor("phone"));
    assertEquals(FieldPolicy.ownedBy(SALESFORCE), accounts.policyFor("vatCode"));
  }

  @Test
  void prospectsStayInSalesforceAndSuppliersFollowTheSetting() {
    Flow<Account> off = flow(SyncCapability.ACCOUNTS, IntegrationSettings.defaults());
    Account prospect = Account.builder().name("Maybe").role(AccountRole.PROSPECT).build();
    Account customer = prospect.toBuilder().role(AccountRole.CUSTOMER).build();
    Account supplier = prospect.toBuilder().role(AccountRole.SUPPLIER).code("SUPP01").build();
    assertFalse(off.mayCreateFrom(Side.RIGHT, prospect));
    assertTrue(off.mayCreateFrom(Side.RIGHT, customer));
    assertFalse(off.mayCreateFrom(Side.LEFT, supplier));
    Flow<Account> on = flow(SyncCapability.ACCOUNTS, IntegrationSettings.builder().suppliers(true).build());
    assertTrue(on.mayCreateFrom(Side.LEFT, supplier));
  }

  @Test
  void quotesCreatedInExchequerNeverBecomeSalesforceQuotes() {
    Flow<Quote> quotes = flow(SyncCapability.QUOTES, IntegrationSettings.defaults());
    Quote q = Quote.builder().number("SQU000001").accountCode("ABAP01").build();
    assertFalse(quotes.mayCreateFrom(Side.LEFT, q));
    assertTrue(quotes.mayCreateFrom(Side.RIGHT, q));
    assertEquals(FieldPolicy.ownedBy(EXCHEQUER), quotes.policyFor("number"));
    Flow<Quote> off = flow(SyncCapability.QUOTES, IntegrationSettings.builder().off(SyncCapability.QUOTES).build());
    assertFalse(off.syncs(Side.LEFT));
    assertFalse(off.syncs(Side.RIGHT));
  }

  @Test
  void pricesCanBeLimitedToTheOrgsCurrencies() {
    Flow<Price> prices = flow(SyncCapability.PRICES, IntegrationSettings.builder().priceCurrencies(Set.of("GBP")).build());
    Price gbp = Price.builder().productCode("P1").priceBook("A").unitPrice(Money.of("1.00", "GBP")).build();
    Price eur = gbp.toBuilder().unitPrice(Money.of("1.20", "EUR")).build();
    assertTrue(prices.mayCreateFrom(Side.LEFT, gbp));
    assertFalse(prices.mayCreateFrom(Side.LEFT, eur));
    assertTrue(flow(SyncCapability.PRICES, IntegrationSettings.defaults()).mayCreateFrom(Side.LEFT, eur));
  }

  @Test
  void oneWayCapabilitiesBelongToExchequer() {
    for (SyncCapability c : List.of(SyncCapability.INVOICES, SyncCapability.BALANCES, SyncCapability.STOCK_LEVELS)) {
      assertEquals(FieldPolicy.ownedBy(EXCHEQUER), flow(c, IntegrationSettings.defaults()).policyFor("anything"), c.flowName());
    }
  }
}
