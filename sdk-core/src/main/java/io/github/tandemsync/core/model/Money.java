package io.github.tandemsync.core.model;

import io.github.tandemsync.core.InvalidRecordException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in a currency. The amount keeps its scale ({@code 12.50} stays {@code 12.50}), which
 * carries the number of decimals the source uses for it.
 *
 * @param amount the amount, any sign
 * @param currency ISO 4217 code, three upper-case letters, e.g. {@code GBP}
 */
public record Money(BigDecimal amount, String currency) {
  private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (!ISO_4217.matcher(currency).matches()) {
      throw new InvalidRecordException("Money", null, "currency", "must be an ISO 4217 code like GBP, was '" + currency + "'");
    }
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  public static Money of(BigDecimal amount, String currency) {
    return new Money(amount, currency);
  }

  /** The same money with the amount negated (credits are stored positive and shown negative). */
  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /** Compares amounts numerically (ignoring scale) and currencies exactly. */
  public boolean sameValueAs(Money other) {
    return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
