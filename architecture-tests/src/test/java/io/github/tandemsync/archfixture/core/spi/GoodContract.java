package io.github.tandemsync.archfixture.core.spi;

/** Clean: an SPI interface. */
public interface GoodContract {
  String name();

  /** An anonymous class inside a contract's factory is part of the contract. */
  static GoodContract named(String name) {
    return new GoodContract() {
      @Override
      public String name() {
        return name;
      }
    };
  }
}
