package io.github.tandemsync.archfixture.core.spi;

/** Clean: an abstract SPI class. */
public abstract class GoodBase {
  protected abstract String name();
}
