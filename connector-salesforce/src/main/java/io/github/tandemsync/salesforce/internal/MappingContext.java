package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.salesforce.SalesforceNaming;

/**
 * What mappings need besides the record: the org's names and the currency to assume when a
 * Salesforce record carries none (single-currency orgs have no {@code CurrencyIsoCode}).
 *
 * @param naming API names
 * @param defaultCurrency ISO 4217 code
 * @param standardPriceBook the price book name that feeds Salesforce's standard price book
 */
record MappingContext(SalesforceNaming naming, String defaultCurrency, String standardPriceBook) {}
