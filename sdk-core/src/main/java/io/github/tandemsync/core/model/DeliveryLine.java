package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A line of a {@link Delivery}: what was delivered against one order line.
 *
 * @param lineNumber line number within the delivery note, from 1
 * @param orderLineNumber number of the order line delivered (Exchequer {@code tlSOPABSLineNo})
 * @param productCode code of the {@link Product}
 * @param description line description
 * @param quantity quantity delivered, keeping its decimals
 * @param pickedQuantity quantity picked (Exchequer {@code tlQtyPicked})
 * @param warehouseCode code of the {@link Warehouse} the goods left from
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record DeliveryLine(
    Optional<Integer> lineNumber,
    Optional<Integer> orderLineNumber,
    Optional<String> productCode,
    Optional<String> description,
    BigDecimal quantity,
    Optional<BigDecimal> pickedQuantity,
    Optional<String> warehouseCode,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "DeliveryLine";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code quantity} is missing
   */
  public DeliveryLine {
    lineNumber = Checks.optional(lineNumber);
    orderLineNumber = Checks.optional(orderLineNumber);
    productCode = Checks.optional(productCode);
    description = Checks.optional(description);
    Checks.required(quantity, ENTITY, "quantity");
    pickedQuantity = Checks.optional(pickedQuantity);
    warehouseCode = Checks.optional(warehouseCode);
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
    b.orderLineNumber = orderLineNumber;
    b.productCode = productCode;
    b.description = description;
    b.quantity = quantity;
    b.pickedQuantity = pickedQuantity;
    b.warehouseCode = warehouseCode;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link DeliveryLine}; {@code quantity} is required. */
  public static final class Builder {
    private Optional<Integer> lineNumber = Optional.empty();
    private Optional<Integer> orderLineNumber = Optional.empty();
    private Optional<String> productCode = Optional.empty();
    private Optional<String> description = Optional.empty();
    private @Nullable BigDecimal quantity;
    private Optional<BigDecimal> pickedQuantity = Optional.empty();
    private Optional<String> warehouseCode = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link DeliveryLine#lineNumber()}. */
    public Builder lineNumber(int value) {
      return lineNumber(Optional.of(value));
    }

    /** Sets {@link DeliveryLine#lineNumber()}; empty clears it. */
    public Builder lineNumber(Optional<Integer> value) {
      this.lineNumber = value;
      return this;
    }

    /** Sets {@link DeliveryLine#orderLineNumber()}. */
    public Builder orderLineNumber(int value) {
      return orderLineNumber(Optional.of(value));
    }

    /** Sets {@link DeliveryLine#orderLineNumber()}; empty clears it. */
    public Builder orderLineNumber(Optional<Integer> value) {
      this.orderLineNumber = value;
      return this;
    }

    /** Sets {@link DeliveryLine#productCode()}. */
    public Builder productCode(String value) {
      return productCode(Optional.of(value));
    }

    /** Sets {@link DeliveryLine#productCode()}; empty clears it. */
    public Builder productCode(Optional<String> value) {
      this.productCode = value;
      return this;
    }

    /** Sets {@link DeliveryLine#description()}. */
    public Builder description(String value) {
      return description(Optional.of(value));
    }

    /** Sets {@link DeliveryLine#description()}; empty clears it. */
    public Builder description(Optional<String> value) {
      this.description = value;
      return this;
    }

    /** Sets {@link DeliveryLine#quantity()}. */
    public Builder quantity(BigDecimal value) {
      this.quantity = value;
      return this;
    }

    /** Sets {@link DeliveryLine#pickedQuantity()}. */
    public Builder pickedQuantity(BigDecimal value) {
      return pickedQuantity(Optional.of(value));
    }

    /** Sets {@link DeliveryLine#pickedQuantity()}; empty clears it. */
    public Builder pickedQuantity(Optional<BigDecimal> value) {
      this.pickedQuantity = value;
      return this;
    }

    /** Sets {@link DeliveryLine#warehouseCode()}. */
    public Builder warehouseCode(String value) {
      return warehouseCode(Optional.of(value));
    }

    /** Sets {@link DeliveryLine#warehouseCode()}; empty clears it. */
    public Builder warehouseCode(Optional<String> value) {
      this.warehouseCode = value;
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
     * Builds the {@link DeliveryLine}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code quantity} is missing
     */
    public DeliveryLine build() {
      return new DeliveryLine(lineNumber, orderLineNumber, productCode, description, quantity,
          pickedQuantity, warehouseCode, extensions);
    }
  }
}
