package io.github.tandemsync.core.model;

/**
 * Level of a {@link Job} in the job tree (Exchequer {@code jrType}).
 */
public enum JobRecordType {
  /** A contract grouping jobs (Exchequer {@code K}). */
  CONTRACT,
  /** A job (Exchequer {@code J}). */
  JOB,
  /** A phase of a job (Exchequer {@code Z}). */
  PHASE
}
