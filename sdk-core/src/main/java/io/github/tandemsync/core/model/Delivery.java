package io.github.tandemsync.core.model;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A delivery (despatch) note: an Exchequer {@code SDN} transaction against a sales order, or picking
 * entered in the CRM for the ERP. Known by its ERP number, its CRM reference or both; at least one of
 * them is present.
 *
 * @param number the ERP's document number (Exchequer {@code thOurRef}, e.g. {@code SDN000045})
 * @param externalReference the CRM's reference of the delivery
 * @param orderNumber ERP number of the {@link Order} delivered
 * @param orderExternalReference CRM reference of the {@link Order} delivered
 * @param accountCode code of the customer {@link Account}
 * @param date date of the delivery
 * @param customerReference the customer's own reference
 * @param deliveryAddress where the goods went
 * @param lines the delivered lines
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Delivery(
    Optional<String> number,
    Optional<String> externalReference,
    Optional<String> orderNumber,
    Optional<String> orderExternalReference,
    Optional<String> accountCode,
    Optional<LocalDate> date,
    Optional<String> customerReference,
    Optional<Address> deliveryAddress,
    List<DeliveryLine> lines,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Delivery";

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if neither {@code number} nor
   *     {@code externalReference} is present
   */
  public Delivery {
    number = Checks.optional(number);
    externalReference = Checks.optional(externalReference);
    orderNumber = Checks.optional(orderNumber);
    orderExternalReference = Checks.optional(orderExternalReference);
    accountCode = Checks.optional(accountCode);
    date = Checks.optional(date);
    customerReference = Checks.optional(customerReference);
    deliveryAddress = Checks.optional(deliveryAddress);
    lines = ModelChecks.entries(lines, ENTITY, "lines");
    extensions = Checks.map(extensions);
    number = ModelChecks.nonBlank(number);
    externalReference = ModelChecks.nonBlank(externalReference);
    if (number.isEmpty() && externalReference.isEmpty()) {
      throw new InvalidRecordException(ENTITY, null, "number",
          "is required when there is no externalReference");
    }
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
    b.orderNumber = orderNumber;
    b.orderExternalReference = orderExternalReference;
    b.accountCode = accountCode;
    b.date = date;
    b.customerReference = customerReference;
    b.deliveryAddress = deliveryAddress;
    b.lines.addAll(lines);
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link Delivery}; {@code number} or {@code externalReference} is required. */
  public static final class Builder {
    private Optional<String> number = Optional.empty();
    private Optional<String> externalReference = Optional.empty();
    private Optional<String> orderNumber = Optional.empty();
    private Optional<String> orderExternalReference = Optional.empty();
    private Optional<String> accountCode = Optional.empty();
    private Optional<LocalDate> date = Optional.empty();
    private Optional<String> customerReference = Optional.empty();
    private Optional<Address> deliveryAddress = Optional.empty();
    private final List<DeliveryLine> lines = new ArrayList<>();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Delivery#number()}. */
    public Builder number(String value) {
      return number(Optional.of(value));
    }

    /** Sets {@link Delivery#number()}; empty clears it. */
    public Builder number(Optional<String> value) {
      this.number = value;
      return this;
    }

    /** Sets {@link Delivery#externalReference()}. */
    public Builder externalReference(String value) {
      return externalReference(Optional.of(value));
    }

    /** Sets {@link Delivery#externalReference()}; empty clears it. */
    public Builder externalReference(Optional<String> value) {
      this.externalReference = value;
      return this;
    }

    /** Sets {@link Delivery#orderNumber()}. */
    public Builder orderNumber(String value) {
      return orderNumber(Optional.of(value));
    }

    /** Sets {@link Delivery#orderNumber()}; empty clears it. */
    public Builder orderNumber(Optional<String> value) {
      this.orderNumber = value;
      return this;
    }

    /** Sets {@link Delivery#orderExternalReference()}. */
    public Builder orderExternalReference(String value) {
      return orderExternalReference(Optional.of(value));
    }

    /** Sets {@link Delivery#orderExternalReference()}; empty clears it. */
    public Builder orderExternalReference(Optional<String> value) {
      this.orderExternalReference = value;
      return this;
    }

    /** Sets {@link Delivery#accountCode()}. */
    public Builder accountCode(String value) {
      return accountCode(Optional.of(value));
    }

    /** Sets {@link Delivery#accountCode()}; empty clears it. */
    public Builder accountCode(Optional<String> value) {
      this.accountCode = value;
      return this;
    }

    /** Sets {@link Delivery#date()}. */
    public Builder date(LocalDate value) {
      return date(Optional.of(value));
    }

    /** Sets {@link Delivery#date()}; empty clears it. */
    public Builder date(Optional<LocalDate> value) {
      this.date = value;
      return this;
    }

    /** Sets {@link Delivery#customerReference()}. */
    public Builder customerReference(String value) {
      return customerReference(Optional.of(value));
    }

    /** Sets {@link Delivery#customerReference()}; empty clears it. */
    public Builder customerReference(Optional<String> value) {
      this.customerReference = value;
      return this;
    }

    /** Sets {@link Delivery#deliveryAddress()}. */
    public Builder deliveryAddress(Address value) {
      return deliveryAddress(Optional.of(value));
    }

    /** Sets {@link Delivery#deliveryAddress()}; empty clears it. */
    public Builder deliveryAddress(Optional<Address> value) {
      this.deliveryAddress = value;
      return this;
    }

    /** Replaces {@link Delivery#lines()}. */
    public Builder lines(List<DeliveryLine> values) {
      this.lines.clear();
      this.lines.addAll(values);
      return this;
    }

    /** Appends one entry to {@link Delivery#lines()}. */
    public Builder addLine(DeliveryLine value) {
      this.lines.add(value);
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
     * Builds the {@link Delivery}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if neither {@code number} nor
     *     {@code externalReference} is present
     */
    public Delivery build() {
      return new Delivery(number, externalReference, orderNumber, orderExternalReference, accountCode, date,
          customerReference, deliveryAddress, lines, extensions);
    }
  }
}
