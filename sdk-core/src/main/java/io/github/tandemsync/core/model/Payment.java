package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The payment status of one invoice (seed 001 "Payments").
 *
 * @param invoiceNumber number of the {@link Invoice} (Exchequer {@code thOurRef})
 * @param dueDate date payment is due (Exchequer {@code thDueDate})
 * @param paid fully paid: nothing outstanding (seed 001: outstanding in base currency is 0)
 * @param outstanding amount still to be paid
 * @param total the invoice total
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Payment(
    String invoiceNumber,
    Optional<LocalDate> dueDate,
    boolean paid,
    Optional<Money> outstanding,
    Optional<Money> total,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Payment";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code invoiceNumber} is missing or
   *     blank
   */
  public Payment {
    Checks.required(invoiceNumber, ENTITY, "invoiceNumber");
    dueDate = Checks.optional(dueDate);
    outstanding = Checks.optional(outstanding);
    total = Checks.optional(total);
    extensions = Checks.map(extensions);
  }

  /**
   * A new builder, every optional field empty; {@code invoiceNumber} must be set before
   * {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.invoiceNumber = invoiceNumber;
    b.dueDate = dueDate;
    b.paid = paid;
    b.outstanding = outstanding;
    b.total = total;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link Payment}; {@code invoiceNumber} is required. */
  public static final class Builder {
    private @Nullable String invoiceNumber;
    private Optional<LocalDate> dueDate = Optional.empty();
    private boolean paid;
    private Optional<Money> outstanding = Optional.empty();
    private Optional<Money> total = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Payment#invoiceNumber()}. */
    public Builder invoiceNumber(String value) {
      this.invoiceNumber = value;
      return this;
    }

    /** Sets {@link Payment#dueDate()}. */
    public Builder dueDate(LocalDate value) {
      return dueDate(Optional.of(value));
    }

    /** Sets {@link Payment#dueDate()}; empty clears it. */
    public Builder dueDate(Optional<LocalDate> value) {
      this.dueDate = value;
      return this;
    }

    /** Sets {@link Payment#paid()}. */
    public Builder paid(boolean value) {
      this.paid = value;
      return this;
    }

    /** Sets {@link Payment#outstanding()}. */
    public Builder outstanding(Money value) {
      return outstanding(Optional.of(value));
    }

    /** Sets {@link Payment#outstanding()}; empty clears it. */
    public Builder outstanding(Optional<Money> value) {
      this.outstanding = value;
      return this;
    }

    /** Sets {@link Payment#total()}. */
    public Builder total(Money value) {
      return total(Optional.of(value));
    }

    /** Sets {@link Payment#total()}; empty clears it. */
    public Builder total(Optional<Money> value) {
      this.total = value;
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
     * Builds the {@link Payment}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code invoiceNumber} is missing or
     *     blank
     */
    public Payment build() {
      return new Payment(invoiceNumber, dueDate, paid, outstanding, total, extensions);
    }
  }
}
