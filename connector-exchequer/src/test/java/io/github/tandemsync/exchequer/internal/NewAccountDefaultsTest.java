package io.github.tandemsync.exchequer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Defaults for new accounts come from text (configuration files); the Toolkit wants them typed. */
class NewAccountDefaultsTest {

  @Test
  void numbersForNumericPropertiesTextForTextOnes() {
    assertEquals(30, ToolkitAccountValues.typed("acPayTerms", "30"));
    assertEquals(new BigDecimal("2.5"), ToolkitAccountValues.typed("acDefSettleDisc", "2.5"));
    assertEquals("007", ToolkitAccountValues.typed("acDepartment", "007"), "a department code keeps its leading zeros");
    assertEquals("10", ToolkitAccountValues.typed("acCostCentre", "10"));
    assertEquals("1234", ToolkitAccountValues.typed("acUserDef1", "1234"));
    assertEquals("S", ToolkitAccountValues.typed("acVATCode", "S"));
    assertEquals(30, ToolkitAccountValues.typed("acPayTerms", 30), "already typed (the builder API) stays as given");
    assertEquals("0012", ToolkitAccountValues.typed("acArea", "0012"), "text unless the property is known to hold numbers");
    assertEquals("001234", ToolkitAccountValues.typed("acStatementTo", "001234"));
    assertEquals(4010, ToolkitAccountValues.typed("acSalesGL", "4010"));
    assertEquals(new BigDecimal("5000"), ToolkitAccountValues.typed("acCreditLimit", "5000"), "an amount, even without decimals");
  }

  @Test
  void aValueANumericPropertyCannotHoldIsNamed() {
    assertEquals(java.util.Optional.of("must be a whole number, was 'thirty'"), ToolkitAccountValues.problem("acPayTerms", "thirty"));
    assertEquals(java.util.Optional.empty(), ToolkitAccountValues.problem("acDepartment", "thirty"));
  }
}
