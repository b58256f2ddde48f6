package io.github.tandemsync.core.model;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.core.internal.Checks;
import java.math.BigDecimal;

/**
 * A weight with its unit. The value keeps its scale, which carries the number of decimals the
 * source uses (seed 001: unit weights have 2 decimals, in kilograms).
 *
 * @param value the weight, not negative
 * @param unit the unit's symbol, e.g. {@code kg}
 */
public record Weight(BigDecimal value, String unit) {
  static final String ENTITY = "Weight";

  /** The unit symbol for kilograms, the unit seed 001 uses. */
  public static final String KILOGRAMS = "kg";

  /**
   * Checks the value and the unit.
   *
   * @throws InvalidRecordException if either is missing, the unit is blank
   *     or the value is negative
   */
  public Weight {
    Checks.required(value, ENTITY, "value");
    Checks.required(unit, ENTITY, "unit");
    if (value.signum() < 0) {
      throw new InvalidRecordException(ENTITY, null, "value",
          "must not be negative, was " + value.toPlainString());
    }
  }

  /** A weight from its decimal text (scale kept) and unit, e.g. {@code Weight.of("2.50", "kg")}. */
  public static Weight of(String value, String unit) {
    return new Weight(new BigDecimal(value), unit);
  }

  /** A weight in kilograms. */
  public static Weight kilograms(BigDecimal value) {
    return new Weight(value, KILOGRAMS);
  }

  @Override
  public String toString() {
    return value.toPlainString() + " " + unit;
  }
}
