package io.github.tandemsync.core.model;

/**
 * Where an {@link Order} is in its life.
 */
public enum OrderStatus {
  /** Being prepared; not yet confirmed. */
  DRAFT,
  /** Confirmed; nothing delivered yet. */
  OPEN,
  /** Some lines or quantities delivered. */
  PARTIALLY_DELIVERED,
  /** Everything delivered, not yet fully invoiced. */
  DELIVERED,
  /** Fully invoiced. */
  INVOICED,
  /** Cancelled; nothing more will happen. */
  CANCELLED
}
