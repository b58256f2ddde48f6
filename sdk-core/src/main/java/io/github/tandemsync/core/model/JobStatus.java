package io.github.tandemsync.core.model;

/**
 * Where a {@link Job} is in its life (Exchequer {@code jrStatus}).
 */
public enum JobStatus {
  /** Quoted, not yet started. */
  QUOTATION,
  /** In progress. */
  ACTIVE,
  /** Paused. */
  SUSPENDED,
  /** Work completed. */
  COMPLETED,
  /** Closed; no more postings. */
  CLOSED
}
