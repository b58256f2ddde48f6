package io.github.tandemsync.archfixture.core.spi;

/** Clean: an SPI enum. */
public enum GoodEnum {
  A,
  B
}
