package io.github.tandemsync.exchequer.internal;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The types of the Toolkit account properties Tandem sets from configuration (defaults for new
 * accounts): configuration files give text, the Toolkit wants numbers where a property holds one.
 */
public final class ToolkitAccountValues {
  /** Toolkit account properties that hold numbers; every other property is text (codes keep leading zeros). */
  private static final Set<String> NUMERIC = Set.of("acPayTerms", "acDefSettleDays", "acDefSettleDisc", "acCreditLimit",
      "acDiscount", "acCurrency", "acSalesGL", "acCOSGL", "acCtrlGL", "acAccStatus", "acDirDebMode", "acOrderConsolidationMode");
  /** Of those, the ones holding amounts and percentages rather than whole numbers. */
  private static final Set<String> DECIMAL = Set.of("acDefSettleDisc", "acCreditLimit", "acDiscount");
  /** Toolkit account properties that hold true/false. */
  private static final Set<String> BOOLEAN = Set.of("acPrintPayIn", "acHOLDPayments", "acPayInToAccount", "acUseEmail", "acInclusiveVAT");

  private ToolkitAccountValues() {}

  /**
   * A value as the Toolkit wants it: a number for a numeric property ({@code acPayTerms=30}), a
   * boolean for a true/false one; text properties ({@code acDepartment=007}) stay text.
   */
  public static Object typed(String property, Object value) {
    if (!(value instanceof String text)) {
      return value;
    }
    if (BOOLEAN.contains(property) && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(text);
    }
    if (DECIMAL.contains(property) && text.matches("-?[0-9]+(\\.[0-9]+)?")) {
      return new BigDecimal(text);
    }
    if (NUMERIC.contains(property) && text.matches("-?[0-9]{1,9}")) {
      return Integer.valueOf(text);
    }
    return text;
  }

  /** Why {@code value} cannot be given to {@code property}, if it cannot: a numeric property needs a number. */
  public static Optional<String> problem(String property, Object value) {
    Object typed = typed(property, value);
    if (NUMERIC.contains(property) && !(typed instanceof Number)) {
      return Optional.of("must be " + (DECIMAL.contains(property) ? "a number" : "a whole number") + ", was '" + value + "'");
    }
    if (BOOLEAN.contains(property) && !(typed instanceof Boolean)) {
      return Optional.of("must be true or false, was '" + value + "'");
    }
    return Optional.empty();
  }
}
