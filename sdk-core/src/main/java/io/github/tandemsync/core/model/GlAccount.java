package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A general-ledger (nominal) account (seed 001 "General Ledger").
 *
 * @param code the GL code (Exchequer {@code glCode}, an integer there)
 * @param description name of the account (Exchequer {@code glName})
 * @param type kind of account (Exchequer {@code glType})
 * @param parentCode code of the heading account above it; empty at the top (Exchequer {@code glParent})
 * @param obsolete inactive (Exchequer {@code glInactive})
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record GlAccount(
    String code,
    Optional<String> description,
    Optional<GlAccountType> type,
    Optional<String> parentCode,
    boolean obsolete,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "GlAccount";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
   */
  public GlAccount {
    Checks.required(code, ENTITY, "code");
    description = Checks.optional(description);
    type = Checks.optional(type);
    parentCode = Checks.optional(parentCode);
    extensions = Checks.map(extensions);
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
    b.type = type;
    b.parentCode = parentCode;
    b.obsolete = obsolete;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link GlAccount}; {@code code} is required. */
  public static final class Builder {
    private @Nullable String code;
    private Optional<String> description = Optional.empty();
    private Optional<GlAccountType> type = Optional.empty();
    private Optional<String> parentCode = Optional.empty();
    private boolean obsolete;
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link GlAccount#code()}. */
    public Builder code(String value) {
      this.code = value;
      return this;
    }

    /** Sets {@link GlAccount#description()}. */
    public Builder description(String value) {
      return description(Optional.of(value));
    }

    /** Sets {@link GlAccount#description()}; empty clears it. */
    public Builder description(Optional<String> value) {
      this.description = value;
      return this;
    }

    /** Sets {@link GlAccount#type()}. */
    public Builder type(GlAccountType value) {
      return type(Optional.of(value));
    }

    /** Sets {@link GlAccount#type()}; empty clears it. */
    public Builder type(Optional<GlAccountType> value) {
      this.type = value;
      return this;
    }

    /** Sets {@link GlAccount#parentCode()}. */
    public Builder parentCode(String value) {
      return parentCode(Optional.of(value));
    }

    /** Sets {@link GlAccount#parentCode()}; empty clears it. */
    public Builder parentCode(Optional<String> value) {
      this.parentCode = value;
      return this;
    }

    /** Sets {@link GlAccount#obsolete()}. */
    public Builder obsolete(boolean value) {
      this.obsolete = value;
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
     * Builds the {@link GlAccount}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
     */
    public GlAccount build() {
      return new GlAccount(code, description, type, parentCode, obsolete, extensions);
    }
  }
}
