package io.github.tandemsync.core.model;

/**
 * Where a {@link Quote} is in its life.
 */
public enum QuoteStatus {
  /** Being prepared. */
  DRAFT,
  /** Waiting for internal review or approval. */
  IN_REVIEW,
  /** Approved internally, not yet sent. */
  APPROVED,
  /** Sent to the customer. */
  PRESENTED,
  /** Accepted by the customer; ready to become an order. */
  ACCEPTED,
  /** Declined by the customer. */
  REJECTED,
  /** Converted to an order (in Exchequer: the {@code SQU} became an {@code SOR}). */
  CONVERTED
}
