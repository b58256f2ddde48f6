package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The stock of one product in one warehouse. Quantities keep their decimals.
 *
 * @param productCode code of the {@link Product}
 * @param warehouseCode code of the {@link Warehouse}
 * @param inStock quantity physically in stock
 * @param allocated quantity allocated to sales orders
 * @param onOrder quantity on purchase orders, not yet received
 * @param free quantity free to sell, as the ERP computes it (Exchequer: in stock, less picked or
 *     allocated depending on the company's settings)
 * @param picked quantity picked for sales orders, not yet delivered
 * @param binLocation bin within the warehouse
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record StockLevel(
    String productCode,
    String warehouseCode,
    BigDecimal inStock,
    BigDecimal allocated,
    BigDecimal onOrder,
    BigDecimal free,
    BigDecimal picked,
    Optional<String> binLocation,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "StockLevel";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code productCode} or
   *     {@code warehouseCode} is missing or blank
   */
  public StockLevel {
    Checks.required(productCode, ENTITY, "productCode");
    Checks.required(warehouseCode, ENTITY, "warehouseCode");
    inStock = Objects.requireNonNullElse(inStock, BigDecimal.ZERO);
    allocated = Objects.requireNonNullElse(allocated, BigDecimal.ZERO);
    onOrder = Objects.requireNonNullElse(onOrder, BigDecimal.ZERO);
    free = Objects.requireNonNullElse(free, BigDecimal.ZERO);
    picked = Objects.requireNonNullElse(picked, BigDecimal.ZERO);
    binLocation = Checks.optional(binLocation);
    extensions = Checks.map(extensions);
  }

  /**
   * A new builder, every optional field empty; {@code productCode} and {@code warehouseCode} must be
   * set before {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.productCode = productCode;
    b.warehouseCode = warehouseCode;
    b.inStock = inStock;
    b.allocated = allocated;
    b.onOrder = onOrder;
    b.free = free;
    b.picked = picked;
    b.binLocation = binLocation;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link StockLevel}; {@code productCode} and {@code warehouseCode} are required. */
  public static final class Builder {
    private @Nullable String productCode;
    private @Nullable String warehouseCode;
    private BigDecimal inStock = BigDecimal.ZERO;
    private BigDecimal allocated = BigDecimal.ZERO;
    private BigDecimal onOrder = BigDecimal.ZERO;
    private BigDecimal free = BigDecimal.ZERO;
    private BigDecimal picked = BigDecimal.ZERO;
    private Optional<String> binLocation = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link StockLevel#productCode()}. */
    public Builder productCode(String value) {
      this.productCode = value;
      return this;
    }

    /** Sets {@link StockLevel#warehouseCode()}. */
    public Builder warehouseCode(String value) {
      this.warehouseCode = value;
      return this;
    }

    /** Sets {@link StockLevel#inStock()}. */
    public Builder inStock(BigDecimal value) {
      this.inStock = value;
      return this;
    }

    /** Sets {@link StockLevel#allocated()}. */
    public Builder allocated(BigDecimal value) {
      this.allocated = value;
      return this;
    }

    /** Sets {@link StockLevel#onOrder()}. */
    public Builder onOrder(BigDecimal value) {
      this.onOrder = value;
      return this;
    }

    /** Sets {@link StockLevel#free()}. */
    public Builder free(BigDecimal value) {
      this.free = value;
      return this;
    }

    /** Sets {@link StockLevel#picked()}. */
    public Builder picked(BigDecimal value) {
      this.picked = value;
      return this;
    }

    /** Sets {@link StockLevel#binLocation()}. */
    public Builder binLocation(String value) {
      return binLocation(Optional.of(value));
    }

    /** Sets {@link StockLevel#binLocation()}; empty clears it. */
    public Builder binLocation(Optional<String> value) {
      this.binLocation = value;
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
     * Builds the {@link StockLevel}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code productCode} or
     *     {@code warehouseCode} is missing or blank
     */
    public StockLevel build() {
      return new StockLevel(productCode, warehouseCode, inStock, allocated, onOrder, free, picked,
          binLocation, extensions);
    }
  }
}
