package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sales opportunity in the CRM (a Salesforce Opportunity): read to link quotes and orders, and to
 * update its stage when an order is won.
 *
 * @param name the opportunity's name
 * @param accountCode code of the {@link Account}
 * @param stage sales stage as the CRM names it, e.g. {@code Closed Won}
 * @param closeDate expected or actual close date
 * @param amount expected value
 * @param quoteReference reference of the synced {@link Quote}
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Opportunity(
    String name,
    Optional<String> accountCode,
    Optional<String> stage,
    Optional<LocalDate> closeDate,
    Optional<Money> amount,
    Optional<String> quoteReference,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Opportunity";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code name} is missing or blank
   */
  public Opportunity {
    Checks.required(name, ENTITY, "name");
    accountCode = Checks.optional(accountCode);
    stage = Checks.optional(stage);
    closeDate = Checks.optional(closeDate);
    amount = Checks.optional(amount);
    quoteReference = Checks.optional(quoteReference);
    extensions = Checks.map(extensions);
  }

  /**
   * A new builder, every optional field empty; {@code name} must be set before {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.accountCode = accountCode;
    b.stage = stage;
    b.closeDate = closeDate;
    b.amount = amount;
    b.quoteReference = quoteReference;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds an {@link Opportunity}; {@code name} is required. */
  public static final class Builder {
    private @Nullable String name;
    private Optional<String> accountCode = Optional.empty();
    private Optional<String> stage = Optional.empty();
    private Optional<LocalDate> closeDate = Optional.empty();
    private Optional<Money> amount = Optional.empty();
    private Optional<String> quoteReference = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Opportunity#name()}. */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Sets {@link Opportunity#accountCode()}. */
    public Builder accountCode(String value) {
      return accountCode(Optional.of(value));
    }

    /** Sets {@link Opportunity#accountCode()}; empty clears it. */
    public Builder accountCode(Optional<String> value) {
      this.accountCode = value;
      return this;
    }

    /** Sets {@link Opportunity#stage()}. */
    public Builder stage(String value) {
      return stage(Optional.of(value));
    }

    /** Sets {@link Opportunity#stage()}; empty clears it. */
    public Builder stage(Optional<String> value) {
      this.stage = value;
      return this;
    }

    /** Sets {@link Opportunity#closeDate()}. */
    public Builder closeDate(LocalDate value) {
      return closeDate(Optional.of(value));
    }

    /** Sets {@link Opportunity#closeDate()}; empty clears it. */
    public Builder closeDate(Optional<LocalDate> value) {
      this.closeDate = value;
      return this;
    }

    /** Sets {@link Opportunity#amount()}. */
    public Builder amount(Money value) {
      return amount(Optional.of(value));
    }

    /** Sets {@link Opportunity#amount()}; empty clears it. */
    public Builder amount(Optional<Money> value) {
      this.amount = value;
      return this;
    }

    /** Sets {@link Opportunity#quoteReference()}. */
    public Builder quoteReference(String value) {
      return quoteReference(Optional.of(value));
    }

    /** Sets {@link Opportunity#quoteReference()}; empty clears it. */
    public Builder quoteReference(Optional<String> value) {
      this.quoteReference = value;
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
     * Builds the {@link Opportunity}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code name} is missing or blank
     */
    public Opportunity build() {
      return new Opportunity(name, accountCode, stage, closeDate, amount, quoteReference, extensions);
    }
  }
}
