package io.github.tandemsync.testkit.exchequer;

import java.util.OptionalInt;

/**
 * Exchequer's OurRef format (reference section 7): type code + counter zero-padded to 9
 * characters; past 999,999 the first two digits (10-32) of the 7-digit counter become a suffix
 * letter and the last five digits follow, up to 3,299,999.
 */
final class OurRefFormat {
  /** Suffix letters for counter prefixes 10..32: A-Z without I, O and S. */
  static final String SUFFIX_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
  static final int MAX_PLAIN = 999_999;
  static final int MAX_COUNTER = 3_299_999;

  private OurRefFormat() {}

  static String format(String typeCode, int counter) {
    if (typeCode.length() != 3) {
      throw new IllegalArgumentException("document type code must have 3 letters: " + typeCode);
    }
    if (counter < 1 || counter > MAX_COUNTER) {
      throw new IllegalArgumentException("counter out of range 1.." + MAX_COUNTER + ": " + counter);
    }
    if (counter <= MAX_PLAIN) {
      return typeCode + String.format("%06d", counter);
    }
    int prefix = counter / 100_000;
    return typeCode + SUFFIX_LETTERS.charAt(prefix - 10) + String.format("%05d", counter % 100_000);
  }

  /** The counter behind an OurRef, or empty when the text is not one. */
  static OptionalInt counterOf(String ourRef) {
    String ref = ourRef.trim();
    if (ref.length() != 9) {
      return OptionalInt.empty();
    }
    String tail = ref.substring(3);
    if (tail.chars().allMatch(Character::isDigit)) {
      return OptionalInt.of(Integer.parseInt(tail));
    }
    int letter = SUFFIX_LETTERS.indexOf(tail.charAt(0));
    String digits = tail.substring(1);
    if (letter < 0 || !digits.chars().allMatch(Character::isDigit)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of((letter + 10) * 100_000 + Integer.parseInt(digits));
  }
}
