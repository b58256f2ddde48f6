package io.github.tandemsync.core.model;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.internal.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A line of an {@link Invoice} or a {@link CreditNote}. On a credit note the amounts are signed as a
 * credit (negative).
 *
 * @param lineNumber line number within the document (Exchequer {@code tlLineNo})
 * @param productCode code of the {@link Product} (Exchequer {@code tlStockCode}); empty for a free-text
 *     line
 * @param description line description (Exchequer {@code tlDescr})
 * @param extendedDescription continuation lines of the description; blank lines are dropped
 * @param deliveryReference number of the delivery note the line was delivered on (seed 001: parsed from
 *     an {@code SDN} description line)
 * @param glCode general-ledger code (Exchequer {@code tlGLCode})
 * @param department department code (Exchequer {@code tlDepartment})
 * @param costCentre cost centre code (Exchequer {@code tlCostCentre})
 * @param warehouseCode code of the {@link Warehouse} the goods left from (Exchequer {@code tlLocation})
 * @param analysisCode job analysis code (Exchequer {@code tlAnalysisCode})
 * @param jobCode code of the {@link Job} (Exchequer {@code tlJobCode})
 * @param orderQuantity quantity ordered (Exchequer {@code tlQty}); its scale is the quantity decimals
 * @param deliveredQuantity quantity delivered (seed 001: equal to the quantity on invoices)
 * @param invoiceQuantity quantity invoiced (Exchequer {@code tlQty})
 * @param quantityType whether the quantity is decimal or counted in packs
 * @param quantityFactor units per pack when the quantity is counted in packs
 * @param unitPrice net price of one unit (Exchequer {@code tlNetValue}: the unit price, not the line
 *     total); its scale is the sales-price decimals
 * @param costPrice cost of one unit (Exchequer {@code tlCost}); its scale is the cost decimals
 * @param costValue cost of the line: cost price times quantity
 * @param netValue line total after discounts, before tax, in the document currency
 * @param grossValue line total including tax, in the document currency
 * @param baseNetValue {@code netValue} converted to the base (home) currency at the document's rates
 * @param baseGrossValue {@code grossValue} converted to the base currency
 * @param currency ISO 4217 code of the line's currency (Exchequer {@code tlCurrency})
 * @param deliveryDate delivery date of the line (Exchequer {@code tlLineDate})
 * @param dueDate payment due date of the line (Exchequer {@code tlLineDate} or the header's due date)
 * @param expireDate service-contract expiry date (seed 001: user field 3 with Service Contracts)
 * @param contract service-contract reference (seed 001: user field 4 with Service Contracts)
 * @param userFields user-defined fields by position: index 0 is user field 1 (Exchequer
 *     {@code tlUserField1}); an empty slot is a blank string, trailing empty slots are dropped
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record InvoiceLine(
    Optional<Integer> lineNumber,
    Optional<String> productCode,
    Optional<String> description,
    List<String> extendedDescription,
    Optional<String> deliveryReference,
    Optional<String> glCode,
    Optional<String> department,
    Optional<String> costCentre,
    Optional<String> warehouseCode,
    Optional<String> analysisCode,
    Optional<String> jobCode,
    BigDecimal orderQuantity,
    BigDecimal deliveredQuantity,
    BigDecimal invoiceQuantity,
    Optional<QuantityType> quantityType,
    Optional<BigDecimal> quantityFactor,
    Optional<Money> unitPrice,
    Optional<Money> costPrice,
    Optional<Money> costValue,
    Optional<Money> netValue,
    Optional<Money> grossValue,
    Optional<Money> baseNetValue,
    Optional<Money> baseGrossValue,
    Optional<String> currency,
    Optional<LocalDate> deliveryDate,
    Optional<LocalDate> dueDate,
    Optional<LocalDate> expireDate,
    Optional<String> contract,
    List<String> userFields,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "InvoiceLine";

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code currency} is not an ISO 4217
   *     code or {@code quantityFactor} is not above 0
   */
  public InvoiceLine {
    lineNumber = Checks.optional(lineNumber);
    productCode = Checks.optional(productCode);
    description = Checks.optional(description);
    extendedDescription = ModelChecks.nonBlankLines(extendedDescription);
    deliveryReference = Checks.optional(deliveryReference);
    glCode = Checks.optional(glCode);
    department = Checks.optional(department);
    costCentre = Checks.optional(costCentre);
    warehouseCode = Checks.optional(warehouseCode);
    analysisCode = Checks.optional(analysisCode);
    jobCode = Checks.optional(jobCode);
    orderQuantity = Objects.requireNonNullElse(orderQuantity, BigDecimal.ZERO);
    deliveredQuantity = Objects.requireNonNullElse(deliveredQuantity, BigDecimal.ZERO);
    invoiceQuantity = Objects.requireNonNullElse(invoiceQuantity, BigDecimal.ZERO);
    quantityType = Checks.optional(quantityType);
    quantityFactor = Checks.optional(quantityFactor);
    unitPrice = Checks.optional(unitPrice);
    costPrice = Checks.optional(costPrice);
    costValue = Checks.optional(costValue);
    netValue = Checks.optional(netValue);
    grossValue = Checks.optional(grossValue);
    baseNetValue = Checks.optional(baseNetValue);
    baseGrossValue = Checks.optional(baseGrossValue);
    currency = Checks.optional(currency);
    deliveryDate = Checks.optional(deliveryDate);
    dueDate = Checks.optional(dueDate);
    expireDate = Checks.optional(expireDate);
    contract = Checks.optional(contract);
    userFields = ModelChecks.slots(userFields);
    extensions = Checks.map(extensions);
    ModelChecks.currency(currency, ENTITY, "currency");
    if (quantityFactor.isPresent() && quantityFactor.get().signum() <= 0) {
      throw new InvalidRecordException(ENTITY, null, "quantityFactor",
          "must be above 0, was " + quantityFactor.get().toPlainString());
    }
  }

  /** A new builder, every optional field empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.lineNumber = lineNumber;
    b.productCode = productCode;
    b.description = description;
    b.extendedDescription.addAll(extendedDescription);
    b.deliveryReference = deliveryReference;
    b.glCode = glCode;
    b.department = department;
    b.costCentre = costCentre;
    b.warehouseCode = warehouseCode;
    b.analysisCode = analysisCode;
    b.jobCode = jobCode;
    b.orderQuantity = orderQuantity;
    b.deliveredQuantity = deliveredQuantity;
    b.invoiceQuantity = invoiceQuantity;
    b.quantityType = quantityType;
    b.quantityFactor = quantityFactor;
    b.unitPrice = unitPrice;
    b.costPrice = costPrice;
    b.costValue = costValue;
    b.netValue = netValue;
    b.grossValue = grossValue;
    b.baseNetValue = baseNetValue;
    b.baseGrossValue = baseGrossValue;
    b.currency = currency;
    b.deliveryDate = deliveryDate;
    b.dueDate = dueDate;
    b.expireDate = expireDate;
    b.contract = contract;
    b.userFields.addAll(userFields);
    b.extensions.putAll(extensions);
    return b;
  }

  /**
   * One user field by its 1-based position, as the ERP numbers them.
   *
   * @param position 1 for user field 1
   * @return the value, empty when the slot is blank or beyond the list
   */
  public Optional<String> userField(int position) {
    return ModelChecks.slot(userFields, position);
  }

  /** Builds an {@link InvoiceLine}. */
  public static final class Builder {
    private Optional<Integer> lineNumber = Optional.empty();
    private Optional<String> productCode = Optional.empty();
    private Optional<String> description = Optional.empty();
    private final List<String> extendedDescription = new ArrayList<>();
    private Optional<String> deliveryReference = Optional.empty();
    private Optional<String> glCode = Optional.empty();
    private Optional<String> department = Optional.empty();
    private Optional<String> costCentre = Optional.empty();
    private Optional<String> warehouseCode = Optional.empty();
    private Optional<String> analysisCode = Optional.empty();
    private Optional<String> jobCode = Optional.empty();
    private BigDecimal orderQuantity = BigDecimal.ZERO;
    private BigDecimal deliveredQuantity = BigDecimal.ZERO;
    private BigDecimal invoiceQuantity = BigDecimal.ZERO;
    private Optional<QuantityType> quantityType = Optional.empty();
    private Optional<BigDecimal> quantityFactor = Optional.empty();
    private Optional<Money> unitPrice = Optional.empty();
    private Optional<Money> costPrice = Optional.empty();
    private Optional<Money> costValue = Optional.empty();
    private Optional<Money> netValue = Optional.empty();
    private Optional<Money> grossValue = Optional.empty();
    private Optional<Money> baseNetValue = Optional.empty();
    private Optional<Money> baseGrossValue = Optional.empty();
    private Optional<String> currency = Optional.empty();
    private Optional<LocalDate> deliveryDate = Optional.empty();
    private Optional<LocalDate> dueDate = Optional.empty();
    private Optional<LocalDate> expireDate = Optional.empty();
    private Optional<String> contract = Optional.empty();
    private final List<String> userFields = new ArrayList<>();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link InvoiceLine#lineNumber()}. */
    public Builder lineNumber(int value) {
      return lineNumber(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#lineNumber()}; empty clears it. */
    public Builder lineNumber(Optional<Integer> value) {
      this.lineNumber = value;
      return this;
    }

    /** Sets {@link InvoiceLine#productCode()}. */
    public Builder productCode(String value) {
      return productCode(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#productCode()}; empty clears it. */
    public Builder productCode(Optional<String> value) {
      this.productCode = value;
      return this;
    }

    /** Sets {@link InvoiceLine#description()}. */
    public Builder description(String value) {
      return description(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#description()}; empty clears it. */
    public Builder description(Optional<String> value) {
      this.description = value;
      return this;
    }

    /** Replaces {@link InvoiceLine#extendedDescription()}. */
    public Builder extendedDescription(List<String> values) {
      this.extendedDescription.clear();
      this.extendedDescription.addAll(values);
      return this;
    }

    /** Appends one entry to {@link InvoiceLine#extendedDescription()}. */
    public Builder addExtendedDescription(String value) {
      this.extendedDescription.add(value);
      return this;
    }

    /** Sets {@link InvoiceLine#deliveryReference()}. */
    public Builder deliveryReference(String value) {
      return deliveryReference(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#deliveryReference()}; empty clears it. */
    public Builder deliveryReference(Optional<String> value) {
      this.deliveryReference = value;
      return this;
    }

    /** Sets {@link InvoiceLine#glCode()}. */
    public Builder glCode(String value) {
      return glCode(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#glCode()}; empty clears it. */
    public Builder glCode(Optional<String> value) {
      this.glCode = value;
      return this;
    }

    /** Sets {@link InvoiceLine#department()}. */
    public Builder department(String value) {
      return department(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#department()}; empty clears it. */
    public Builder department(Optional<String> value) {
      this.department = value;
      return this;
    }

    /** Sets {@link InvoiceLine#costCentre()}. */
    public Builder costCentre(String value) {
      return costCentre(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#costCentre()}; empty clears it. */
    public Builder costCentre(Optional<String> value) {
      this.costCentre = value;
      return this;
    }

    /** Sets {@link InvoiceLine#warehouseCode()}. */
    public Builder warehouseCode(String value) {
      return warehouseCode(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#warehouseCode()}; empty clears it. */
    public Builder warehouseCode(Optional<String> value) {
      this.warehouseCode = value;
      return this;
    }

    /** Sets {@link InvoiceLine#analysisCode()}. */
    public Builder analysisCode(String value) {
      return analysisCode(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#analysisCode()}; empty clears it. */
    public Builder analysisCode(Optional<String> value) {
      this.analysisCode = value;
      return this;
    }

    /** Sets {@link InvoiceLine#jobCode()}. */
    public Builder jobCode(String value) {
      return jobCode(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#jobCode()}; empty clears it. */
    public Builder jobCode(Optional<String> value) {
      this.jobCode = value;
      return this;
    }

    /** Sets {@link InvoiceLine#orderQuantity()}. */
    public Builder orderQuantity(BigDecimal value) {
      this.orderQuantity = value;
      return this;
    }

    /** Sets {@link InvoiceLine#deliveredQuantity()}. */
    public Builder deliveredQuantity(BigDecimal value) {
      this.deliveredQuantity = value;
      return this;
    }

    /** Sets {@link InvoiceLine#invoiceQuantity()}. */
    public Builder invoiceQuantity(BigDecimal value) {
      this.invoiceQuantity = value;
      return this;
    }

    /** Sets {@link InvoiceLine#quantityType()}. */
    public Builder quantityType(QuantityType value) {
      return quantityType(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#quantityType()}; empty clears it. */
    public Builder quantityType(Optional<QuantityType> value) {
      this.quantityType = value;
      return this;
    }

    /** Sets {@link InvoiceLine#quantityFactor()}. */
    public Builder quantityFactor(BigDecimal value) {
      return quantityFactor(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#quantityFactor()}; empty clears it. */
    public Builder quantityFactor(Optional<BigDecimal> value) {
      this.quantityFactor = value;
      return this;
    }

    /** Sets {@link InvoiceLine#unitPrice()}. */
    public Builder unitPrice(Money value) {
      return unitPrice(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#unitPrice()}; empty clears it. */
    public Builder unitPrice(Optional<Money> value) {
      this.unitPrice = value;
      return this;
    }

    /** Sets {@link InvoiceLine#costPrice()}. */
    public Builder costPrice(Money value) {
      return costPrice(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#costPrice()}; empty clears it. */
    public Builder costPrice(Optional<Money> value) {
      this.costPrice = value;
      return this;
    }

    /** Sets {@link InvoiceLine#costValue()}. */
    public Builder costValue(Money value) {
      return costValue(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#costValue()}; empty clears it. */
    public Builder costValue(Optional<Money> value) {
      this.costValue = value;
      return this;
    }

    /** Sets {@link InvoiceLine#netValue()}. */
    public Builder netValue(Money value) {
      return netValue(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#netValue()}; empty clears it. */
    public Builder netValue(Optional<Money> value) {
      this.netValue = value;
      return this;
    }

    /** Sets {@link InvoiceLine#grossValue()}. */
    public Builder grossValue(Money value) {
      return grossValue(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#grossValue()}; empty clears it. */
    public Builder grossValue(Optional<Money> value) {
      this.grossValue = value;
      return this;
    }

    /** Sets {@link InvoiceLine#baseNetValue()}. */
    public Builder baseNetValue(Money value) {
      return baseNetValue(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#baseNetValue()}; empty clears it. */
    public Builder baseNetValue(Optional<Money> value) {
      this.baseNetValue = value;
      return this;
    }

    /** Sets {@link InvoiceLine#baseGrossValue()}. */
    public Builder baseGrossValue(Money value) {
      return baseGrossValue(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#baseGrossValue()}; empty clears it. */
    public Builder baseGrossValue(Optional<Money> value) {
      this.baseGrossValue = value;
      return this;
    }

    /** Sets {@link InvoiceLine#currency()}. */
    public Builder currency(String value) {
      return currency(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#currency()}; empty clears it. */
    public Builder currency(Optional<String> value) {
      this.currency = value;
      return this;
    }

    /** Sets {@link InvoiceLine#deliveryDate()}. */
    public Builder deliveryDate(LocalDate value) {
      return deliveryDate(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#deliveryDate()}; empty clears it. */
    public Builder deliveryDate(Optional<LocalDate> value) {
      this.deliveryDate = value;
      return this;
    }

    /** Sets {@link InvoiceLine#dueDate()}. */
    public Builder dueDate(LocalDate value) {
      return dueDate(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#dueDate()}; empty clears it. */
    public Builder dueDate(Optional<LocalDate> value) {
      this.dueDate = value;
      return this;
    }

    /** Sets {@link InvoiceLine#expireDate()}. */
    public Builder expireDate(LocalDate value) {
      return expireDate(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#expireDate()}; empty clears it. */
    public Builder expireDate(Optional<LocalDate> value) {
      this.expireDate = value;
      return this;
    }

    /** Sets {@link InvoiceLine#contract()}. */
    public Builder contract(String value) {
      return contract(Optional.of(value));
    }

    /** Sets {@link InvoiceLine#contract()}; empty clears it. */
    public Builder contract(Optional<String> value) {
      this.contract = value;
      return this;
    }

    /** Replaces {@link InvoiceLine#userFields()}. */
    public Builder userFields(List<String> values) {
      this.userFields.clear();
      this.userFields.addAll(values);
      return this;
    }

    /**
     * Sets one user field by its 1-based position, padding earlier slots with blanks.
     *
     * @param position 1 for user field 1
     * @param value the value; blank clears the slot
     * @return this builder
     */
    public Builder userField(int position, String value) {
      ModelChecks.setSlot(userFields, position, value);
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
     * Builds the {@link InvoiceLine}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code currency} is not an ISO 4217
     *     code or {@code quantityFactor} is not above 0
     */
    public InvoiceLine build() {
      return new InvoiceLine(lineNumber, productCode, description, extendedDescription, deliveryReference,
          glCode, department, costCentre, warehouseCode, analysisCode, jobCode, orderQuantity,
          deliveredQuantity, invoiceQuantity, quantityType, quantityFactor, unitPrice, costPrice, costValue,
          netValue, grossValue, baseNetValue, baseGrossValue, currency, deliveryDate, dueDate, expireDate,
          contract, userFields, extensions);
    }
  }
}
