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
 * A sales invoice (Exchequer {@code SIN}, seed 001 "Invoices"). Invoices are raised in the ERP and
 * shown in the CRM.
 *
 * @param number the invoice number (Exchequer {@code thOurRef}, e.g. {@code SIN000123})
 * @param accountCode code of the customer {@link Account} (Exchequer {@code thAcCode}, or the matched
 *     order's)
 * @param ledgerAccount the account code on the invoice header itself (Exchequer {@code thAcCode})
 * @param quoteReference the CRM quote reference of the order invoiced (the matched order's
 *     {@code thLongYourRef})
 * @param orderNumber number of the {@link Order} invoiced (the matched order's {@code thOurRef})
 * @param customerReference the customer's own reference (Exchequer {@code thYourRef})
 * @param invoiceDate date of the invoice (Exchequer {@code thTransDate})
 * @param orderDate date of the order invoiced
 * @param dueDate payment due date (Exchequer {@code thDueDate})
 * @param currency ISO 4217 code of the document's amounts
 * @param lines the invoice's lines, in document order
 * @param netTotal total before tax
 * @param taxTotal total tax
 * @param grossTotal total including tax
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Invoice(
    String number,
    Optional<String> accountCode,
    Optional<String> ledgerAccount,
    Optional<String> quoteReference,
    Optional<String> orderNumber,
    Optional<String> customerReference,
    Optional<LocalDate> invoiceDate,
    Optional<LocalDate> orderDate,
    Optional<LocalDate> dueDate,
    Optional<String> currency,
    List<InvoiceLine> lines,
    Optional<Money> netTotal,
    Optional<Money> taxTotal,
    Optional<Money> grossTotal,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Invoice";

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code number} is missing or blank, or
   *     {@code currency} is not an ISO 4217 code
   */
  public Invoice {
    Checks.required(number, ENTITY, "number");
    accountCode = Checks.optional(accountCode);
    ledgerAccount = Checks.optional(ledgerAccount);
    quoteReference = Checks.optional(quoteReference);
    orderNumber = Checks.optional(orderNumber);
    customerReference = Checks.optional(customerReference);
    invoiceDate = Checks.optional(invoiceDate);
    orderDate = Checks.optional(orderDate);
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
    b.accountCode = accountCode;
    b.ledgerAccount = ledgerAccount;
    b.quoteReference = quoteReference;
    b.orderNumber = orderNumber;
    b.customerReference = customerReference;
    b.invoiceDate = invoiceDate;
    b.orderDate = orderDate;
    b.dueDate = dueDate;
    b.currency = currency;
    b.lines.addAll(lines);
    b.netTotal = netTotal;
    b.taxTotal = taxTotal;
    b.grossTotal = grossTotal;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds an {@link Invoice}; {@code number} is required. */
  public static final class Builder {
    private @Nullable String number;
    private Optional<String> accountCode = Optional.empty();
    private Optional<String> ledgerAccount = Optional.empty();
    private Optional<String> quoteReference = Optional.empty();
    private Optional<String> orderNumber = Optional.empty();
    private Optional<String> customerReference = Optional.empty();
    private Optional<LocalDate> invoiceDate = Optional.empty();
    private Optional<LocalDate> orderDate = Optional.empty();
    private Optional<LocalDate> dueDate = Optional.empty();
    private Optional<String> currency = Optional.empty();
    private final List<InvoiceLine> lines = new ArrayList<>();
    private Optional<Money> netTotal = Optional.empty();
    private Optional<Money> taxTotal = Optional.empty();
    private Optional<Money> grossTotal = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Invoice#number()}. */
    public Builder number(String value) {
      this.number = value;
      return this;
    }

    /** Sets {@link Invoice#accountCode()}. */
    public Builder accountCode(String value) {
      return accountCode(Optional.of(value));
    }

    /** Sets {@link Invoice#accountCode()}; empty clears it. */
    public Builder accountCode(Optional<String> value) {
      this.accountCode = value;
      return this;
    }

    /** Sets {@link Invoice#ledgerAccount()}. */
    public Builder ledgerAccount(String value) {
      return ledgerAccount(Optional.of(value));
    }

    /** Sets {@link Invoice#ledgerAccount()}; empty clears it. */
    public Builder ledgerAccount(Optional<String> value) {
      this.ledgerAccount = value;
      return this;
    }

    /** Sets {@link Invoice#quoteReference()}. */
    public Builder quoteReference(String value) {
      return quoteReference(Optional.of(value));
    }

    /** Sets {@link Invoice#quoteReference()}; empty clears it. */
    public Builder quoteReference(Optional<String> value) {
      this.quoteReference = value;
      return this;
    }

    /** Sets {@link Invoice#orderNumber()}. */
    public Builder orderNumber(String value) {
      return orderNumber(Optional.of(value));
    }

    /** Sets {@link Invoice#orderNumber()}; empty clears it. */
    public Builder orderNumber(Optional<String> value) {
      this.orderNumber = value;
      return this;
    }

    /** Sets {@link Invoice#customerReference()}. */
    public Builder customerReference(String value) {
      return customerReference(Optional.of(value));
    }

    /** Sets {@link Invoice#customerReference()}; empty clears it. */
    public Builder customerReference(Optional<String> value) {
      this.customerReference = value;
      return this;
    }

    /** Sets {@link Invoice#invoiceDate()}. */
    public Builder invoiceDate(LocalDate value) {
      return invoiceDate(Optional.of(value));
    }

    /** Sets {@link Invoice#invoiceDate()}; empty clears it. */
    public Builder invoiceDate(Optional<LocalDate> value) {
      this.invoiceDate = value;
      return this;
    }

    /** Sets {@link Invoice#orderDate()}. */
    public Builder orderDate(LocalDate value) {
      return orderDate(Optional.of(value));
    }

    /** Sets {@link Invoice#orderDate()}; empty clears it. */
    public Builder orderDate(Optional<LocalDate> value) {
      this.orderDate = value;
      return this;
    }

    /** Sets {@link Invoice#dueDate()}. */
    public Builder dueDate(LocalDate value) {
      return dueDate(Optional.of(value));
    }

    /** Sets {@link Invoice#dueDate()}; empty clears it. */
    public Builder dueDate(Optional<LocalDate> value) {
      this.dueDate = value;
      return this;
    }

    /** Sets {@link Invoice#currency()}. */
    public Builder currency(String value) {
      return currency(Optional.of(value));
    }

    /** Sets {@link Invoice#currency()}; empty clears it. */
    public Builder currency(Optional<String> value) {
      this.currency = value;
      return this;
    }

    /** Replaces {@link Invoice#lines()}. */
    public Builder lines(List<InvoiceLine> values) {
      this.lines.clear();
      this.lines.addAll(values);
      return this;
    }

    /** Appends one entry to {@link Invoice#lines()}. */
    public Builder addLine(InvoiceLine value) {
      this.lines.add(value);
      return this;
    }

    /** Sets {@link Invoice#netTotal()}. */
    public Builder netTotal(Money value) {
      return netTotal(Optional.of(value));
    }

    /** Sets {@link Invoice#netTotal()}; empty clears it. */
    public Builder netTotal(Optional<Money> value) {
      this.netTotal = value;
      return this;
    }

    /** Sets {@link Invoice#taxTotal()}. */
    public Builder taxTotal(Money value) {
      return taxTotal(Optional.of(value));
    }

    /** Sets {@link Invoice#taxTotal()}; empty clears it. */
    public Builder taxTotal(Optional<Money> value) {
      this.taxTotal = value;
      return this;
    }

    /** Sets {@link Invoice#grossTotal()}. */
    public Builder grossTotal(Money value) {
      return grossTotal(Optional.of(value));
    }

    /** Sets {@link Invoice#grossTotal()}; empty clears it. */
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
     * Builds the {@link Invoice}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code number} is missing or blank,
     *     or {@code currency} is not an ISO 4217 code
     */
    public Invoice build() {
      return new Invoice(number, accountCode, ledgerAccount, quoteReference, orderNumber, customerReference,
          invoiceDate, orderDate, dueDate, currency, lines, netTotal, taxTotal, grossTotal, extensions);
    }
  }
}
