package io.github.tandemsync.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.InvalidRecordException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  /** A screen symbol, a lower-case code, a currency number: all mapping bugs the model catches. */
  @ParameterizedTest
  @ValueSource(strings = {"£", "gbp", "GB", "GBPX", "826", " GBP", "€"})
  void rejectsNonIsoCurrency(String currency) {
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> Money.of("12.50", currency));
    assertEquals("Money", e.entity());
    assertEquals(Optional.of("currency"), e.field());
    assertTrue(e.getMessage().contains("ISO 4217"), e.getMessage());
  }

  @Test
  void keepsScaleAndComparesValueSeparately() {
    Money twelveFifty = Money.of("12.50", "GBP");
    Money twelveFive = Money.of("12.5", "GBP");
    assertEquals(2, twelveFifty.amount().scale());
    assertNotEquals(twelveFifty, twelveFive, "equals keeps the scale, so decimals survive diffing");
    assertTrue(twelveFifty.sameValueAs(twelveFive));
    assertFalse(twelveFifty.sameValueAs(Money.of("12.50", "EUR")));
    assertEquals("12.50 GBP", twelveFifty.toString());
  }

  @Test
  void blankCurrencyIsMissing() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> Money.of("12.50", " "));
    assertEquals("Money field 'currency' is required but missing", e.getMessage());
  }

  @Test
  void negatesForCredits() {
    assertEquals(Money.of("-37.50", "EUR"), Money.of("37.50", "EUR").negate());
  }

  @Test
  void recordLevelCurrenciesMustBeIsoToo() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class,
        () -> Invoice.builder().number("SIN000001").currency("£").build());
    assertEquals("Invoice", e.entity());
    assertEquals(Optional.of("currency"), e.field());
    assertThrows(InvalidRecordException.class, () -> AccountBalances.builder().accountCode("A").currency("£").build());
    assertThrows(InvalidRecordException.class, () -> Account.builder().role(AccountRole.CUSTOMER).name("A").currency("$").build());
    assertThrows(InvalidRecordException.class, () -> InvoiceLine.builder().currency("eur").build());
  }
}
