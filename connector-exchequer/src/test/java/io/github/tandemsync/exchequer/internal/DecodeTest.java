package io.github.tandemsync.exchequer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.spi.Watermark;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DecodeTest {

  @ParameterizedTest(name = "blank date variant [{0}]")
  @ValueSource(strings = {"", " ", "        ", "00000000", "\0\0\0\0\0\0\0\0", "\0", "0000", " \0 0"})
  void everyBlankDateVariantIsEmpty(String raw) {
    assertEquals(Optional.empty(), Decode.date(raw));
  }

  @Test
  void nullDateIsEmpty() {
    assertEquals(Optional.empty(), Decode.date(null));
  }

  @Test
  void datesAreYyyyMmDd() {
    assertEquals(Optional.of(LocalDate.of(2026, 3, 15)), Decode.date("20260315"));
    assertEquals(Optional.of(LocalDate.of(2026, 3, 15)), Decode.date("20260315\0"));
  }

  @Test
  void aDateThatIsNotOneSaysWhy() {
    Decode.BadValue bad = assertThrows(Decode.BadValue.class, () -> Decode.date("20261345"));
    assertTrue(bad.getMessage().contains("20261345"), bad.getMessage());
    Decode.BadValue text = assertThrows(Decode.BadValue.class, () -> Decode.date("15/03/26"));
    assertTrue(text.getMessage().contains("YYYYMMDD"), text.getMessage());
    Decode.BadValue control = assertThrows(Decode.BadValue.class, () -> Decode.date("2026\u0001315"));
    assertTrue(control.getMessage().contains("\\x01"), "control characters are shown, not printed: " + control.getMessage());
  }

  @Test
  void timesAreHhMmSs() {
    assertEquals(Optional.of(LocalTime.of(10, 15, 0)), Decode.time("101500"));
    assertEquals(Optional.empty(), Decode.time("      "));
    assertEquals(Optional.empty(), Decode.time("\0\0\0\0\0\0"));
    assertThrows(Decode.BadValue.class, () -> Decode.time("256000"));
  }

  @Test
  void yearsAreStoredAsYearMinus1900() {
    assertEquals(2026, Decode.year(126));
    assertEquals(1999, Decode.year(99));
  }

  @Test
  void textLosesNulPaddingAndBlanks() {
    assertEquals(Optional.of("Tandem Ltd"), Decode.text("Tandem Ltd\0\0\0\0"));
    assertEquals(Optional.of("Tandem Ltd"), Decode.text("  Tandem Ltd   "));
    assertEquals(Optional.empty(), Decode.text("\0\0\0"));
    assertEquals(Optional.empty(), Decode.text("   "));
    assertEquals(Optional.of("ABAP01"), Decode.code("abap01  "));
  }

  @Test
  void real48NoiseRoundsHalfUpToTheDecimals() {
    assertEquals(new BigDecimal("12.50"), Decode.real(12.499999999, 2));
    assertEquals(new BigDecimal("12.50"), Decode.real(12.500000001, 2));
    assertEquals(new BigDecimal("2.68"), Decode.real(2.675, 2));
    assertEquals(new BigDecimal("-2.68"), Decode.real(-2.675, 2));
    assertEquals(new BigDecimal("0.30"), Decode.real(0.1 + 0.2, 2));
    assertEquals(new BigDecimal("0.0000"), Decode.real(null, 4));
    assertThrows(Decode.BadValue.class, () -> Decode.real(Double.NaN, 2));
    assertThrows(Decode.BadValue.class, () -> Decode.real(Double.POSITIVE_INFINITY, 2));
  }

  @Test
  void lengthPrefixedStringsAreDecodedInJava() {
    byte[] code = {3, 'S', 'Y', 'S'};
    assertEquals(Optional.of("SYS"), Decode.lengthPrefixed(code));
    byte[] padded = new byte[21];
    padded[0] = 8;
    System.arraycopy("WIDGET-1".getBytes(Decode.ANSI), 0, padded, 1, 8);
    assertEquals(Optional.of("WIDGET-1"), Decode.lengthPrefixed(padded));
    byte[] lying = {50, 'A', 'B'};
    assertEquals(Optional.of("AB"), Decode.lengthPrefixed(lying), "a length beyond the data is clamped");
    assertEquals(Optional.empty(), Decode.lengthPrefixed(new byte[21]));
    assertEquals(Optional.of("£5"), Decode.lengthPrefixed(new byte[] {2, (byte) 0xA3, '5'}), "windows-1252");
    assertArrayEquals(new byte[] {3, 'Q', '-', '1'}, Decode.lengthPrefix("Q-1"));
  }

  @Test
  void flagsAndIntegers() {
    assertTrue(Decode.flag(true));
    assertTrue(Decode.flag(1));
    assertEquals(false, Decode.flag(0));
    assertEquals(false, Decode.flag(null));
    assertEquals(7, Decode.integer(7.0));
    assertThrows(Decode.BadValue.class, () -> Decode.integer("7.5"));
  }

  @Test
  void watermarksKeepRawStampsIncludingNuls() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("d", "2026\0315");
    values.put("t", "10 15&=?");
    Watermark mark = WatermarkCodec.encode("account", values);
    assertTrue(mark.value().startsWith("exq1/account?"));
    assertEquals(values, WatermarkCodec.decode("account", mark));
    assertEquals(Map.of(), WatermarkCodec.decode("account", Watermark.initial()));
    assertThrows(ConfigurationException.class, () -> WatermarkCodec.decode("product", mark));
  }

  @Test
  void currenciesFromDescriptionsAndSymbols() {
    assertEquals(Optional.of("GBP"), Currencies.resolve("Sterling", "£", "£"));
    assertEquals(Optional.of("EUR"), Currencies.resolve("Euro", "€", ""));
    assertEquals(Optional.of("USD"), Currencies.resolve("US Dollar", "$", "$"));
    assertEquals(Optional.of("CHF"), Currencies.resolve("chf", "", ""));
    assertEquals(Optional.of("JPY"), Currencies.resolve("Yen", "¥", ""));
    assertEquals(Optional.empty(), Currencies.resolve("Dollars", "", ""), "ambiguous without a symbol? only 'dollar' maps");
    assertEquals(Optional.empty(), Currencies.resolve("Zorkmid", "Z", ""));
    assertEquals(new BigDecimal("28.846154"), Currencies.toBase(new BigDecimal("33.75"), 2, new BigDecimal("1.17")));
    assertEquals(new BigDecimal("33.75"), Currencies.toBase(new BigDecimal("33.75"), 1, new BigDecimal("1.17")));
    assertEquals(new BigDecimal("33.75"), Currencies.toBase(new BigDecimal("33.75"), 2, BigDecimal.ZERO));
  }

  @Test
  void countriesFromTheIsoTable() {
    assertEquals(Optional.of("United Kingdom"), Countries.name("GB"));
    assertEquals(Optional.of("Ireland"), Countries.name("ie"));
    assertEquals(Optional.empty(), Countries.name("XX"));
    assertEquals(Optional.of("GB"), Countries.code("United Kingdom"));
    assertEquals(Optional.of("GB"), Countries.code("England"));
    assertEquals(Optional.of("DE"), Countries.code("de"));
  }

  @Test
  void contactNamesAreParsed() {
    var mr = ContactNames.parse("Mr John Smith").orElseThrow();
    assertEquals(Optional.of("Mr"), mr.title());
    assertEquals(Optional.of("John"), mr.forename());
    assertEquals("Smith", mr.surname());
    assertEquals("Mr John Smith", mr.salutation());
    var doctor = ContactNames.parse("Dr. A. N. Other").orElseThrow();
    assertEquals(Optional.of("Dr."), doctor.title());
    assertEquals(Optional.of("A. N."), doctor.forename());
    var reversed = ContactNames.parse("Smith, Jane").orElseThrow();
    assertEquals("Smith", reversed.surname());
    assertEquals(Optional.of("Jane"), reversed.forename());
    var single = ContactNames.parse("Accounts").orElseThrow();
    assertEquals("Accounts", single.surname());
    assertEquals(Optional.empty(), single.forename());
    assertEquals(Optional.empty(), ContactNames.parse("   "));
    assertEquals("Mrs Jane Smith", ContactNames.join(Optional.of("Mrs"), Optional.of("Jane"), "Smith"));
  }

  @Test
  void gatewayKeysFitTwentyCharactersStably() {
    assertEquals("Q-00012", GatewayKeys.fit("Q-00012"));
    String long1 = GatewayKeys.fit("0Q0000000000001AAA-upsert-quote-attempt");
    assertEquals(20, long1.length());
    assertEquals(long1, GatewayKeys.fit("0Q0000000000001AAA-upsert-quote-attempt"), "stable across replays");
    assertTrue(!long1.equals(GatewayKeys.fit("0Q0000000000001AAB-upsert-quote-attempt")));
    assertEquals(20, GatewayKeys.fit("with space").length(), "unusual characters are digested too");
  }

  @Test
  void defaultAccountCodes() {
    var account = io.github.tandemsync.core.model.Account.builder()
        .role(io.github.tandemsync.core.model.AccountRole.CUSTOMER).name("Ab Plumbing Ltd").build();
    assertEquals("ABPL01", DefaultAccountCodes.INSTANCE.generate(account, code -> false));
    assertEquals("ABPL03", DefaultAccountCodes.INSTANCE.generate(account, code -> code.compareTo("ABPL03") < 0));
    var shortName = account.toBuilder().name("Ö").build();
    assertEquals("OXXX01", DefaultAccountCodes.INSTANCE.generate(shortName, code -> false));
    var symbols = account.toBuilder().name("***").build();
    assertThrows(io.github.tandemsync.core.InvalidRecordException.class,
        () -> DefaultAccountCodes.INSTANCE.generate(symbols, code -> false));
  }

  static Charset ansi() {
    return Decode.ANSI;
  }
}
