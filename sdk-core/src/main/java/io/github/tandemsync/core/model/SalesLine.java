package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A line of a {@link Quote} or an {@link Order}.
 *
 * @param lineNumber line number within the document, from 1 (Exchequer {@code tlLineNo})
 * @param externalReference the CRM's id of the line (e.g. a Salesforce QuoteLineItem or OrderItem id)
 * @param productCode code of the {@link Product}; empty for a free-text line
 * @param description line description
 * @param quantity quantity ordered or quoted, keeping its decimals
 * @param unitPrice price of one unit before discount
 * @param discountPercent line discount in percent (5 = 5 %)
 * @param netAmount line total after discount, before tax
 * @param vatCode VAT code of the line
 * @param warehouseCode code of the {@link Warehouse} the goods come from
 * @param deliveryDate requested delivery date of the line
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record SalesLine(
    Optional<Integer> lineNumber,
    Optional<String> externalReference,
    Optional<String> productCode,
    Optional<String> description,
    BigDecimal quantity,
    Optional<Money> unitPrice,
    Optional<BigDecimal> discountPercent,
    Optional<Money> netAmount,
    Optional<String> vatCode,
    Optional<String> warehouseCode,
    Optional<LocalDate> deliveryDate,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "SalesLine";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code quantity} is missing
   */
  public SalesLine {
    lineNumber = Checks.optional(lineNumber);
    externalReference = Checks.optional(externalReference);
    productCode = Checks.optional(productCode);
    description = Checks.optional(description);
    Checks.required(quantity, ENTITY, "quantity");
    unitPrice = Checks.optional(unitPrice);
    discountPercent = Checks.optional(discountPercent);
    netAmount = Checks.optional(netAmount);
    vatCode = Checks.optional(vatCode);
    warehouseCode = Checks.optional(warehouseCode);
    deliveryDate = Checks.optional(deliveryDate);
    extensions = Checks.map(extensions);
  }

  /**
   * A new builder, every optional field empty; {@code quantity} must be set before
   * {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.lineNumber = lineNumber;
    b.externalReference = externalReference;
    b.productCode = productCode;
    b.description = description;
    b.quantity = quantity;
    b.unitPrice = unitPrice;
    b.discountPercent = discountPercent;
    b.netAmount = netAmount;
    b.vatCode = vatCode;
    b.warehouseCode = warehouseCode;
    b.deliveryDate = deliveryDate;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link SalesLine}; {@code quantity} is required. */
  public static final class Builder {
    private Optional<Integer> lineNumber = Optional.empty();
    private Optional<String> externalReference = Optional.empty();
    private Optional<String> productCode = Optional.empty();
    private Optional<String> description = Optional.empty();
    private @Nullable BigDecimal quantity;
    private Optional<Money> unitPrice = Optional.empty();
    private Optional<BigDecimal> discountPercent = Optional.empty();
    private Optional<Money> netAmount = Optional.empty();
    private Optional<String> vatCode = Optional.empty();
    private Optional<String> warehouseCode = Optional.empty();
    private Optional<LocalDate> deliveryDate = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link SalesLine#lineNumber()}. */
    public Builder lineNumber(int value) {
      return lineNumber(Optional.of(value));
    }

    /** Sets {@link SalesLine#lineNumber()}; empty clears it. */
    public Builder lineNumber(Optional<Integer> value) {
      this.lineNumber = value;
      return this;
    }

    /** Sets {@link SalesLine#externalReference()}. */
    public Builder externalReference(String value) {
      return externalReference(Optional.of(value));
    }

    /** Sets {@link SalesLine#externalReference()}; empty clears it. */
    public Builder externalReference(Optional<String> value) {
      this.externalReference = value;
      return this;
    }

    /** Sets {@link SalesLine#productCode()}. */
    public Builder productCode(String value) {
      return productCode(Optional.of(value));
    }

    /** Sets {@link SalesLine#productCode()}; empty clears it. */
    public Builder productCode(Optional<String> value) {
      this.productCode = value;
      return this;
    }

    /** Sets {@link SalesLine#description()}. */
    public Builder description(String value) {
      return description(Optional.of(value));
    }

    /** Sets {@link SalesLine#description()}; empty clears it. */
    public Builder description(Optional<String> value) {
      this.description = value;
      return this;
    }

    /** Sets {@link SalesLine#quantity()}. */
    public Builder quantity(BigDecimal value) {
      this.quantity = value;
      return this;
    }

    /** Sets {@link SalesLine#unitPrice()}. */
    public Builder unitPrice(Money value) {
      return unitPrice(Optional.of(value));
    }

    /** Sets {@link SalesLine#unitPrice()}; empty clears it. */
    public Builder unitPrice(Optional<Money> value) {
      this.unitPrice = value;
      return this;
    }

    /** Sets {@link SalesLine#discountPercent()}. */
    public Builder discountPercent(BigDecimal value) {
      return discountPercent(Optional.of(value));
    }

    /** Sets {@link SalesLine#discountPercent()}; empty clears it. */
    public Builder discountPercent(Optional<BigDecimal> value) {
      this.discountPercent = value;
      return this;
    }

    /** Sets {@link SalesLine#netAmount()}. */
    public Builder netAmount(Money value) {
      return netAmount(Optional.of(value));
    }

    /** Sets {@link SalesLine#netAmount()}; empty clears it. */
    public Builder netAmount(Optional<Money> value) {
      this.netAmount = value;
      return this;
    }

    /** Sets {@link SalesLine#vatCode()}. */
    public Builder vatCode(String value) {
      return vatCode(Optional.of(value));
    }

    /** Sets {@link SalesLine#vatCode()}; empty clears it. */
    public Builder vatCode(Optional<String> value) {
      this.vatCode = value;
      return this;
    }

    /** Sets {@link SalesLine#warehouseCode()}. */
    public Builder warehouseCode(String value) {
      return warehouseCode(Optional.of(value));
    }

    /** Sets {@link SalesLine#warehouseCode()}; empty clears it. */
    public Builder warehouseCode(Optional<String> value) {
      this.warehouseCode = value;
      return this;
    }

    /** Sets {@link SalesLine#deliveryDate()}. */
    public Builder deliveryDate(LocalDate value) {
      return deliveryDate(Optional.of(value));
    }

    /** Sets {@link SalesLine#deliveryDate()}; empty clears it. */
    public Builder deliveryDate(Optional<LocalDate> value) {
      this.deliveryDate = value;
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
     * Builds the {@link SalesLine}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code quantity} is missing
     */
    public SalesLine build() {
      return new SalesLine(lineNumber, externalReference, productCode, description, quantity, unitPrice,
          discountPercent, netAmount, vatCode, warehouseCode, deliveryDate, extensions);
    }
  }
}
