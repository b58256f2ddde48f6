package io.github.tandemsync.core.model;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sales quotation: a Salesforce Quote, an Exchequer {@code SQU} transaction. Known by its ERP number,
 * its CRM reference or both; at least one of them is present.
 *
 * @param number the ERP's document number (Exchequer {@code thOurRef}, e.g. {@code SQU000123}); empty
 *     until the ERP has stored it
 * @param externalReference the CRM's reference of the quote, kept in the ERP document (Exchequer
 *     {@code thLongYourRef})
 * @param accountCode code of the customer {@link Account}
 * @param name the quote's name or title
 * @param status where the quote is in its life
 * @param date date of the quote (Exchequer {@code thTransDate})
 * @param expiryDate date until which the quote is valid
 * @param customerReference the customer's own reference (Exchequer {@code thYourRef})
 * @param currency ISO 4217 code of the document's amounts
 * @param priceBook price band or price book the prices come from
 * @param opportunityReference the CRM's id of the opportunity the quote belongs to
 * @param deliveryAddress where the goods are to be delivered
 * @param lines the quote's lines, in document order
 * @param netTotal total before tax
 * @param taxTotal total tax
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Quote(
    Optional<String> number,
    Optional<String> externalReference,
    Optional<String> accountCode,
    Optional<String> name,
    QuoteStatus status,
    Optional<LocalDate> date,
    Optional<LocalDate> expiryDate,
    Optional<String> customerReference,
    Optional<String> currency,
    Optional<String> priceBook,
    Optional<String> opportunityReference,
    Optional<Address> deliveryAddress,
    List<SalesLine> lines,
    Optional<Money> netTotal,
    Optional<Money> taxTotal,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Quote";

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if neither {@code number} nor
   *     {@code externalReference} is present, or {@code currency} is not an ISO 4217 code
   */
  public Quote {
    number = Checks.optional(number);
    externalReference = Checks.optional(externalReference);
    accountCode = Checks.optional(accountCode);
    name = Checks.optional(name);
    status = Objects.requireNonNullElse(status, QuoteStatus.DRAFT);
    date = Checks.optional(date);
    expiryDate = Checks.optional(expiryDate);
    customerReference = Checks.optional(customerReference);
    currency = Checks.optional(currency);
    priceBook = Checks.optional(priceBook);
    opportunityReference = Checks.optional(opportunityReference);
    deliveryAddress = Checks.optional(deliveryAddress);
    lines = ModelChecks.entries(lines, ENTITY, "lines");
    netTotal = Checks.optional(netTotal);
    taxTotal = Checks.optional(taxTotal);
    extensions = Checks.map(extensions);
    number = ModelChecks.nonBlank(number);
    externalReference = ModelChecks.nonBlank(externalReference);
    if (number.isEmpty() && externalReference.isEmpty()) {
      throw new InvalidRecordException(ENTITY, null, "number",
          "is required when there is no externalReference");
    }
    ModelChecks.currency(currency, ENTITY, "currency");
  }

  /** A new builder, every optional field empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.number = number;
    b.externalReference = externalReference;
    b.accountCode = accountCode;
    b.name = name;
    b.status = status;
    b.date = date;
    b.expiryDate = expiryDate;
    b.customerReference = customerReference;
    b.currency = currency;
    b.priceBook = priceBook;
    b.opportunityReference = opportunityReference;
    b.deliveryAddress = deliveryAddress;
    b.lines.addAll(lines);
    b.netTotal = netTotal;
    b.taxTotal = taxTotal;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link Quote}; {@code number} or {@code externalReference} is required. */
  public static final class Builder {
    private Optional<String> number = Optional.empty();
    private Optional<String> externalReference = Optional.empty();
    private Optional<String> accountCode = Optional.empty();
    private Optional<String> name = Optional.empty();
    private QuoteStatus status = QuoteStatus.DRAFT;
    private Optional<LocalDate> date = Optional.empty();
    private Optional<LocalDate> expiryDate = Optional.empty();
    private Optional<String> customerReference = Optional.empty();
    private Optional<String> currency = Optional.empty();
    private Optional<String> priceBook = Optional.empty();
    private Optional<String> opportunityReference = Optional.empty();
    private Optional<Address> deliveryAddress = Optional.empty();
    private final List<SalesLine> lines = new ArrayList<>();
    private Optional<Money> netTotal = Optional.empty();
    private Optional<Money> taxTotal = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Quote#number()}. */
    public Builder number(String value) {
      return number(Optional.of(value));
    }

    /** Sets {@link Quote#number()}; empty clears it. */
    public Builder number(Optional<String> value) {
      this.number = value;
      return this;
    }

    /** Sets {@link Quote#externalReference()}. */
    public Builder externalReference(String value) {
      return externalReference(Optional.of(value));
    }

    /** Sets {@link Quote#externalReference()}; empty clears it. */
    public Builder externalReference(Optional<String> value) {
      this.externalReference = value;
      return this;
    }

    /** Sets {@link Quote#accountCode()}. */
    public Builder accountCode(String value) {
      return accountCode(Optional.of(value));
    }

    /** Sets {@link Quote#accountCode()}; empty clears it. */
    public Builder accountCode(Optional<String> value) {
      this.accountCode = value;
      return this;
    }

    /** Sets {@link Quote#name()}. */
    public Builder name(String value) {
      return name(Optional.of(value));
    }

    /** Sets {@link Quote#name()}; empty clears it. */
    public Builder name(Optional<String> value) {
      this.name = value;
      return this;
    }

    /** Sets {@link Quote#status()}. */
    public Builder status(QuoteStatus value) {
      this.status = value;
      return this;
    }

    /** Sets {@link Quote#date()}. */
    public Builder date(LocalDate value) {
      return date(Optional.of(value));
    }

    /** Sets {@link Quote#date()}; empty clears it. */
    public Builder date(Optional<LocalDate> value) {
      this.date = value;
      return this;
    }

    /** Sets {@link Quote#expiryDate()}. */
    public Builder expiryDate(LocalDate value) {
      return expiryDate(Optional.of(value));
    }

    /** Sets {@link Quote#expiryDate()}; empty clears it. */
    public Builder expiryDate(Optional<LocalDate> value) {
      this.expiryDate = value;
      return this;
    }

    /** Sets {@link Quote#customerReference()}. */
    public Builder customerReference(String value) {
      return customerReference(Optional.of(value));
    }

    /** Sets {@link Quote#customerReference()}; empty clears it. */
    public Builder customerReference(Optional<String> value) {
      this.customerReference = value;
      return this;
    }

    /** Sets {@link Quote#currency()}. */
    public Builder currency(String value) {
      return currency(Optional.of(value));
    }

    /** Sets {@link Quote#currency()}; empty clears it. */
    public Builder currency(Optional<String> value) {
      this.currency = value;
      return this;
    }

    /** Sets {@link Quote#priceBook()}. */
    public Builder priceBook(String value) {
      return priceBook(Optional.of(value));
    }

    /** Sets {@link Quote#priceBook()}; empty clears it. */
    public Builder priceBook(Optional<String> value) {
      this.priceBook = value;
      return this;
    }

    /** Sets {@link Quote#opportunityReference()}. */
    public Builder opportunityReference(String value) {
      return opportunityReference(Optional.of(value));
    }

    /** Sets {@link Quote#opportunityReference()}; empty clears it. */
    public Builder opportunityReference(Optional<String> value) {
      this.opportunityReference = value;
      return this;
    }

    /** Sets {@link Quote#deliveryAddress()}. */
    public Builder deliveryAddress(Address value) {
      return deliveryAddress(Optional.of(value));
    }

    /** Sets {@link Quote#deliveryAddress()}; empty clears it. */
    public Builder deliveryAddress(Optional<Address> value) {
      this.deliveryAddress = value;
      return this;
    }

    /** Replaces {@link Quote#lines()}. */
    public Builder lines(List<SalesLine> values) {
      this.lines.clear();
      this.lines.addAll(values);
      return this;
    }

    /** Appends one entry to {@link Quote#lines()}. */
    public Builder addLine(SalesLine value) {
      this.lines.add(value);
      return this;
    }

    /** Sets {@link Quote#netTotal()}. */
    public Builder netTotal(Money value) {
      return netTotal(Optional.of(value));
    }

    /** Sets {@link Quote#netTotal()}; empty clears it. */
    public Builder netTotal(Optional<Money> value) {
      this.netTotal = value;
      return this;
    }

    /** Sets {@link Quote#taxTotal()}. */
    public Builder taxTotal(Money value) {
      return taxTotal(Optional.of(value));
    }

    /** Sets {@link Quote#taxTotal()}; empty clears it. */
    public Builder taxTotal(Optional<Money> value) {
      this.taxTotal = value;
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
     * Builds the {@link Quote}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if neither {@code number} nor
     *     {@code externalReference} is present, or {@code currency} is not an ISO 4217 code
     */
    public Quote build() {
      return new Quote(number, externalReference, accountCode, name, status, date, expiryDate,
          customerReference, currency, priceBook, opportunityReference, deliveryAddress, lines, netTotal,
          taxTotal, extensions);
    }
  }
}
