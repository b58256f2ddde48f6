package io.github.tandemsync.core.model;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A job-costing record: a contract, a job or a phase (seed 001 "Jobs"); they form a tree through
 * {@link #parentCode()}.
 *
 * @param code job code (Exchequer {@code jrCode})
 * @param description description (Exchequer {@code jrDesc})
 * @param parentCode code of the parent contract or job (Exchequer {@code jrParent})
 * @param altCode alternative code (Exchequer {@code jrAltCode})
 * @param contact contact person for the job (Exchequer {@code jrContact})
 * @param manager manager responsible for the job (Exchequer {@code jrManager})
 * @param completed the job is completed (Exchequer {@code jrCompleted})
 * @param startDate start date (Exchequer {@code jrStartDate})
 * @param endDate planned end date (Exchequer {@code jrEndDate})
 * @param revisedEndDate revised end date when rescheduled (Exchequer {@code jrRevisedEndDate})
 * @param recordType contract, job or phase (Exchequer {@code jrType})
 * @param jobTypeCode code of the job type definition (Exchequer {@code jrJobType})
 * @param chargeType how the job is charged (Exchequer {@code jrChargeType})
 * @param salesOrderNumber number of the linked sales {@link Order} (Exchequer {@code jrSORNumber})
 * @param quotedPrice quoted price; its currency is the quote currency (Exchequer {@code jrQuotePrice},
 *     {@code jrQuotePriceCurr})
 * @param qsCode quantity-surveyor code (Exchequer {@code jrQSCode})
 * @param status where the job is in its life (Exchequer {@code jrStatus})
 * @param customerCode code of the customer {@link Account} (Exchequer {@code jrAcCode} when a customer)
 * @param supplierCode code of the supplier {@link Account} (Exchequer {@code jrAcCode} when a supplier)
 * @param userFields user-defined fields by position, at most {@value #USER_FIELD_COUNT}: index 0 is
 *     user field 1 (Exchequer {@code jrUserField1}); an empty slot is a blank string, trailing empty
 *     slots are dropped
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Job(
    String code,
    Optional<String> description,
    Optional<String> parentCode,
    Optional<String> altCode,
    Optional<String> contact,
    Optional<String> manager,
    boolean completed,
    Optional<LocalDate> startDate,
    Optional<LocalDate> endDate,
    Optional<LocalDate> revisedEndDate,
    Optional<JobRecordType> recordType,
    Optional<String> jobTypeCode,
    Optional<JobChargeType> chargeType,
    Optional<String> salesOrderNumber,
    Optional<Money> quotedPrice,
    Optional<String> qsCode,
    Optional<JobStatus> status,
    Optional<String> customerCode,
    Optional<String> supplierCode,
    List<String> userFields,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Job";

  /**
   * How many user-defined fields a job has (Exchequer {@code jrUserField1} to {@code jrUserField10}).
   */
  public static final int USER_FIELD_COUNT = 10;

  /**
   * Normalises absent values to their defaults and validates the record.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank, or
   *     more than {@value #USER_FIELD_COUNT} user fields are filled
   */
  public Job {
    Checks.required(code, ENTITY, "code");
    description = Checks.optional(description);
    parentCode = Checks.optional(parentCode);
    altCode = Checks.optional(altCode);
    contact = Checks.optional(contact);
    manager = Checks.optional(manager);
    startDate = Checks.optional(startDate);
    endDate = Checks.optional(endDate);
    revisedEndDate = Checks.optional(revisedEndDate);
    recordType = Checks.optional(recordType);
    jobTypeCode = Checks.optional(jobTypeCode);
    chargeType = Checks.optional(chargeType);
    salesOrderNumber = Checks.optional(salesOrderNumber);
    quotedPrice = Checks.optional(quotedPrice);
    qsCode = Checks.optional(qsCode);
    status = Checks.optional(status);
    customerCode = Checks.optional(customerCode);
    supplierCode = Checks.optional(supplierCode);
    userFields = ModelChecks.slots(userFields);
    extensions = Checks.map(extensions);
    if (userFields.size() > USER_FIELD_COUNT) {
      throw new InvalidRecordException(ENTITY, code, "userFields",
          "holds at most " + USER_FIELD_COUNT + " fields, got " + userFields.size());
    }
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
    b.description = description;
    b.parentCode = parentCode;
    b.altCode = altCode;
    b.contact = contact;
    b.manager = manager;
    b.completed = completed;
    b.startDate = startDate;
    b.endDate = endDate;
    b.revisedEndDate = revisedEndDate;
    b.recordType = recordType;
    b.jobTypeCode = jobTypeCode;
    b.chargeType = chargeType;
    b.salesOrderNumber = salesOrderNumber;
    b.quotedPrice = quotedPrice;
    b.qsCode = qsCode;
    b.status = status;
    b.customerCode = customerCode;
    b.supplierCode = supplierCode;
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

  /** Builds a {@link Job}; {@code code} is required. */
  public static final class Builder {
    private @Nullable String code;
    private Optional<String> description = Optional.empty();
    private Optional<String> parentCode = Optional.empty();
    private Optional<String> altCode = Optional.empty();
    private Optional<String> contact = Optional.empty();
    private Optional<String> manager = Optional.empty();
    private boolean completed;
    private Optional<LocalDate> startDate = Optional.empty();
    private Optional<LocalDate> endDate = Optional.empty();
    private Optional<LocalDate> revisedEndDate = Optional.empty();
    private Optional<JobRecordType> recordType = Optional.empty();
    private Optional<String> jobTypeCode = Optional.empty();
    private Optional<JobChargeType> chargeType = Optional.empty();
    private Optional<String> salesOrderNumber = Optional.empty();
    private Optional<Money> quotedPrice = Optional.empty();
    private Optional<String> qsCode = Optional.empty();
    private Optional<JobStatus> status = Optional.empty();
    private Optional<String> customerCode = Optional.empty();
    private Optional<String> supplierCode = Optional.empty();
    private final List<String> userFields = new ArrayList<>();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Job#code()}. */
    public Builder code(String value) {
      this.code = value;
      return this;
    }

    /** Sets {@link Job#description()}. */
    public Builder description(String value) {
      return description(Optional.of(value));
    }

    /** Sets {@link Job#description()}; empty clears it. */
    public Builder description(Optional<String> value) {
      this.description = value;
      return this;
    }

    /** Sets {@link Job#parentCode()}. */
    public Builder parentCode(String value) {
      return parentCode(Optional.of(value));
    }

    /** Sets {@link Job#parentCode()}; empty clears it. */
    public Builder parentCode(Optional<String> value) {
      this.parentCode = value;
      return this;
    }

    /** Sets {@link Job#altCode()}. */
    public Builder altCode(String value) {
      return altCode(Optional.of(value));
    }

    /** Sets {@link Job#altCode()}; empty clears it. */
    public Builder altCode(Optional<String> value) {
      this.altCode = value;
      return this;
    }

    /** Sets {@link Job#contact()}. */
    public Builder contact(String value) {
      return contact(Optional.of(value));
    }

    /** Sets {@link Job#contact()}; empty clears it. */
    public Builder contact(Optional<String> value) {
      this.contact = value;
      return this;
    }

    /** Sets {@link Job#manager()}. */
    public Builder manager(String value) {
      return manager(Optional.of(value));
    }

    /** Sets {@link Job#manager()}; empty clears it. */
    public Builder manager(Optional<String> value) {
      this.manager = value;
      return this;
    }

    /** Sets {@link Job#completed()}. */
    public Builder completed(boolean value) {
      this.completed = value;
      return this;
    }

    /** Sets {@link Job#startDate()}. */
    public Builder startDate(LocalDate value) {
      return startDate(Optional.of(value));
    }

    /** Sets {@link Job#startDate()}; empty clears it. */
    public Builder startDate(Optional<LocalDate> value) {
      this.startDate = value;
      return this;
    }

    /** Sets {@link Job#endDate()}. */
    public Builder endDate(LocalDate value) {
      return endDate(Optional.of(value));
    }

    /** Sets {@link Job#endDate()}; empty clears it. */
    public Builder endDate(Optional<LocalDate> value) {
      this.endDate = value;
      return this;
    }

    /** Sets {@link Job#revisedEndDate()}. */
    public Builder revisedEndDate(LocalDate value) {
      return revisedEndDate(Optional.of(value));
    }

    /** Sets {@link Job#revisedEndDate()}; empty clears it. */
    public Builder revisedEndDate(Optional<LocalDate> value) {
      this.revisedEndDate = value;
      return this;
    }

    /** Sets {@link Job#recordType()}. */
    public Builder recordType(JobRecordType value) {
      return recordType(Optional.of(value));
    }

    /** Sets {@link Job#recordType()}; empty clears it. */
    public Builder recordType(Optional<JobRecordType> value) {
      this.recordType = value;
      return this;
    }

    /** Sets {@link Job#jobTypeCode()}. */
    public Builder jobTypeCode(String value) {
      return jobTypeCode(Optional.of(value));
    }

    /** Sets {@link Job#jobTypeCode()}; empty clears it. */
    public Builder jobTypeCode(Optional<String> value) {
      this.jobTypeCode = value;
      return this;
    }

    /** Sets {@link Job#chargeType()}. */
    public Builder chargeType(JobChargeType value) {
      return chargeType(Optional.of(value));
    }

    /** Sets {@link Job#chargeType()}; empty clears it. */
    public Builder chargeType(Optional<JobChargeType> value) {
      this.chargeType = value;
      return this;
    }

    /** Sets {@link Job#salesOrderNumber()}. */
    public Builder salesOrderNumber(String value) {
      return salesOrderNumber(Optional.of(value));
    }

    /** Sets {@link Job#salesOrderNumber()}; empty clears it. */
    public Builder salesOrderNumber(Optional<String> value) {
      this.salesOrderNumber = value;
      return this;
    }

    /** Sets {@link Job#quotedPrice()}. */
    public Builder quotedPrice(Money value) {
      return quotedPrice(Optional.of(value));
    }

    /** Sets {@link Job#quotedPrice()}; empty clears it. */
    public Builder quotedPrice(Optional<Money> value) {
      this.quotedPrice = value;
      return this;
    }

    /** Sets {@link Job#qsCode()}. */
    public Builder qsCode(String value) {
      return qsCode(Optional.of(value));
    }

    /** Sets {@link Job#qsCode()}; empty clears it. */
    public Builder qsCode(Optional<String> value) {
      this.qsCode = value;
      return this;
    }

    /** Sets {@link Job#status()}. */
    public Builder status(JobStatus value) {
      return status(Optional.of(value));
    }

    /** Sets {@link Job#status()}; empty clears it. */
    public Builder status(Optional<JobStatus> value) {
      this.status = value;
      return this;
    }

    /** Sets {@link Job#customerCode()}. */
    public Builder customerCode(String value) {
      return customerCode(Optional.of(value));
    }

    /** Sets {@link Job#customerCode()}; empty clears it. */
    public Builder customerCode(Optional<String> value) {
      this.customerCode = value;
      return this;
    }

    /** Sets {@link Job#supplierCode()}. */
    public Builder supplierCode(String value) {
      return supplierCode(Optional.of(value));
    }

    /** Sets {@link Job#supplierCode()}; empty clears it. */
    public Builder supplierCode(Optional<String> value) {
      this.supplierCode = value;
      return this;
    }

    /** Replaces {@link Job#userFields()}. */
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
     * Builds the {@link Job}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank, or
     *     more than {@value #USER_FIELD_COUNT} user fields are filled
     */
    public Job build() {
      return new Job(code, description, parentCode, altCode, contact, manager, completed, startDate, endDate,
          revisedEndDate, recordType, jobTypeCode, chargeType, salesOrderNumber, quotedPrice, qsCode, status,
          customerCode, supplierCode, userFields, extensions);
    }
  }
}
