package io.github.tandemsync.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A product (Exchequer stock item, seed 001 "Product Items"). Groups are {@link ProductCategory}
 * records, not products.
 *
 * <p>Decimals travel as the scale of the amounts: the scale of {@link #sellPrice()} is the number of
 * sales-price decimals, that of {@link #costPrice()} the cost decimals, that of {@link #purchaseCost()}
 * the purchase-cost decimals.
 *
 * @param code product code (Exchequer {@code stCode})
 * @param altCode alternative code (Exchequer {@code stAltCode})
 * @param description main description (Exchequer {@code stDesc(1)})
 * @param extendedDescription further description lines (Exchequer {@code stDesc(2)} to
 *     {@code stDesc(6)}); blank lines are dropped
 * @param categoryCode code of the {@link ProductCategory} (Exchequer parent group {@code stParentCode})
 * @param discountMatrixCode key of the product in the CRM's discount matrix (seed 001: the product
 *     code)
 * @param allowOverallDiscount whether an account's overall discount applies to this product (seed 001:
 *     always)
 * @param unitOfSale description of the unit the product is sold in, e.g. {@code Box}
 * @param defaultWarehouse code of the default {@link Warehouse} (Exchequer {@code stLocation})
 * @param binLocation bin within the warehouse (Exchequer {@code stBinLocation})
 * @param costCentre cost centre code (Exchequer {@code stCostCentre})
 * @param department department code (Exchequer {@code stDepartment})
 * @param sellPrice selling price of the configured list (RRP) band in the home currency; its scale is
 *     the number of sales-price decimals
 * @param costPrice cost price in the home currency, for margins; its scale is the number of cost
 *     decimals
 * @param packUnit unit description used for pricing (from the pack conversion)
 * @param vatCode default VAT code (Exchequer {@code stVATCode})
 * @param barcode bar code (Exchequer {@code stBarCode})
 * @param quantityType whether quantities are decimal or counted in packs of {@code quantityFactor}
 * @param quantityFactor units per pack when {@code quantityType} is {@link QuantityType#FACTOR}; 1
 *     otherwise
 * @param quantityDecimals number of decimals quantities of this product carry (Exchequer
 *     {@code ssQtyDecimals})
 * @param allowSplit whether part quantities may be sold (seed 001: quantity decimals above 0 or a
 *     factor above 1)
 * @param stocked whether it is a physical stocked item (Exchequer stock type not group or
 *     description-only)
 * @param obsolete discontinued (Exchequer stock type discontinued)
 * @param purchaseCost cost in the purchase currency (re-order or cost price); its currency is the
 *     purchase currency and its scale the purchase-cost decimals
 * @param unitWeight weight of one unit of sale (Exchequer Intrastat sales unit weight)
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Product(
    String code,
    Optional<String> altCode,
    Optional<String> description,
    List<String> extendedDescription,
    Optional<String> categoryCode,
    Optional<String> discountMatrixCode,
    boolean allowOverallDiscount,
    Optional<String> unitOfSale,
    Optional<String> defaultWarehouse,
    Optional<String> binLocation,
    Optional<String> costCentre,
    Optional<String> department,
    Optional<Money> sellPrice,
    Optional<Money> costPrice,
    Optional<String> packUnit,
    Optional<String> vatCode,
    Optional<String> barcode,
    QuantityType quantityType,
    BigDecimal quantityFactor,
    int quantityDecimals,
    boolean allowSplit,
    boolean stocked,
    boolean obsolete,
    Optional<Money> purchaseCost,
    Optional<Weight> unitWeight,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Product";

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank,
   *     {@code quantityFactor} is not above 0 or {@code quantityDecimals} is negative
   */
  public Product {
    Checks.required(code, ENTITY, "code");
    altCode = Checks.optional(altCode);
    description = Checks.optional(description);
    extendedDescription = ModelChecks.nonBlankLines(extendedDescription);
    categoryCode = Checks.optional(categoryCode);
    discountMatrixCode = Checks.optional(discountMatrixCode);
    unitOfSale = Checks.optional(unitOfSale);
    defaultWarehouse = Checks.optional(defaultWarehouse);
    binLocation = Checks.optional(binLocation);
    costCentre = Checks.optional(costCentre);
    department = Checks.optional(department);
    sellPrice = Checks.optional(sellPrice);
    costPrice = Checks.optional(costPrice);
    packUnit = Checks.optional(packUnit);
    vatCode = Checks.optional(vatCode);
    barcode = Checks.optional(barcode);
    quantityType = Objects.requireNonNullElse(quantityType, QuantityType.DECIMAL);
    quantityFactor = Objects.requireNonNullElse(quantityFactor, BigDecimal.ONE);
    purchaseCost = Checks.optional(purchaseCost);
    unitWeight = Checks.optional(unitWeight);
    extensions = Checks.map(extensions);
    if (quantityFactor.signum() <= 0) {
      throw new InvalidRecordException(ENTITY, code, "quantityFactor",
          "must be above 0, was " + quantityFactor.toPlainString());
    }
    if (quantityDecimals < 0) {
      throw new InvalidRecordException(ENTITY, code, "quantityDecimals",
          "must not be negative, was " + quantityDecimals);
    }
  }

  // Jackson passes false for an absent primitive; these flags default to true, so absence must
  // keep that default (older snapshots, hand-written JSON).
  @JsonCreator
  private static Product fromJson(
      @JsonProperty("code") String code,
      @JsonProperty("altCode") Optional<String> altCode,
      @JsonProperty("description") Optional<String> description,
      @JsonProperty("extendedDescription") List<String> extendedDescription,
      @JsonProperty("categoryCode") Optional<String> categoryCode,
      @JsonProperty("discountMatrixCode") Optional<String> discountMatrixCode,
      @JsonProperty("allowOverallDiscount") @Nullable Boolean allowOverallDiscount,
      @JsonProperty("unitOfSale") Optional<String> unitOfSale,
      @JsonProperty("defaultWarehouse") Optional<String> defaultWarehouse,
      @JsonProperty("binLocation") Optional<String> binLocation,
      @JsonProperty("costCentre") Optional<String> costCentre,
      @JsonProperty("department") Optional<String> department,
      @JsonProperty("sellPrice") Optional<Money> sellPrice,
      @JsonProperty("costPrice") Optional<Money> costPrice,
      @JsonProperty("packUnit") Optional<String> packUnit,
      @JsonProperty("vatCode") Optional<String> vatCode,
      @JsonProperty("barcode") Optional<String> barcode,
      @JsonProperty("quantityType") QuantityType quantityType,
      @JsonProperty("quantityFactor") BigDecimal quantityFactor,
      @JsonProperty("quantityDecimals") int quantityDecimals,
      @JsonProperty("allowSplit") boolean allowSplit,
      @JsonProperty("stocked") @Nullable Boolean stocked,
      @JsonProperty("obsolete") boolean obsolete,
      @JsonProperty("purchaseCost") Optional<Money> purchaseCost,
      @JsonProperty("unitWeight") Optional<Weight> unitWeight,
      @JsonProperty("extensions") Map<String, ExtensionValue> extensions) {
    return new Product(code, altCode, description, extendedDescription, categoryCode, discountMatrixCode,
        allowOverallDiscount == null || allowOverallDiscount, unitOfSale, defaultWarehouse, binLocation,
        costCentre, department, sellPrice, costPrice, packUnit, vatCode, barcode, quantityType,
        quantityFactor, quantityDecimals, allowSplit, stocked == null || stocked, obsolete, purchaseCost,
        unitWeight, extensions);
  }

  /**
   * A new builder, every optional field empty; {@code code} must be set before {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.code = code;
    b.altCode = altCode;
    b.description = description;
    b.extendedDescription.addAll(extendedDescription);
    b.categoryCode = categoryCode;
    b.discountMatrixCode = discountMatrixCode;
    b.allowOverallDiscount = allowOverallDiscount;
    b.unitOfSale = unitOfSale;
    b.defaultWarehouse = defaultWarehouse;
    b.binLocation = binLocation;
    b.costCentre = costCentre;
    b.department = department;
    b.sellPrice = sellPrice;
    b.costPrice = costPrice;
    b.packUnit = packUnit;
    b.vatCode = vatCode;
    b.barcode = barcode;
    b.quantityType = quantityType;
    b.quantityFactor = quantityFactor;
    b.quantityDecimals = quantityDecimals;
    b.allowSplit = allowSplit;
    b.stocked = stocked;
    b.obsolete = obsolete;
    b.purchaseCost = purchaseCost;
    b.unitWeight = unitWeight;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link Product}; {@code code} is required. */
  public static final class Builder {
    private @Nullable String code;
    private Optional<String> altCode = Optional.empty();
    private Optional<String> description = Optional.empty();
    private final List<String> extendedDescription = new ArrayList<>();
    private Optional<String> categoryCode = Optional.empty();
    private Optional<String> discountMatrixCode = Optional.empty();
    private boolean allowOverallDiscount = true;
    private Optional<String> unitOfSale = Optional.empty();
    private Optional<String> defaultWarehouse = Optional.empty();
    private Optional<String> binLocation = Optional.empty();
    private Optional<String> costCentre = Optional.empty();
    private Optional<String> department = Optional.empty();
    private Optional<Money> sellPrice = Optional.empty();
    private Optional<Money> costPrice = Optional.empty();
    private Optional<String> packUnit = Optional.empty();
    private Optional<String> vatCode = Optional.empty();
    private Optional<String> barcode = Optional.empty();
    private QuantityType quantityType = QuantityType.DECIMAL;
    private BigDecimal quantityFactor = BigDecimal.ONE;
    private int quantityDecimals;
    private boolean allowSplit;
    private boolean stocked = true;
    private boolean obsolete;
    private Optional<Money> purchaseCost = Optional.empty();
    private Optional<Weight> unitWeight = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Product#code()}. */
    public Builder code(String value) {
      this.code = value;
      return this;
    }

    /** Sets {@link Product#altCode()}. */
    public Builder altCode(String value) {
      return altCode(Optional.of(value));
    }

    /** Sets {@link Product#altCode()}; empty clears it. */
    public Builder altCode(Optional<String> value) {
      this.altCode = value;
      return this;
    }

    /** Sets {@link Product#description()}. */
    public Builder description(String value) {
      return description(Optional.of(value));
    }

    /** Sets {@link Product#description()}; empty clears it. */
    public Builder description(Optional<String> value) {
      this.description = value;
      return this;
    }

    /** Replaces {@link Product#extendedDescription()}. */
    public Builder extendedDescription(List<String> values) {
      this.extendedDescription.clear();
      this.extendedDescription.addAll(values);
      return this;
    }

    /** Appends one entry to {@link Product#extendedDescription()}. */
    public Builder addExtendedDescription(String value) {
      this.extendedDescription.add(value);
      return this;
    }

    /** Sets {@link Product#categoryCode()}. */
    public Builder categoryCode(String value) {
      return categoryCode(Optional.of(value));
    }

    /** Sets {@link Product#categoryCode()}; empty clears it. */
    public Builder categoryCode(Optional<String> value) {
      this.categoryCode = value;
      return this;
    }

    /** Sets {@link Product#discountMatrixCode()}. */
    public Builder discountMatrixCode(String value) {
      return discountMatrixCode(Optional.of(value));
    }

    /** Sets {@link Product#discountMatrixCode()}; empty clears it. */
    public Builder discountMatrixCode(Optional<String> value) {
      this.discountMatrixCode = value;
      return this;
    }

    /** Sets {@link Product#allowOverallDiscount()}. */
    public Builder allowOverallDiscount(boolean value) {
      this.allowOverallDiscount = value;
      return this;
    }

    /** Sets {@link Product#unitOfSale()}. */
    public Builder unitOfSale(String value) {
      return unitOfSale(Optional.of(value));
    }

    /** Sets {@link Product#unitOfSale()}; empty clears it. */
    public Builder unitOfSale(Optional<String> value) {
      this.unitOfSale = value;
      return this;
    }

    /** Sets {@link Product#defaultWarehouse()}. */
    public Builder defaultWarehouse(String value) {
      return defaultWarehouse(Optional.of(value));
    }

    /** Sets {@link Product#defaultWarehouse()}; empty clears it. */
    public Builder defaultWarehouse(Optional<String> value) {
      this.defaultWarehouse = value;
      return this;
    }

    /** Sets {@link Product#binLocation()}. */
    public Builder binLocation(String value) {
      return binLocation(Optional.of(value));
    }

    /** Sets {@link Product#binLocation()}; empty clears it. */
    public Builder binLocation(Optional<String> value) {
      this.binLocation = value;
      return this;
    }

    /** Sets {@link Product#costCentre()}. */
    public Builder costCentre(String value) {
      return costCentre(Optional.of(value));
    }

    /** Sets {@link Product#costCentre()}; empty clears it. */
    public Builder costCentre(Optional<String> value) {
      this.costCentre = value;
      return this;
    }

    /** Sets {@link Product#department()}. */
    public Builder department(String value) {
      return department(Optional.of(value));
    }

    /** Sets {@link Product#department()}; empty clears it. */
    public Builder department(Optional<String> value) {
      this.department = value;
      return this;
    }

    /** Sets {@link Product#sellPrice()}. */
    public Builder sellPrice(Money value) {
      return sellPrice(Optional.of(value));
    }

    /** Sets {@link Product#sellPrice()}; empty clears it. */
    public Builder sellPrice(Optional<Money> value) {
      this.sellPrice = value;
      return this;
    }

    /** Sets {@link Product#costPrice()}. */
    public Builder costPrice(Money value) {
      return costPrice(Optional.of(value));
    }

    /** Sets {@link Product#costPrice()}; empty clears it. */
    public Builder costPrice(Optional<Money> value) {
      this.costPrice = value;
      return this;
    }

    /** Sets {@link Product#packUnit()}. */
    public Builder packUnit(String value) {
      return packUnit(Optional.of(value));
    }

    /** Sets {@link Product#packUnit()}; empty clears it. */
    public Builder packUnit(Optional<String> value) {
      this.packUnit = value;
      return this;
    }

    /** Sets {@link Product#vatCode()}. */
    public Builder vatCode(String value) {
      return vatCode(Optional.of(value));
    }

    /** Sets {@link Product#vatCode()}; empty clears it. */
    public Builder vatCode(Optional<String> value) {
      this.vatCode = value;
      return this;
    }

    /** Sets {@link Product#barcode()}. */
    public Builder barcode(String value) {
      return barcode(Optional.of(value));
    }

    /** Sets {@link Product#barcode()}; empty clears it. */
    public Builder barcode(Optional<String> value) {
      this.barcode = value;
      return this;
    }

    /** Sets {@link Product#quantityType()}. */
    public Builder quantityType(QuantityType value) {
      this.quantityType = value;
      return this;
    }

    /** Sets {@link Product#quantityFactor()}. */
    public Builder quantityFactor(BigDecimal value) {
      this.quantityFactor = value;
      return this;
    }

    /** Sets {@link Product#quantityDecimals()}. */
    public Builder quantityDecimals(int value) {
      this.quantityDecimals = value;
      return this;
    }

    /** Sets {@link Product#allowSplit()}. */
    public Builder allowSplit(boolean value) {
      this.allowSplit = value;
      return this;
    }

    /** Sets {@link Product#stocked()}. */
    public Builder stocked(boolean value) {
      this.stocked = value;
      return this;
    }

    /** Sets {@link Product#obsolete()}. */
    public Builder obsolete(boolean value) {
      this.obsolete = value;
      return this;
    }

    /** Sets {@link Product#purchaseCost()}. */
    public Builder purchaseCost(Money value) {
      return purchaseCost(Optional.of(value));
    }

    /** Sets {@link Product#purchaseCost()}; empty clears it. */
    public Builder purchaseCost(Optional<Money> value) {
      this.purchaseCost = value;
      return this;
    }

    /** Sets {@link Product#unitWeight()}. */
    public Builder unitWeight(Weight value) {
      return unitWeight(Optional.of(value));
    }

    /** Sets {@link Product#unitWeight()}; empty clears it. */
    public Builder unitWeight(Optional<Weight> value) {
      this.unitWeight = value;
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
     * Builds the {@link Product}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank,
     *     {@code quantityFactor} is not above 0 or {@code quantityDecimals} is negative
     */
    public Product build() {
      return new Product(code, altCode, description, extendedDescription, categoryCode, discountMatrixCode,
          allowOverallDiscount, unitOfSale, defaultWarehouse, binLocation, costCentre, department, sellPrice,
          costPrice, packUnit, vatCode, barcode, quantityType, quantityFactor, quantityDecimals, allowSplit,
          stocked, obsolete, purchaseCost, unitWeight, extensions);
    }
  }
}
