package io.github.tandemsync.archfixture.core.spi;

/** Violation: a concrete class in an SPI package. */
public class ConcreteSpiClass {
  public String name() {
    return "concrete";
  }
}
