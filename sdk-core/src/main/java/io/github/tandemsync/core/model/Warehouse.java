package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stock location (Exchequer location, seed 001 "Warehouses").
 *
 * @param code location code (Exchequer {@code loCode})
 * @param name location name (Exchequer {@code loName})
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Warehouse(
    String code,
    Optional<String> name,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Warehouse";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
   */
  public Warehouse {
    Checks.required(code, ENTITY, "code");
    name = Checks.optional(name);
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
    b.name = name;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link Warehouse}; {@code code} is required. */
  public static final class Builder {
    private @Nullable String code;
    private Optional<String> name = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Warehouse#code()}. */
    public Builder code(String value) {
      this.code = value;
      return this;
    }

    /** Sets {@link Warehouse#name()}. */
    public Builder name(String value) {
      return name(Optional.of(value));
    }

    /** Sets {@link Warehouse#name()}; empty clears it. */
    public Builder name(Optional<String> value) {
      this.name = value;
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
     * Builds the {@link Warehouse}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
     */
    public Warehouse build() {
      return new Warehouse(code, name, extensions);
    }
  }
}
