package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.salesforce.SalesforceNaming;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What mappings need besides the record: the org's names, the currency to assume when a
 * Salesforce record carries none (single-currency orgs have no {@code CurrencyIsoCode}) and, in a
 * multi-currency org, its currencies.
 *
 * @param naming API names
 * @param defaultCurrency ISO 4217 code: the org's currency in a single-currency org (connector
 *     setting), the integration user's default currency in a multi-currency org (from describe)
 * @param standardPriceBook the price book name that feeds Salesforce's standard price book
 * @param currencies the currencies of a multi-currency org; empty for a single-currency org
 */
record MappingContext(SalesforceNaming naming, String defaultCurrency, String standardPriceBook, Optional<OrgCurrencies> currencies) {
  /** Salesforce's record-currency field (multi-currency orgs only). */
  static final String CURRENCY_FIELD = "CurrencyIsoCode";

  /** A single-currency org's context. */
  MappingContext(SalesforceNaming naming, String defaultCurrency, String standardPriceBook) {
    this(naming, defaultCurrency, standardPriceBook, Optional.empty());
  }

  /**
   * The currencies of a multi-currency org, as describe shows the {@code CurrencyIsoCode} picklist.
   *
   * @param active the active currencies
   * @param fields per object (org name) that has {@code CurrencyIsoCode}, whether the integration
   *     user may set it on create and on update
   */
  record OrgCurrencies(Set<String> active, Map<String, Access> fields) {
    OrgCurrencies {
      active = Set.copyOf(active);
      fields = Map.copyOf(fields);
    }
  }

  /**
   * Whether {@code CurrencyIsoCode} may be written.
   *
   * @param createable on create
   * @param updateable on update
   */
  record Access(boolean createable, boolean updateable) {}

  boolean multiCurrency() {
    return currencies.isPresent();
  }

  /** How {@code CurrencyIsoCode} of an object (default name) can be written; empty when the object has none. */
  Optional<Access> currencyField(String defaultObject) {
    return currencies.flatMap(c -> Optional.ofNullable(c.fields().get(naming.object(defaultObject))));
  }
}
