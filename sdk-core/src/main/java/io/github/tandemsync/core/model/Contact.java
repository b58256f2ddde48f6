package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A person at an account. Seed 001 "Division Contacts": Exchequer keeps one free-text contact name
 * per account ({@code acContact}), which the connector splits into title, first and last name.
 *
 * @param accountCode code of the account the person belongs to (Exchequer {@code acCode})
 * @param title title, e.g. {@code Mr}, {@code Mrs}, {@code Dr} (parsed from {@code acContact})
 * @param firstName forename (parsed from {@code acContact})
 * @param lastName surname (parsed from {@code acContact}; the whole name when it cannot be split)
 * @param salutation the full name as written for correspondence (Exchequer {@code acContact} as is)
 * @param email e-mail address (Exchequer {@code acEmailAddr})
 * @param phone telephone
 * @param roleCode the contact's role within the account; seed 001 takes it from the integration's
 *     settings, not from the ERP
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Contact(
    Optional<String> accountCode,
    Optional<String> title,
    Optional<String> firstName,
    String lastName,
    Optional<String> salutation,
    Optional<String> email,
    Optional<String> phone,
    Optional<String> roleCode,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Contact";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code lastName} is missing or blank
   */
  public Contact {
    accountCode = Checks.optional(accountCode);
    title = Checks.optional(title);
    firstName = Checks.optional(firstName);
    Checks.required(lastName, ENTITY, "lastName");
    salutation = Checks.optional(salutation);
    email = Checks.optional(email);
    phone = Checks.optional(phone);
    roleCode = Checks.optional(roleCode);
    extensions = Checks.map(extensions);
  }

  /**
   * A new builder, every optional field empty; {@code lastName} must be set before
   * {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountCode = accountCode;
    b.title = title;
    b.firstName = firstName;
    b.lastName = lastName;
    b.salutation = salutation;
    b.email = email;
    b.phone = phone;
    b.roleCode = roleCode;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link Contact}; {@code lastName} is required. */
  public static final class Builder {
    private Optional<String> accountCode = Optional.empty();
    private Optional<String> title = Optional.empty();
    private Optional<String> firstName = Optional.empty();
    private @Nullable String lastName;
    private Optional<String> salutation = Optional.empty();
    private Optional<String> email = Optional.empty();
    private Optional<String> phone = Optional.empty();
    private Optional<String> roleCode = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Contact#accountCode()}. */
    public Builder accountCode(String value) {
      return accountCode(Optional.of(value));
    }

    /** Sets {@link Contact#accountCode()}; empty clears it. */
    public Builder accountCode(Optional<String> value) {
      this.accountCode = value;
      return this;
    }

    /** Sets {@link Contact#title()}. */
    public Builder title(String value) {
      return title(Optional.of(value));
    }

    /** Sets {@link Contact#title()}; empty clears it. */
    public Builder title(Optional<String> value) {
      this.title = value;
      return this;
    }

    /** Sets {@link Contact#firstName()}. */
    public Builder firstName(String value) {
      return firstName(Optional.of(value));
    }

    /** Sets {@link Contact#firstName()}; empty clears it. */
    public Builder firstName(Optional<String> value) {
      this.firstName = value;
      return this;
    }

    /** Sets {@link Contact#lastName()}. */
    public Builder lastName(String value) {
      this.lastName = value;
      return this;
    }

    /** Sets {@link Contact#salutation()}. */
    public Builder salutation(String value) {
      return salutation(Optional.of(value));
    }

    /** Sets {@link Contact#salutation()}; empty clears it. */
    public Builder salutation(Optional<String> value) {
      this.salutation = value;
      return this;
    }

    /** Sets {@link Contact#email()}. */
    public Builder email(String value) {
      return email(Optional.of(value));
    }

    /** Sets {@link Contact#email()}; empty clears it. */
    public Builder email(Optional<String> value) {
      this.email = value;
      return this;
    }

    /** Sets {@link Contact#phone()}. */
    public Builder phone(String value) {
      return phone(Optional.of(value));
    }

    /** Sets {@link Contact#phone()}; empty clears it. */
    public Builder phone(Optional<String> value) {
      this.phone = value;
      return this;
    }

    /** Sets {@link Contact#roleCode()}. */
    public Builder roleCode(String value) {
      return roleCode(Optional.of(value));
    }

    /** Sets {@link Contact#roleCode()}; empty clears it. */
    public Builder roleCode(Optional<String> value) {
      this.roleCode = value;
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
     * Builds the {@link Contact}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code lastName} is missing or blank
     */
    public Contact build() {
      return new Contact(accountCode, title, firstName, lastName, salutation, email, phone, roleCode,
          extensions);
    }
  }
}
