package io.github.tandemsync.core.model;

/**
 * How a {@link Job} is charged to the customer (Exchequer {@code jrChargeType}).
 */
public enum JobChargeType {
  /** Time and materials. */
  TIME_AND_MATERIALS,
  /** A fixed price. */
  FIXED_PRICE,
  /** Cost plus a percentage. */
  COST_PLUS,
  /** Not charged: internal, non-productive work. */
  NON_PRODUCTIVE
}
