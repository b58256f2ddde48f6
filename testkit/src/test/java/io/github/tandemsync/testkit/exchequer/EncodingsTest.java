package io.github.tandemsync.testkit.exchequer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EncodingsTest {
  @Test
  void lengthPrefixedStringsCarryTheirLengthInTheFirstByte() {
    byte[] bytes = Encodings.lengthPrefixed("SYS", 4);
    assertArrayEquals(new byte[] {3, 'S', 'Y', 'S'}, bytes);
    byte[] padded = Encodings.lengthPrefixed("CRM-1", 21);
    assertEquals(21, padded.length);
    assertEquals(5, padded[0]);
    assertEquals("CRM-1", Encodings.decodeLengthPrefixed(padded));
  }

  @Test
  void traderHistoryCodeIsLengthByteCodePaddedToSixAndFourteenSpaces() {
    byte[] code = Encodings.traderHistoryCode("ABAP01");
    assertEquals(21, code.length);
    assertEquals(0x14, code[0]);
    assertEquals("ABAP01" + " ".repeat(14), new String(code, 1, 20, StandardCharsets.US_ASCII));
    assertEquals("AB    " + " ".repeat(14), new String(Encodings.traderHistoryCode("AB"), 1, 20, StandardCharsets.US_ASCII));
  }

  @Test
  void costCentreNamesAreLaidOverCode3AndCcDesc() {
    String name = "Service & Installation";
    byte[][] parts = Encodings.costCentreName(name);
    assertEquals(12, parts[0].length);
    assertEquals(19, parts[1].length);
    assertEquals(name.length(), parts[0][0]);
    assertEquals("Service & I", new String(parts[0], 1, 11, StandardCharsets.US_ASCII));
    assertEquals(name, Encodings.decodeCostCentreName(parts[0], parts[1]));
  }

  @Test
  void everyBlankDateVariantIsEmpty() {
    for (String blank : new String[] {"", "        ", "00000000", "\0\0\0\0\0\0\0\0"}) {
      assertTrue(Encodings.parseDate(blank).isEmpty(), Arrays.toString(blank.toCharArray()));
    }
    assertEquals(LocalDate.of(2026, 3, 15), Encodings.parseDate("20260315").orElseThrow());
    assertTrue(Encodings.parseDate("20260231").isEmpty(), "no 31 February");
  }

  @Test
  void windows1252CarriesPoundAndAccents() {
    byte[] bytes = Encodings.lengthPrefixed("£5 café", 10);
    assertEquals((byte) 0xA3, bytes[1]);
    assertEquals("£5 café", Encodings.decodeLengthPrefixed(bytes));
  }

  @Test
  void real48KeepsThirtyNineMantissaBits() {
    double stored = Encodings.real48(0.1);
    assertNotEquals(0.1, stored, "0.1 is not exact in 39 bits");
    assertEquals(0.1, stored, 1e-11);
    assertEquals(new BigDecimal("12.50"), Encodings.rounded(Encodings.real48(12.5), 2));
    assertEquals(new BigDecimal("12.50"), Encodings.rounded(12.499999999, 2));
    assertEquals(0.0, Encodings.real48(0.0));
  }

  @Test
  void cleaningStripsNulPaddingAndTrailingBlanks() {
    assertEquals("Abbey Plumbing Ltd", Encodings.clean("Abbey Plumbing Ltd\0\0\0"));
    assertEquals("ABAP01", Encodings.clean("ABAP01    "));
  }
}
