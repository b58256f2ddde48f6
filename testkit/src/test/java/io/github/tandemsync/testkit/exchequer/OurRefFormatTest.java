package io.github.tandemsync.testkit.exchequer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OurRefFormatTest {
  @Test
  void plainCountersArePaddedToNineCharacters() {
    assertEquals("SOR000123", OurRefFormat.format("SOR", 123));
    assertEquals("SIN012345", OurRefFormat.format("SIN", 12_345));
    assertEquals("SIN999999", OurRefFormat.format("SIN", 999_999));
  }

  @Test
  void pastNineHundredNinetyNineThousandTheFirstTwoDigitsBecomeASuffixLetter() {
    assertEquals("SINA12345", OurRefFormat.format("SIN", 1_012_345));
    assertEquals("SINA00000", OurRefFormat.format("SIN", 1_000_000));
    assertEquals("SINB00001", OurRefFormat.format("SIN", 1_100_001));
    // I, O and S are skipped: 18 -> J (not I), 23 -> P (not O), 26 -> T (not S)
    assertEquals("SQUJ00000", OurRefFormat.format("SQU", 1_800_000));
    assertEquals("SQUP00000", OurRefFormat.format("SQU", 2_300_000));
    assertEquals("SQUT00000", OurRefFormat.format("SQU", 2_600_000));
    assertEquals("SORZ99999", OurRefFormat.format("SOR", 3_299_999));
  }

  @Test
  void theSchemeTopsOutAt3299999() {
    assertThrows(IllegalArgumentException.class, () -> OurRefFormat.format("SIN", 3_300_000));
    assertThrows(IllegalArgumentException.class, () -> OurRefFormat.format("SIN", 0));
  }

  @Test
  void everyCounterRoundTrips() {
    for (int counter = 1; counter <= OurRefFormat.MAX_COUNTER; counter += 997) {
      String ourRef = OurRefFormat.format("SDN", counter);
      assertEquals(9, ourRef.length(), ourRef);
      assertEquals(counter, OurRefFormat.counterOf(ourRef).getAsInt(), ourRef);
    }
    assertTrue(OurRefFormat.counterOf("SINI12345").isEmpty(), "I is not a suffix letter");
    assertTrue(OurRefFormat.counterOf("SIN12").isEmpty());
  }
}
