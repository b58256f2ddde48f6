package io.github.tandemsync.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.tandemsync.core.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The price of a product in one price book: an Exchequer price band ({@code A} to {@code H}) or a
 * CRM price book.
 *
 * @param productCode code of the {@link Product}
 * @param priceBook the price band letter (e.g. {@code A}) or the price book's name
 * @param unitPrice price of one unit of sale
 * @param active whether the price may be used for new sales
 * @param extensions bespoke fields (user-defined fields, custom CRM fields), keyed by a name the
 *     partner's mapping chooses
 */
public record Price(
    String productCode,
    String priceBook,
    Money unitPrice,
    boolean active,
    Map<String, ExtensionValue> extensions) {

  static final String ENTITY = "Price";

  /**
   * Normalises absent values to their defaults and checks the required fields.
   *
   * @throws io.github.tandemsync.core.InvalidRecordException if {@code productCode}, {@code priceBook}
   *     or {@code unitPrice} is missing or blank
   */
  public Price {
    Checks.required(productCode, ENTITY, "productCode");
    Checks.required(priceBook, ENTITY, "priceBook");
    Checks.required(unitPrice, ENTITY, "unitPrice");
    extensions = Checks.map(extensions);
  }

  // Jackson passes false for an absent primitive; these flags default to true, so absence must
  // keep that default (older snapshots, hand-written JSON).
  @JsonCreator
  private static Price fromJson(
      @JsonProperty("productCode") String productCode,
      @JsonProperty("priceBook") String priceBook,
      @JsonProperty("unitPrice") Money unitPrice,
      @JsonProperty("active") @Nullable Boolean active,
      @JsonProperty("extensions") Map<String, ExtensionValue> extensions) {
    return new Price(productCode, priceBook, unitPrice, active == null || active, extensions);
  }

  /**
   * A new builder; {@code productCode}, {@code priceBook} and {@code unitPrice} must be set before
   * {@link Builder#build()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.productCode = productCode;
    b.priceBook = priceBook;
    b.unitPrice = unitPrice;
    b.active = active;
    b.extensions.putAll(extensions);
    return b;
  }

  /**
   * Builds a {@link Price}; {@code productCode}, {@code priceBook} and {@code unitPrice} are required.
   */
  public static final class Builder {
    private @Nullable String productCode;
    private @Nullable String priceBook;
    private @Nullable Money unitPrice;
    private boolean active = true;
    private final Map<String, ExtensionValue> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@link Price#productCode()}. */
    public Builder productCode(String value) {
      this.productCode = value;
      return this;
    }

    /** Sets {@link Price#priceBook()}. */
    public Builder priceBook(String value) {
      this.priceBook = value;
      return this;
    }

    /** Sets {@link Price#unitPrice()}. */
    public Builder unitPrice(Money value) {
      this.unitPrice = value;
      return this;
    }

    /** Sets {@link Price#active()}. */
    public Builder active(boolean value) {
      this.active = value;
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
     * Builds the {@link Price}.
     *
     * @throws io.github.tandemsync.core.InvalidRecordException if {@code productCode},
     *     {@code priceBook} or {@code unitPrice} is missing or blank
     */
    public Price build() {
      return new Price(productCode, priceBook, unitPrice, active, extensions);
    }
  }
}
