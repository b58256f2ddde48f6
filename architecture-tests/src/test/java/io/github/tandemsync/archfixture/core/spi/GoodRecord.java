package io.github.tandemsync.archfixture.core.spi;

/** Clean: an SPI record with a builder. */
public record GoodRecord(String value) {

  /** Builder of the record: allowed in SPI packages. */
  public static final class Builder {
    private String value = "";

    /** Sets the value. */
    public Builder value(String newValue) {
      this.value = newValue;
      return this;
    }

    /** Builds the record. */
    public GoodRecord build() {
      return new GoodRecord(value);
    }
  }
}
