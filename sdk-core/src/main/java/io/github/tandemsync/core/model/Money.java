package io.github.tandemsync.core.model;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.internal.Checks;
import java.math.BigDecimal;

/**
 * An amount in a currency. The amount keeps its scale ({@code 12.50} stays {@code 12.50}), which
 * carries the number of decimals the source uses for it.
 *
 * @param amount the amount, any sign
 * @param currency ISO 4217 code, three upper-case letters, e.g. {@code GBP}
 */
public record Money(BigDecimal amount, String currency) {
  static final String ENTITY = "Money";

  /**
   * Checks the amount and the currency.
   *
   * @throws InvalidRecordException if either is missing or the currency is not an ISO 4217 code
   */
  public Money {
    Checks.required(amount, ENTITY, "amount");
    Checks.required(currency, ENTITY, "currency");
    ModelChecks.currency(currency, ENTITY, "currency");
  }

  /**
   * Money from the amount's decimal text, keeping its scale: {@code Money.of("12.50", "GBP")}.
   *
   * @throws NumberFormatException if {@code amount} is not a decimal number
   * @throws InvalidRecordException if the currency is not an ISO 4217 code
   */
  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  /**
   * Money from an amount and a currency.
   *
   * @throws InvalidRecordException if the currency is not an ISO 4217 code
   */
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
