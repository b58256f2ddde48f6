package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A customer, supplier or prospect: the sales and purchase ledger record of seed 001.
 *
 * @param code the ERP account code (Exchequer {@code acCode}); empty for CRM-only prospects
 * @param role customer, supplier or prospect
 * @param name company name
 * @param billingAddress invoice address
 * @param deliveryAddress delivery (shipping) address
 * @param phone main telephone
 * @param fax fax number
 * @param email account e-mail address
 * @param defaultWarehouse default stock location code for this account's orders
 * @param invoiceTo code of the account invoices are addressed to (head office)
 * @param onStop on hold: no new orders
 * @param closed closed in the ERP
 * @param currency ISO 4217 code of the account's currency
 * @param creditLimit most credit allowed
 * @param overallDiscount overall discount in percent (5 = 5 %)
 * @param priceBand price band (A–H) used for this account's prices
 * @param compoundOverallDiscount the CRM's compound-discount priority flag (seed 001: -1, only when no
 *     other pricing override applies)
 * @param vatCode default VAT (tax) code
 * @param vatRegistration VAT registration number
 * @param settlementDiscount default settlement discount in percent
 * @param settlementDays days within which the settlement discount applies
 * @param department default department code
 * @param costCentre default cost centre code
 * @param salesGlCode general-ledger code for this account's sales
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Account(
    Optional<String> code,
    AccountRole role,
    String name,
    Optional<Address> billingAddress,
    Optional<Address> deliveryAddress,
    Optional<String> phone,
    Optional<String> fax,
    Optional<String> email,
    Optional<String> defaultWarehouse,
    Optional<String> invoiceTo,
    boolean onStop,
    boolean closed,
    Optional<String> currency,
    Optional<Money> creditLimit,
    Optional<BigDecimal> overallDiscount,
    Optional<String> priceBand,
    Optional<Integer> compoundOverallDiscount,
    Optional<String> vatCode,
    Optional<String> vatRegistration,
    Optional<BigDecimal> settlementDiscount,
    Optional<Integer> settlementDays,
    Optional<String> department,
    Optional<String> costCentre,
    Optional<String> salesGlCode,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Account";

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code role} or {@code name} is missing
   *     or blank, or {@code currency} is not an ISO 4217 code
   */
  public Account {
    code = Checks.optional(code);
    Checks.required(role, ENTITY, "role");
    Checks.required(name, ENTITY, "name");
    billingAddress = Checks.optional(billingAddress);
    deliveryAddress = Checks.optional(deliveryAddress);
    phone = Checks.optional(phone);
    fax = Checks.optional(fax);
    email = Checks.optional(email);
    defaultWarehouse = Checks.optional(defaultWarehouse);
    invoiceTo = Checks.optional(invoiceTo);
    currency = Checks.optional(currency);
    creditLimit = Checks.optional(creditLimit);
    overallDiscount = Checks.optional(overallDiscount);
    priceBand = Checks.optional(priceBand);
    compoundOverallDiscount = Checks.optional(compoundOverallDiscount);
    vatCode = Checks.optional(vatCode);
    vatRegistration = Checks.optional(vatRegistration);
    settlementDiscount = Checks.optional(settlementDiscount);
    settlementDays = Checks.optional(settlementDays);
    department = Checks.optional(department);
    costCentre = Checks.optional(costCentre);
    salesGlCode = Checks.optional(salesGlCode);
    extensions = Checks.map(extensions);
    ModelChecks.currency(currency, ENTITY, "currency");
  }

  /**
   * A new builder, every optional field empty; {@code role} and {@code name} must be set before
   * {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.code = code;
    b.role = role;
    b.name = name;
    b.billingAddress = billingAddress;
    b.deliveryAddress = deliveryAddress;
    b.phone = phone;
    b.fax = fax;
    b.email = email;
    b.defaultWarehouse = defaultWarehouse;
    b.invoiceTo = invoiceTo;
    b.onStop = onStop;
    b.closed = closed;
    b.currency = currency;
    b.creditLimit = creditLimit;
    b.overallDiscount = overallDiscount;
    b.priceBand = priceBand;
    b.compoundOverallDiscount = compoundOverallDiscount;
    b.vatCode = vatCode;
    b.vatRegistration = vatRegistration;
    b.settlementDiscount = settlementDiscount;
    b.settlementDays = settlementDays;
    b.department = department;
    b.costCentre = costCentre;
    b.salesGlCode = salesGlCode;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds an {@link Account}; {@code role} and {@code name} are required. */
  public static final class Builder {
    private Optional<String> code = Optional.empty();
    private @Nullable AccountRole role;
    private @Nullable String name;
    private Optional<Address> billingAddress = Optional.empty();
    private Optional<Address> deliveryAddress = Optional.empty();
    private Optional<String> phone = Optional.empty();
    private Optional<String> fax = Optional.empty();
    private Optional<String> email = Optional.empty();
    private Optional<String> defaultWarehouse = Optional.empty();
    private Optional<String> invoiceTo = Optional.empty();
    private boolean onStop;
    private boolean closed;
    private Optional<String> currency = Optional.empty();
    private Optional<Money> creditLimit = Optional.empty();
    private Optional<BigDecimal> overallDiscount = Optional.empty();
    private Optional<String> priceBand = Optional.empty();
    private Optional<Integer> compoundOverallDiscount = Optional.empty();
    private Optional<String> vatCode = Optional.empty();
    private Optional<String> vatRegistration = Optional.empty();
    private Optional<BigDecimal> settlementDiscount = Optional.empty();
    private Optional<Integer> settlementDays = Optional.empty();
    private Optional<String> department = Optional.empty();
    private Optional<String> costCentre = Optional.empty();
    private Optional<String> salesGlCode = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Account#code()}. */
    public Builder code(String value) {
      return code(Optional.of(value));
    }

    /** Sets {@link Account#code()}; empty clears it. */
    public Builder code(Optional<String> value) {
      this.code = value;
      return this;
    }

    /** Sets {@link Account#role()}. */
    public Builder role(AccountRole value) {
      this.role = value;
      return this;
    }

    /** Sets {@link Account#name()}. */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Sets {@link Account#billingAddress()}. */
    public Builder billingAddress(Address value) {
      return billingAddress(Optional.of(value));
    }

    /** Sets {@link Account#billingAddress()}; empty clears it. */
    public Builder billingAddress(Optional<Address> value) {
      this.billingAddress = value;
      return this;
    }

    /** Sets {@link Account#deliveryAddress()}. */
    public Builder deliveryAddress(Address value) {
      return deliveryAddress(Optional.of(value));
    }

    /** Sets {@link Account#deliveryAddress()}; empty clears it. */
    public Builder deliveryAddress(Optional<Address> value) {
      this.deliveryAddress = value;
      return this;
    }

    /** Sets {@link Account#phone()}. */
    public Builder phone(String value) {
      return phone(Optional.of(value));
    }

    /** Sets {@link Account#phone()}; empty clears it. */
    public Builder phone(Optional<String> value) {
      this.phone = value;
      return this;
    }

    /** Sets {@link Account#fax()}. */
    public Builder fax(String value) {
      return fax(Optional.of(value));
    }

    /** Sets {@link Account#fax()}; empty clears it. */
    public Builder fax(Optional<String> value) {
      this.fax = value;
      return this;
    }

    /** Sets {@link Account#email()}. */
    public Builder email(String value) {
      return email(Optional.of(value));
    }

    /** Sets {@link Account#email()}; empty clears it. */
    public Builder email(Optional<String> value) {
      this.email = value;
      return this;
    }

    /** Sets {@link Account#defaultWarehouse()}. */
    public Builder defaultWarehouse(String value) {
      return defaultWarehouse(Optional.of(value));
    }

    /** Sets {@link Account#defaultWarehouse()}; empty clears it. */
    public Builder defaultWarehouse(Optional<String> value) {
      this.defaultWarehouse = value;
      return this;
    }

    /** Sets {@link Account#invoiceTo()}. */
    public Builder invoiceTo(String value) {
      return invoiceTo(Optional.of(value));
    }

    /** Sets {@link Account#invoiceTo()}; empty clears it. */
    public Builder invoiceTo(Optional<String> value) {
      this.invoiceTo = value;
      return this;
    }

    /** Sets {@link Account#onStop()}. */
    public Builder onStop(boolean value) {
      this.onStop = value;
      return this;
    }

    /** Sets {@link Account#closed()}. */
    public Builder closed(boolean value) {
      this.closed = value;
      return this;
    }

    /** Sets {@link Account#currency()}. */
    public Builder currency(String value) {
      return currency(Optional.of(value));
    }

    /** Sets {@link Account#currency()}; empty clears it. */
    public Builder currency(Optional<String> value) {
      this.currency = value;
      return this;
    }

    /** Sets {@link Account#creditLimit()}. */
    public Builder creditLimit(Money value) {
      return creditLimit(Optional.of(value));
    }

    /** Sets {@link Account#creditLimit()}; empty clears it. */
    public Builder creditLimit(Optional<Money> value) {
      this.creditLimit = value;
      return this;
    }

    /** Sets {@link Account#overallDiscount()}. */
    public Builder overallDiscount(BigDecimal value) {
      return overallDiscount(Optional.of(value));
    }

    /** Sets {@link Account#overallDiscount()}; empty clears it. */
    public Builder overallDiscount(Optional<BigDecimal> value) {
      this.overallDiscount = value;
      return this;
    }

    /** Sets {@link Account#priceBand()}. */
    public Builder priceBand(String value) {
      return priceBand(Optional.of(value));
    }

    /** Sets {@link Account#priceBand()}; empty clears it. */
    public Builder priceBand(Optional<String> value) {
      this.priceBand = value;
      return this;
    }

    /** Sets {@link Account#compoundOverallDiscount()}. */
    public Builder compoundOverallDiscount(int value) {
      return compoundOverallDiscount(Optional.of(value));
    }

    /** Sets {@link Account#compoundOverallDiscount()}; empty clears it. */
    public Builder compoundOverallDiscount(Optional<Integer> value) {
      this.compoundOverallDiscount = value;
      return this;
    }

    /** Sets {@link Account#vatCode()}. */
    public Builder vatCode(String value) {
      return vatCode(Optional.of(value));
    }

    /** Sets {@link Account#vatCode()}; empty clears it. */
    public Builder vatCode(Optional<String> value) {
      this.vatCode = value;
      return this;
    }

    /** Sets {@link Account#vatRegistration()}. */
    public Builder vatRegistration(String value) {
      return vatRegistration(Optional.of(value));
    }

    /** Sets {@link Account#vatRegistration()}; empty clears it. */
    public Builder vatRegistration(Optional<String> value) {
      this.vatRegistration = value;
      return this;
    }

    /** Sets {@link Account#settlementDiscount()}. */
    public Builder settlementDiscount(BigDecimal value) {
      return settlementDiscount(Optional.of(value));
    }

    /** Sets {@link Account#settlementDiscount()}; empty clears it. */
    public Builder settlementDiscount(Optional<BigDecimal> value) {
      this.settlementDiscount = value;
      return this;
    }

    /** Sets {@link Account#settlementDays()}. */
    public Builder settlementDays(int value) {
      return settlementDays(Optional.of(value));
    }

    /** Sets {@link Account#settlementDays()}; empty clears it. */
    public Builder settlementDays(Optional<Integer> value) {
      this.settlementDays = value;
      return this;
    }

    /** Sets {@link Account#department()}. */
    public Builder department(String value) {
      return department(Optional.of(value));
    }

    /** Sets {@link Account#department()}; empty clears it. */
    public Builder department(Optional<String> value) {
      this.department = value;
      return this;
    }

    /** Sets {@link Account#costCentre()}. */
    public Builder costCentre(String value) {
      return costCentre(Optional.of(value));
    }

    /** Sets {@link Account#costCentre()}; empty clears it. */
    public Builder costCentre(Optional<String> value) {
      this.costCentre = value;
      return this;
    }

    /** Sets {@link Account#salesGlCode()}. */
    public Builder salesGlCode(String value) {
      return salesGlCode(Optional.of(value));
    }

    /** Sets {@link Account#salesGlCode()}; empty clears it. */
    public Builder salesGlCode(Optional<String> value) {
      this.salesGlCode = value;
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
     * Builds the {@link Account}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code role} or {@code name} is
     *     missing or blank, or {@code currency} is not an ISO 4217 code
     */
    public Account build() {
      return new Account(code, role, name, billingAddress, deliveryAddress, phone, fax, email,
          defaultWarehouse, invoiceTo, onStop, closed, currency, creditLimit, overallDiscount, priceBand,
          compoundOverallDiscount, vatCode, vatRegistration, settlementDiscount, settlementDays, department,
          costCentre, salesGlCode, extensions);
    }
  }
}
