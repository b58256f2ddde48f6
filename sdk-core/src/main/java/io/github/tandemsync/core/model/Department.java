package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A department code used to analyse postings (seed 001 "Departments").
 *
 * @param code department code (Exchequer {@code cdCode})
 * @param description department name (Exchequer {@code cdName})
 * @param obsolete inactive (Exchequer {@code cdInactive})
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Department(
    String code,
    Optional<String> description,
    boolean obsolete,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Department";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
   */
  public Department {
    Checks.required(code, ENTITY, "code");
    description = Checks.optional(description);
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
    b.obsolete = obsolete;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link Department}; {@code code} is required. */
  public static final class Builder {
    private @Nullable String code;
    private Optional<String> description = Optional.empty();
    private boolean obsolete;
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Department#code()}. */
    public Builder code(String value) {
      this.code = value;
      return this;
    }

    /** Sets {@link Department#description()}. */
    public Builder description(String value) {
      return description(Optional.of(value));
    }

    /** Sets {@link Department#description()}; empty clears it. */
    public Builder description(Optional<String> value) {
      this.description = value;
      return this;
    }

    /** Sets {@link Department#obsolete()}. */
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
     * Builds the {@link Department}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
     */
    public Department build() {
      return new Department(code, description, obsolete, extensions);
    }
  }
}
