package io.github.tandemsync.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.tandemsync.core.internal.Checks;
import java.util.Optional;

/**
 * A postal address. Accounts carry a billing and a delivery address; documents a delivery address.
 *
 * @param line1 first line (street)
 * @param line2 second line
 * @param town town or city
 * @param county county, state or region
 * @param line5 a fifth free line (Exchequer "address line 5"; the country on older data)
 * @param postcode postal code
 * @param country country name, e.g. {@code United Kingdom}
 * @param countryCode ISO 3166-1 alpha-2 code, e.g. {@code GB}
 */
public record Address(
    Optional<String> line1,
    Optional<String> line2,
    Optional<String> town,
    Optional<String> county,
    Optional<String> line5,
    Optional<String> postcode,
    Optional<String> country,
    Optional<String> countryCode) {

  /**
   * Normalises absent values to their defaults.
   */
  public Address {
    line1 = Checks.optional(line1);
    line2 = Checks.optional(line2);
    town = Checks.optional(town);
    county = Checks.optional(county);
    line5 = Checks.optional(line5);
    postcode = Checks.optional(postcode);
    country = Checks.optional(country);
    countryCode = Checks.optional(countryCode);
  }

  /** A new builder, every optional field empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.line1 = line1;
    b.line2 = line2;
    b.town = town;
    b.county = county;
    b.line5 = line5;
    b.postcode = postcode;
    b.country = country;
    b.countryCode = countryCode;
    return b;
  }

  /** Whether no line of the address is filled in. */
  @JsonIgnore
  public boolean isEmpty() {
    return line1.isEmpty() && line2.isEmpty() && town.isEmpty() && county.isEmpty() && line5.isEmpty()
        && postcode.isEmpty() && country.isEmpty() && countryCode.isEmpty();
  }

  /** Builds an {@link Address}. */
  public static final class Builder {
    private Optional<String> line1 = Optional.empty();
    private Optional<String> line2 = Optional.empty();
    private Optional<String> town = Optional.empty();
    private Optional<String> county = Optional.empty();
    private Optional<String> line5 = Optional.empty();
    private Optional<String> postcode = Optional.empty();
    private Optional<String> country = Optional.empty();
    private Optional<String> countryCode = Optional.empty();

    private Builder() {}

    /** Sets {@link Address#line1()}. */
    public Builder line1(String value) {
      return line1(Optional.of(value));
    }

    /** Sets {@link Address#line1()}; empty clears it. */
    public Builder line1(Optional<String> value) {
      this.line1 = value;
      return this;
    }

    /** Sets {@link Address#line2()}. */
    public Builder line2(String value) {
      return line2(Optional.of(value));
    }

    /** Sets {@link Address#line2()}; empty clears it. */
    public Builder line2(Optional<String> value) {
      this.line2 = value;
      return this;
    }

    /** Sets {@link Address#town()}. */
    public Builder town(String value) {
      return town(Optional.of(value));
    }

    /** Sets {@link Address#town()}; empty clears it. */
    public Builder town(Optional<String> value) {
      this.town = value;
      return this;
    }

    /** Sets {@link Address#county()}. */
    public Builder county(String value) {
      return county(Optional.of(value));
    }

    /** Sets {@link Address#county()}; empty clears it. */
    public Builder county(Optional<String> value) {
      this.county = value;
      return this;
    }

    /** Sets {@link Address#line5()}. */
    public Builder line5(String value) {
      return line5(Optional.of(value));
    }

    /** Sets {@link Address#line5()}; empty clears it. */
    public Builder line5(Optional<String> value) {
      this.line5 = value;
      return this;
    }

    /** Sets {@link Address#postcode()}. */
    public Builder postcode(String value) {
      return postcode(Optional.of(value));
    }

    /** Sets {@link Address#postcode()}; empty clears it. */
    public Builder postcode(Optional<String> value) {
      this.postcode = value;
      return this;
    }

    /** Sets {@link Address#country()}. */
    public Builder country(String value) {
      return country(Optional.of(value));
    }

    /** Sets {@link Address#country()}; empty clears it. */
    public Builder country(Optional<String> value) {
      this.country = value;
      return this;
    }

    /** Sets {@link Address#countryCode()}. */
    public Builder countryCode(String value) {
      return countryCode(Optional.of(value));
    }

    /** Sets {@link Address#countryCode()}; empty clears it. */
    public Builder countryCode(Optional<String> value) {
      this.countryCode = value;
      return this;
    }

    /**
     * Builds the {@link Address}.
     */
    public Address build() {
      return new Address(line1, line2, town, county, line5, postcode, country, countryCode);
    }
  }
}
