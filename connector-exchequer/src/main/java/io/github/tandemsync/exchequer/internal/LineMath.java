package io.github.tandemsync.exchequer.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * Line and header arithmetic of reference §8 and §9, on decimals rounded half-up the way Exchequer
 * rounds ({@code Round_Up}).
 */
final class LineMath {
  /** A delivery note's OurRef at the start of a description line (contract B). */
  private static final Pattern DELIVERY_REF = Pattern.compile("^(SDN[0-9A-Z][0-9]{5})(\\s.*)?$");

  private LineMath() {}

  /** Effective quantity: {@code tlQty × tlQtyMul} when the line counts packs. */
  static BigDecimal quantity(Fields line, int decimals) {
    BigDecimal qty = line.exact("tlQty", "quantity");
    if (line.flag("tlUsePack")) {
      BigDecimal multiplier = line.exact("tlQtyMul", "quantity");
      if (multiplier.signum() != 0) {
        qty = qty.multiply(multiplier);
      }
    }
    return qty.setScale(decimals, RoundingMode.HALF_UP);
  }

  /** Unit price: {@code tlNetValue} (× {@code tlPriceMultiplier} when set), rounded to the price decimals. */
  static BigDecimal unitPrice(Fields line, int decimals) {
    BigDecimal price = line.exact("tlNetValue", "unitPrice");
    BigDecimal multiplier = line.exact("tlPriceMultiplier", "unitPrice");
    if (multiplier.signum() != 0) {
      price = price.multiply(multiplier);
    }
    return price.setScale(decimals, RoundingMode.HALF_UP);
  }

  /**
   * Discount per unit (efn_CalculateDiscount): discount 1 is {@code price × tlDiscount} when
   * {@code tlDiscFlag = '%'} (a fraction), else the amount; discounts 2 and 3 apply the same rule
   * to what remains.
   */
  static BigDecimal discountPerUnit(Fields line, BigDecimal price) {
    BigDecimal remaining = price;
    remaining = remaining.subtract(discount(remaining, line.exact("tlDiscount", "discount"), line.text("tlDiscFlag")));
    remaining = remaining.subtract(discount(remaining, line.exact("tlDiscount2", "discount"), line.text("tlDiscount2Chr")));
    remaining = remaining.subtract(discount(remaining, line.exact("tlDiscount3", "discount"), line.text("tlDiscount3Chr")));
    return price.subtract(remaining);
  }

  private static BigDecimal discount(BigDecimal base, BigDecimal value, Optional<String> flag) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return flag.filter("%"::equals).isPresent() ? base.multiply(value) : value;
  }

  /** Line net after discounts: round((price − discount per unit) × quantity, 2). */
  static BigDecimal lineNet(BigDecimal price, BigDecimal discountPerUnit, BigDecimal quantity) {
    return price.subtract(discountPerUnit).multiply(quantity).setScale(2, RoundingMode.HALF_UP);
  }

  /** The header total in the document currency (§9), unrounded. */
  static BigDecimal documentTotal(Fields header) {
    BigDecimal total = header.exact("thNetValue", "total").subtract(header.exact("thTotalLineDiscount", "total"))
        .add(header.exact("thTotalVAT", "total"));
    if (header.flag("thSettleDiscTaken")) {
      total = total.subtract(header.exact("thSettleDiscAmount", "total"));
    }
    return total;
  }

  /** The rate converting the document's amounts to base (company rate, or daily when consolidating by it). */
  static BigDecimal rate(Fields header, SystemSettings settings) {
    return header.exact(settings.dailyRateConsolidation() ? "thDailyRate" : "thCompanyRate", "rate");
  }

  static BigDecimal round2(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  /** The delivery note OurRef a description line starts with, if it does. */
  static Optional<String> deliveryReference(Optional<String> description) {
    if (description.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = DELIVERY_REF.matcher(description.get().strip().toUpperCase(java.util.Locale.ROOT));
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** Hold status flags (reference §6.6): base 1, 2, 4, 5, 6 hold; +32 notes and +128 suspend do not. */
  static boolean onHold(int holdFlag) {
    int base = holdFlag & ~(32 | 128);
    return base == 1 || base == 2 || base == 4 || base == 5 || base == 6;
  }
}
