package io.github.tandemsync.testkit.salesforce.internal;

import io.github.tandemsync.core.ConfigurationException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The currencies of a multi-currency org: the corporate currency and every active currency (the
 * corporate one included). Every object then has a {@code CurrencyIsoCode} field restricted to the
 * active currencies.
 *
 * @param corporate ISO 4217 code of the corporate currency, the default of new records
 * @param active ISO 4217 codes of the active currencies, sorted, the corporate one included
 */
public record OrgCurrencies(String corporate, Set<String> active) {
  /** The field every object of a multi-currency org has. */
  public static final String FIELD = "CurrencyIsoCode";

  public OrgCurrencies {
    check(corporate, "the corporate currency");
    TreeSet<String> all = new TreeSet<>();
    for (String code : active) {
      check(code, "an active currency");
      all.add(code);
    }
    all.add(corporate);
    active = Collections.unmodifiableSet(all);
  }

  private static void check(String code, String what) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      throw new ConfigurationException("multiCurrency: " + what + " must be an ISO 4217 code like GBP, was '" + code + "'");
    }
  }

  @Override
  public String toString() {
    return "corporate " + corporate + ", active " + active;
  }
}
