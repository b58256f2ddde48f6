package io.github.tandemsync.core.model;

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

  public static Builder builder() {
    return new Builder();
  }

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

    public Builder line1(String value) {
      this.line1 = Optional.of(value);
      return this;
    }

    public Builder line2(String value) {
      this.line2 = Optional.of(value);
      return this;
    }

    public Builder town(String value) {
      this.town = Optional.of(value);
      return this;
    }

    public Builder county(String value) {
      this.county = Optional.of(value);
      return this;
    }

    public Builder line5(String value) {
      this.line5 = Optional.of(value);
      return this;
    }

    public Builder postcode(String value) {
      this.postcode = Optional.of(value);
      return this;
    }

    public Builder country(String value) {
      this.country = Optional.of(value);
      return this;
    }

    public Builder countryCode(String value) {
      this.countryCode = Optional.of(value);
      return this;
    }

    public Address build() {
      return new Address(line1, line2, town, county, line5, postcode, country, countryCode);
    }
  }
}
