package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A product group (Exchequer stock record of type group, seed 001 "Product Categories"); categories
 * form a tree through {@link #parentCode()}.
 *
 * @param code category code (Exchequer {@code stCode} of the group)
 * @param description name of the category (Exchequer {@code stDesc(1)})
 * @param parentCode code of the parent category; empty at the top (Exchequer {@code stParentCode})
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record ProductCategory(
    String code,
    Optional<String> description,
    Optional<String> parentCode,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "ProductCategory";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
   */
  public ProductCategory {
    Checks.required(code, ENTITY, "code");
    description = Checks.optional(description);
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
    b.parentCode = parentCode;
    b.extensions.putAll(extensions);
    return b;
  }

  /** Builds a {@link ProductCategory}; {@code code} is required. */
  public static final class Builder {
    private @Nullable String code;
    private Optional<String> description = Optional.empty();
    private Optional<String> parentCode = Optional.empty();
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link ProductCategory#code()}. */
    public Builder code(String value) {
      this.code = value;
      return this;
    }

    /** Sets {@link ProductCategory#description()}. */
    public Builder description(String value) {
      return description(Optional.of(value));
    }

    /** Sets {@link ProductCategory#description()}; empty clears it. */
    public Builder description(Optional<String> value) {
      this.description = value;
      return this;
    }

    /** Sets {@link ProductCategory#parentCode()}. */
    public Builder parentCode(String value) {
      return parentCode(Optional.of(value));
    }

    /** Sets {@link ProductCategory#parentCode()}; empty clears it. */
    public Builder parentCode(Optional<String> value) {
      this.parentCode = value;
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
     * Builds the {@link ProductCategory}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
     */
    public ProductCategory build() {
      return new ProductCategory(code, description, parentCode, extensions);
    }
  }
}
