package io.github.tandemsync.core.model;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.internal.Checks;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An account's ledger figures, read from the ERP and shown in the CRM: balance, turnover this
 * month, this year and last year to date, credit limit and on-stop flag. Amounts are in
 * {@link #currency()}, normally the ERP's base currency (Exchequer's consolidated history, currency 0).
 *
 * <p>The balance is in the ledger's natural sense: for a customer, positive means the customer owes
 * us; for a supplier, positive means we owe the supplier.
 *
 * @param accountCode code of the account the figures belong to (Exchequer {@code acCode})
 * @param currency ISO 4217 code of the amounts
 * @param balance outstanding balance in the ledger's natural sense (seed 001
 *     {@code acHistory.acBalance}); 0 when unknown
 * @param monthToDate turnover of the current period
 * @param yearToDate turnover of the current year up to and including the current period
 * @param lastYearToDate turnover of the previous year up to the same period
 * @param creditLimit most credit allowed, in {@code currency} (Exchequer {@code acCreditLimit})
 * @param onStop the account is on hold (Exchequer {@code acAccStatus} 2)
 * @param year calendar year the figures are for, e.g. {@code 2026} (not Exchequer's year − 1900)
 * @param period financial period of {@code year} the figures are for, from 1
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record AccountBalances(
    String accountCode,
    String currency,
    BigDecimal balance,
    BigDecimal monthToDate,
    BigDecimal yearToDate,
    BigDecimal lastYearToDate,
    Optional<BigDecimal> creditLimit,
    boolean onStop,
    Optional<Integer> year,
    Optional<Integer> period,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "AccountBalances";

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code accountCode} or {@code currency}
   *     is missing, {@code currency} is not an ISO 4217 code, {@code year} is not a calendar year or
   *     {@code period} is below 1
   */
  public AccountBalances {
    Checks.required(accountCode, ENTITY, "accountCode");
    Checks.required(currency, ENTITY, "currency");
    balance = Objects.requireNonNullElse(balance, BigDecimal.ZERO);
    monthToDate = Objects.requireNonNullElse(monthToDate, BigDecimal.ZERO);
    yearToDate = Objects.requireNonNullElse(yearToDate, BigDecimal.ZERO);
    lastYearToDate = Objects.requireNonNullElse(lastYearToDate, BigDecimal.ZERO);
    creditLimit = Checks.optional(creditLimit);
    year = Checks.optional(year);
    period = Checks.optional(period);
    extensions = Checks.map(extensions);
    ModelChecks.currency(currency, ENTITY, "currency");
    if (year.isPresent() && year.get() <= 1900) {
      throw new InvalidRecordException(ENTITY, accountCode, "year",
          "must be a calendar year like 2026, was " + year.get());
    }
    if (period.isPresent() && period.get() < 1) {
      throw new InvalidRecordException(ENTITY, accountCode, "period",
          "must be 1 or more, was " + period.get());
    }
  }

  /**
   * A new builder, every optional field empty; {@code accountCode} and {@code currency} must be set
   * before {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountCode = accountCode;
    b.currency = currency;
    b.balance = balance;
    b.monthToDate = monthToDate;
    b.yearToDate = yearToDate;
    b.lastYearToDate = lastYearToDate;
    b.creditLimit = creditLimit;
    b.onStop = onStop;
    b.year = year;
    b.period = period;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds an {@link AccountBalances}; {@code accountCode} and {@code currency} are required. */
  public static final class Builder {
    private @Nullable String accountCode;
    private @Nullable String currency;
    private BigDecimal balance = BigDecimal.ZERO;
    private BigDecimal monthToDate = BigDecimal.ZERO;
    private BigDecimal yearToDate = BigDecimal.ZERO;
    private BigDecimal lastYearToDate = BigDecimal.ZERO;
    private Optional<BigDecimal> creditLimit = Optional.empty();
    private boolean onStop;
    private Optional<Integer> year = Optional.empty();
    private Optional<Integer> period = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link AccountBalances#accountCode()}. */
    public Builder accountCode(String value) {
      this.accountCode = value;
      return this;
    }

    /** Sets {@link AccountBalances#currency()}. */
    public Builder currency(String value) {
      this.currency = value;
      return this;
    }

    /** Sets {@link AccountBalances#balance()}. */
    public Builder balance(BigDecimal value) {
      this.balance = value;
      return this;
    }

    /** Sets {@link AccountBalances#monthToDate()}. */
    public Builder monthToDate(BigDecimal value) {
      this.monthToDate = value;
      return this;
    }

    /** Sets {@link AccountBalances#yearToDate()}. */
    public Builder yearToDate(BigDecimal value) {
      this.yearToDate = value;
      return this;
    }

    /** Sets {@link AccountBalances#lastYearToDate()}. */
    public Builder lastYearToDate(BigDecimal value) {
      this.lastYearToDate = value;
      return this;
    }

    /** Sets {@link AccountBalances#creditLimit()}. */
    public Builder creditLimit(BigDecimal value) {
      return creditLimit(Optional.of(value));
    }

    /** Sets {@link AccountBalances#creditLimit()}; empty clears it. */
    public Builder creditLimit(Optional<BigDecimal> value) {
      this.creditLimit = value;
      return this;
    }

    /** Sets {@link AccountBalances#onStop()}. */
    public Builder onStop(boolean value) {
      this.onStop = value;
      return this;
    }

    /** Sets {@link AccountBalances#year()}. */
    public Builder year(int value) {
      return year(Optional.of(value));
    }

    /** Sets {@link AccountBalances#year()}; empty clears it. */
    public Builder year(Optional<Integer> value) {
      this.year = value;
      return this;
    }

    /** Sets {@link AccountBalances#period()}. */
    public Builder period(int value) {
      return period(Optional.of(value));
    }

    /** Sets {@link AccountBalances#period()}; empty clears it. */
    public Builder period(Optional<Integer> value) {
      this.period = value;
      return this;
    }

    /**
     * Sets a bespoke field.
     *
     * @param key the extension's name
     * @param value text, a number, a flag, a date, an instant or an {@link ExtensionValue}; see
     *     {@link ExtensionValue#ofRaw(Object)}
     * @return this builder
     */
    public Builder extension(String key, Object value) {
      this.extensions.put(key, ExtensionValue.ofRaw(value));
      return this;
    }

    /** Removes a bespoke field. */
    public Builder removeExtension(String key) {
      this.extensions.remove(key);
      return this;
    }

    /** Replaces all bespoke fields. */
    public Builder extensions(Map<String, ExtensionValue> values) {
      this.extensions.clear();
      this.extensions.putAll(values);
      return this;
    }

    /**
     * Builds the {@link AccountBalances}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code accountCode} or
     *     {@code currency} is missing, {@code currency} is not an ISO 4217 code, {@code year} is not a
     *     calendar year or {@code period} is below 1
     */
    public AccountBalances build() {
      return new AccountBalances(accountCode, currency, balance, monthToDate, yearToDate, lastYearToDate,
          creditLimit, onStop, year, period, extensions);
    }
  }
}
