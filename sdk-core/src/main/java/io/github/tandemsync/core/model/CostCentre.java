package io.github.tandemsync.core.model;

import io.github.tandemsync.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A cost centre code used to analyse postings (seed 001 "Cost Centres").
 *
 * @param code cost centre code (Exchequer {@code cdCode})
 * @param description cost centre name (Exchequer {@code cdName})
 * @param obsolete inactive (Exchequer {@code cdInactive})
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record CostCentre(
    String code,
    Optional<String> description,
    boolean obsolete,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "CostCentre";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
   */
  public CostCentre {
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

  /** Builds a {@link CostCentre}; {@code code} is required. */
  public static final class Builder {
    private @Nullable String code;
    private Optional<String> description = Optional.empty();
    private boolean obsolete;
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link CostCentre#code()}. */
    public Builder code(String value) {
      this.code = value;
      return this;
    }

    /** Sets {@link CostCentre#description()}. */
    public Builder description(String value) {
      return description(Optional.of(value));
    }

    /** Sets {@link CostCentre#description()}; empty clears it. */
    public Builder description(Optional<String> value) {
      this.description = value;
      return this;
    }

    /** Sets {@link CostCentre#obsolete()}. */
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
     * Builds the {@link CostCentre}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code code} is missing or blank
     */
    public CostCentre build() {
      return new CostCentre(code, description, obsolete, extensions);
    }
  }
}
