package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sales credit note (Exchequer {@code SCR}, seed 001 "Sales Credits").
 *
 * <p>Values are signed as a credit: prices, costs and totals are negative. Exchequer stores them
 * positive; the connector negates them when reading and again when writing.
 *
 * @param number the credit note number (Exchequer {@code thOurRef}, e.g. {@code SCR000012})
 * @param invoiceNumber number of the {@link Invoice} credited
 * @param orderNumber number of the {@link Order} credited (seed 001: the credit's {@code thYourRef})
 * @param accountCode code of the customer {@link Account}
 * @param ledgerAccount the account code on the credit note header itself (Exchequer {@code thAcCode})
 * @param customerReference the customer's own reference (Exchequer {@code thLongYourRef})
 * @param quoteReference the CRM quote reference of the order credited
 * @param creditDate date of the credit note (Exchequer {@code thTransDate})
 * @param dueDate due date (Exchequer {@code thDueDate})
 * @param currency ISO 4217 code of the document's amounts
 * @param lines the credit note's lines, in document order, values negative
 * @param netTotal total before tax, negative
 * @param taxTotal total tax, negative
 * @param grossTotal total including tax, negative
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record CreditNote(
    String number,
    Optional<String> invoiceNumber,
    Optional<String> orderNumber,
    Optional<String> accountCode,
    Optional<String> ledgerAccount,
    Optional<String> customerReference,
    Optional<String> quoteReference,
    Optional<LocalDate> creditDate,
    Optional<LocalDate> dueDate,
    Optional<String> currency,
    List<InvoiceLine> lines,
    Optional<Money> netTotal,
    Optional<Money> taxTotal,
    Optional<Money> grossTotal,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "CreditNote";

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code number} is missing or blank, or
   *     {@code currency} is not an ISO 4217 code
   */
  public CreditNote {
    Checks.required(number, ENTITY, "number");
    invoiceNumber = Checks.optional(invoiceNumber);
    orderNumber = Checks.optional(orderNumber);
    accountCode = Checks.optional(accountCode);
    ledgerAccount = Checks.optional(ledgerAccount);
    customerReference = Checks.optional(customerReference);
    quoteReference = Checks.optional(quoteReference);
    creditDate = Checks.optional(creditDate);
    dueDate = Checks.optional(dueDate);
    currency = Checks.optional(currency);
    lines = ModelChecks.entries(lines, ENTITY, "lines");
    netTotal = Checks.optional(netTotal);
    taxTotal = Checks.optional(taxTotal);
    grossTotal = Checks.optional(grossTotal);
    extensions = Checks.map(extensions);
    ModelChecks.currency(currency, ENTITY, "currency");
  }

  /**
   * A new builder, every optional field empty; {@code number} must be set before
   * {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.number = number;
    b.invoiceNumber = invoiceNumber;
    b.orderNumber = orderNumber;
    b.accountCode = accountCode;
    b.ledgerAccount = ledgerAccount;
    b.customerReference = customerReference;
    b.quoteReference = quoteReference;
    b.creditDate = creditDate;
    b.dueDate = dueDate;
    b.currency = currency;
    b.lines.addAll(lines);
    b.netTotal = netTotal;
    b.taxTotal = taxTotal;
    b.grossTotal = grossTotal;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link CreditNote}; {@code number} is required. */
  public static final class Builder {
    private @Nullable String number;
    private Optional<String> invoiceNumber = Optional.empty();
    private Optional<String> orderNumber = Optional.empty();
    private Optional<String> accountCode = Optional.empty();
    private Optional<String> ledgerAccount = Optional.empty();
    private Optional<String> customerReference = Optional.empty();
    private Optional<String> quoteReference = Optional.empty();
    private Optional<LocalDate> creditDate = Optional.empty();
    private Optional<LocalDate> dueDate = Optional.empty();
    private Optional<String> currency = Optional.empty();
    private final List<InvoiceLine> lines = new ArrayList<>();
    private Optional<Money> netTotal = Optional.empty();
    private Optional<Money> taxTotal = Optional.empty();
    private Optional<Money> grossTotal = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link CreditNote#number()}. */
    public Builder number(String value) {
      this.number = value;
      return this;
    }

    /** Sets {@link CreditNote#invoiceNumber()}. */
    public Builder invoiceNumber(String value) {
      return invoiceNumber(Optional.of(value));
    }

    /** Sets {@link CreditNote#invoiceNumber()}; empty clears it. */
    public Builder invoiceNumber(Optional<String> value) {
      this.invoiceNumber = value;
      return this;
    }

    /** Sets {@link CreditNote#orderNumber()}. */
    public Builder orderNumber(String value) {
      return orderNumber(Optional.of(value));
    }

    /** Sets {@link CreditNote#orderNumber()}; empty clears it. */
    public Builder orderNumber(Optional<String> value) {
      this.orderNumber = value;
      return this;
    }

    /** Sets {@link CreditNote#accountCode()}. */
    public Builder accountCode(String value) {
      return accountCode(Optional.of(value));
    }

    /** Sets {@link CreditNote#accountCode()}; empty clears it. */
    public Builder accountCode(Optional<String> value) {
      this.accountCode = value;
      return this;
    }

    /** Sets {@link CreditNote#ledgerAccount()}. */
    public Builder ledgerAccount(String value) {
      return ledgerAccount(Optional.of(value));
    }

    /** Sets {@link CreditNote#ledgerAccount()}; empty clears it. */
    public Builder ledgerAccount(Optional<String> value) {
      this.ledgerAccount = value;
      return this;
    }

    /** Sets {@link CreditNote#customerReference()}. */
    public Builder customerReference(String value) {
      return customerReference(Optional.of(value));
    }

    /** Sets {@link CreditNote#customerReference()}; empty clears it. */
    public Builder customerReference(Optional<String> value) {
      this.customerReference = value;
      return this;
    }

    /** Sets {@link CreditNote#quoteReference()}. */
    public Builder quoteReference(String value) {
      return quoteReference(Optional.of(value));
    }

    /** Sets {@link CreditNote#quoteReference()}; empty clears it. */
    public Builder quoteReference(Optional<String> value) {
      this.quoteReference = value;
      return this;
    }

    /** Sets {@link CreditNote#creditDate()}. */
    public Builder creditDate(LocalDate value) {
      return creditDate(Optional.of(value));
    }

    /** Sets {@link CreditNote#creditDate()}; empty clears it. */
    public Builder creditDate(Optional<LocalDate> value) {
      this.creditDate = value;
      return this;
    }

    /** Sets {@link CreditNote#dueDate()}. */
    public Builder dueDate(LocalDate value) {
      return dueDate(Optional.of(value));
    }

    /** Sets {@link CreditNote#dueDate()}; empty clears it. */
    public Builder dueDate(Optional<LocalDate> value) {
      this.dueDate = value;
      return this;
    }

    /** Sets {@link CreditNote#currency()}. */
    public Builder currency(String value) {
      return currency(Optional.of(value));
    }

    /** Sets {@link CreditNote#currency()}; empty clears it. */
    public Builder currency(Optional<String> value) {
      this.currency = value;
      return this;
    }

    /** Replaces {@link CreditNote#lines()}. */
    public Builder lines(List<InvoiceLine> values) {
      this.lines.clear();
      this.lines.addAll(values);
      return this;
    }

    /** Appends one entry to {@link CreditNote#lines()}. */
    public Builder addLine(InvoiceLine value) {
      this.lines.add(value);
      return this;
    }

    /** Sets {@link CreditNote#netTotal()}. */
    public Builder netTotal(Money value) {
      return netTotal(Optional.of(value));
    }

    /** Sets {@link CreditNote#netTotal()}; empty clears it. */
    public Builder netTotal(Optional<Money> value) {
      this.netTotal = value;
      return this;
    }

    /** Sets {@link CreditNote#taxTotal()}. */
    public Builder taxTotal(Money value) {
      return taxTotal(Optional.of(value));
    }

    /** Sets {@link CreditNote#taxTotal()}; empty clears it. */
    public Builder taxTotal(Optional<Money> value) {
      this.taxTotal = value;
      return this;
    }

    /** Sets {@link CreditNote#grossTotal()}. */
    public Builder grossTotal(Money value) {
      return grossTotal(Optional.of(value));
    }

    /** Sets {@link CreditNote#grossTotal()}; empty clears it. */
    public Builder grossTotal(Optional<Money> value) {
      this.grossTotal = value;
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
     * Builds the {@link CreditNote}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code number} is missing or blank,
     *     or {@code currency} is not an ISO 4217 code
     */
    public CreditNote build() {
      return new CreditNote(number, invoiceNumber, orderNumber, accountCode, ledgerAccount,
          customerReference, quoteReference, creditDate, dueDate, currency, lines, netTotal, taxTotal,
          grossTotal, extensions);
    }
  }
}
