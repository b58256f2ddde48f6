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
 * A sales order: a Salesforce Order, an Exchequer {@code SOR} transaction. Known by its ERP number,
 * its CRM reference or both; at least one of them is present.
 *
 * @param number the ERP's document number (Exchequer {@code thOurRef}, e.g. {@code SOR000123}); empty
 *     until the ERP has stored it
 * @param externalReference the CRM's reference of the order, kept in the ERP document (Exchequer
 *     {@code thLongYourRef})
 * @param accountCode code of the customer {@link Account}
 * @param status where the order is in its life
 * @param onHold the order is held in the ERP (Exchequer hold status other than not held or authorised)
 * @param quoteReference reference of the {@link Quote} the order came from (number or CRM reference)
 * @param opportunityReference the CRM's id of the opportunity the order belongs to
 * @param orderDate date of the order (Exchequer {@code thTransDate})
 * @param requestedDate date the customer wants the goods (Exchequer {@code thDueDate})
 * @param customerReference the customer's own reference, typically their purchase order number
 *     (Exchequer {@code thYourRef})
 * @param currency ISO 4217 code of the document's amounts
 * @param priceBook price band or price book the prices come from
 * @param deliveryAddress where the goods are to be delivered
 * @param lines the order's lines, in document order
 * @param netTotal total before tax
 * @param taxTotal total tax
 * @param outstandingTotal value still to be delivered or invoiced (Exchequer {@code thTotalOrderOS})
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Order(
    Optional<String> number,
    Optional<String> externalReference,
    Optional<String> accountCode,
    OrderStatus status,
    boolean onHold,
    Optional<String> quoteReference,
    Optional<String> opportunityReference,
    Optional<LocalDate> orderDate,
    Optional<LocalDate> requestedDate,
    Optional<String> customerReference,
    Optional<String> currency,
    Optional<String> priceBook,
    Optional<Address> deliveryAddress,
    List<SalesLine> lines,
    Optional<Money> netTotal,
    Optional<Money> taxTotal,
    Optional<Money> outstandingTotal,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Order";

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if neither {@code number} nor
   *     {@code externalReference} is present, or {@code currency} is not an ISO 4217 code
   */
  public Order {
    number = Checks.optional(number);
    externalReference = Checks.optional(externalReference);
    accountCode = Checks.optional(accountCode);
    status = Objects.requireNonNullElse(status, OrderStatus.DRAFT);
    quoteReference = Checks.optional(quoteReference);
    opportunityReference = Checks.optional(opportunityReference);
    orderDate = Checks.optional(orderDate);
    requestedDate = Checks.optional(requestedDate);
    customerReference = Checks.optional(customerReference);
    currency = Checks.optional(currency);
    priceBook = Checks.optional(priceBook);
    deliveryAddress = Checks.optional(deliveryAddress);
    lines = ModelChecks.entries(lines, ENTITY, "lines");
    netTotal = Checks.optional(netTotal);
    taxTotal = Checks.optional(taxTotal);
    outstandingTotal = Checks.optional(outstandingTotal);
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
    b.status = status;
    b.onHold = onHold;
    b.quoteReference = quoteReference;
    b.opportunityReference = opportunityReference;
    b.orderDate = orderDate;
    b.requestedDate = requestedDate;
    b.customerReference = customerReference;
    b.currency = currency;
    b.priceBook = priceBook;
    b.deliveryAddress = deliveryAddress;
    b.lines.addAll(lines);
    b.netTotal = netTotal;
    b.taxTotal = taxTotal;
    b.outstandingTotal = outstandingTotal;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds an {@link Order}; {@code number} or {@code externalReference} is required. */
  public static final class Builder {
    private Optional<String> number = Optional.empty();
    private Optional<String> externalReference = Optional.empty();
    private Optional<String> accountCode = Optional.empty();
    private OrderStatus status = OrderStatus.DRAFT;
    private boolean onHold;
    private Optional<String> quoteReference = Optional.empty();
    private Optional<String> opportunityReference = Optional.empty();
    private Optional<LocalDate> orderDate = Optional.empty();
    private Optional<LocalDate> requestedDate = Optional.empty();
    private Optional<String> customerReference = Optional.empty();
    private Optional<String> currency = Optional.empty();
    private Optional<String> priceBook = Optional.empty();
    private Optional<Address> deliveryAddress = Optional.empty();
    private final List<SalesLine> lines = new ArrayList<>();
    private Optional<Money> netTotal = Optional.empty();
    private Optional<Money> taxTotal = Optional.empty();
    private Optional<Money> outstandingTotal = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Order#number()}. */
    public Builder number(String value) {
      return number(Optional.of(value));
    }

    /** Sets {@link Order#number()}; empty clears it. */
    public Builder number(Optional<String> value) {
      this.number = value;
      return this;
    }

    /** Sets {@link Order#externalReference()}. */
    public Builder externalReference(String value) {
      return externalReference(Optional.of(value));
    }

    /** Sets {@link Order#externalReference()}; empty clears it. */
    public Builder externalReference(Optional<String> value) {
      this.externalReference = value;
      return this;
    }

    /** Sets {@link Order#accountCode()}. */
    public Builder accountCode(String value) {
      return accountCode(Optional.of(value));
    }

    /** Sets {@link Order#accountCode()}; empty clears it. */
    public Builder accountCode(Optional<String> value) {
      this.accountCode = value;
      return this;
    }

    /** Sets {@link Order#status()}. */
    public Builder status(OrderStatus value) {
      this.status = value;
      return this;
    }

    /** Sets {@link Order#onHold()}. */
    public Builder onHold(boolean value) {
      this.onHold = value;
      return this;
    }

    /** Sets {@link Order#quoteReference()}. */
    public Builder quoteReference(String value) {
      return quoteReference(Optional.of(value));
    }

    /** Sets {@link Order#quoteReference()}; empty clears it. */
    public Builder quoteReference(Optional<String> value) {
      this.quoteReference = value;
      return this;
    }

    /** Sets {@link Order#opportunityReference()}. */
    public Builder opportunityReference(String value) {
      return opportunityReference(Optional.of(value));
    }

    /** Sets {@link Order#opportunityReference()}; empty clears it. */
    public Builder opportunityReference(Optional<String> value) {
      this.opportunityReference = value;
      return this;
    }

    /** Sets {@link Order#orderDate()}. */
    public Builder orderDate(LocalDate value) {
      return orderDate(Optional.of(value));
    }

    /** Sets {@link Order#orderDate()}; empty clears it. */
    public Builder orderDate(Optional<LocalDate> value) {
      this.orderDate = value;
      return this;
    }

    /** Sets {@link Order#requestedDate()}. */
    public Builder requestedDate(LocalDate value) {
      return requestedDate(Optional.of(value));
    }

    /** Sets {@link Order#requestedDate()}; empty clears it. */
    public Builder requestedDate(Optional<LocalDate> value) {
      this.requestedDate = value;
      return this;
    }

    /** Sets {@link Order#customerReference()}. */
    public Builder customerReference(String value) {
      return customerReference(Optional.of(value));
    }

    /** Sets {@link Order#customerReference()}; empty clears it. */
    public Builder customerReference(Optional<String> value) {
      this.customerReference = value;
      return this;
    }

    /** Sets {@link Order#currency()}. */
    public Builder currency(String value) {
      return currency(Optional.of(value));
    }

    /** Sets {@link Order#currency()}; empty clears it. */
    public Builder currency(Optional<String> value) {
      this.currency = value;
      return this;
    }

    /** Sets {@link Order#priceBook()}. */
    public Builder priceBook(String value) {
      return priceBook(Optional.of(value));
    }

    /** Sets {@link Order#priceBook()}; empty clears it. */
    public Builder priceBook(Optional<String> value) {
      this.priceBook = value;
      return this;
    }

    /** Sets {@link Order#deliveryAddress()}. */
    public Builder deliveryAddress(Address value) {
      return deliveryAddress(Optional.of(value));
    }

    /** Sets {@link Order#deliveryAddress()}; empty clears it. */
    public Builder deliveryAddress(Optional<Address> value) {
      this.deliveryAddress = value;
      return this;
    }

    /** Replaces {@link Order#lines()}. */
    public Builder lines(List<SalesLine> values) {
      this.lines.clear();
      this.lines.addAll(values);
      return this;
    }

    /** Appends one entry to {@link Order#lines()}. */
    public Builder addLine(SalesLine value) {
      this.lines.add(value);
      return this;
    }

    /** Sets {@link Order#netTotal()}. */
    public Builder netTotal(Money value) {
      return netTotal(Optional.of(value));
    }

    /** Sets {@link Order#netTotal()}; empty clears it. */
    public Builder netTotal(Optional<Money> value) {
      this.netTotal = value;
      return this;
    }

    /** Sets {@link Order#taxTotal()}. */
    public Builder taxTotal(Money value) {
      return taxTotal(Optional.of(value));
    }

    /** Sets {@link Order#taxTotal()}; empty clears it. */
    public Builder taxTotal(Optional<Money> value) {
      this.taxTotal = value;
      return this;
    }

    /** Sets {@link Order#outstandingTotal()}. */
    public Builder outstandingTotal(Money value) {
      return outstandingTotal(Optional.of(value));
    }

    /** Sets {@link Order#outstandingTotal()}; empty clears it. */
    public Builder outstandingTotal(Optional<Money> value) {
      this.outstandingTotal = value;
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
     * Builds the {@link Order}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if neither {@code number} nor
     *     {@code externalReference} is present, or {@code currency} is not an ISO 4217 code
     */
    public Order build() {
      return new Order(number, externalReference, accountCode, status, onHold, quoteReference,
          opportunityReference, orderDate, requestedDate, customerReference, currency, priceBook,
          deliveryAddress, lines, netTotal, taxTotal, outstandingTotal, extensions);
    }
  }
}
