package io.github.tandemsync.exchequer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Defaults for new accounts come from text (configuration files); the Toolkit wants them typed. */
class NewAccountDefaultsTest {

  @Test
  void numbersForNumericPropertiesTextForTextOnes() {
    assertEquals(30, AccountWriter.typed("acPayTerms", "30"));
    assertEquals(new BigDecimal("2.5"), AccountWriter.typed("acDefSettleDisc", "2.5"));
    assertEquals("007", AccountWriter.typed("acDepartment", "007"), "a department code keeps its leading zeros");
    assertEquals("10", AccountWriter.typed("acCostCentre", "10"));
    assertEquals("1234", AccountWriter.typed("acUserDef1", "1234"));
    assertEquals("S", AccountWriter.typed("acVATCode", "S"));
    assertEquals(30, AccountWriter.typed("acPayTerms", 30), "already typed (the builder API) stays as given");
    assertEquals("0012", AccountWriter.typed("acArea", "0012"), "text unless the property is known to hold numbers");
    assertEquals("001234", AccountWriter.typed("acStatementTo", "001234"));
    assertEquals(4010, AccountWriter.typed("acSalesGL", "4010"));
    assertEquals(new BigDecimal("5000"), AccountWriter.typed("acCreditLimit", "5000"), "an amount, even without decimals");
  }
}
