package io.github.tandemsync.core.model;

/**
 * How a product's quantities are counted.
 */
public enum QuantityType {
  /** A plain quantity, with as many decimals as the product allows. */
  DECIMAL,
  /** Counted in packs: one unit of quantity is a pack of the product's quantity factor. */
  FACTOR
}
