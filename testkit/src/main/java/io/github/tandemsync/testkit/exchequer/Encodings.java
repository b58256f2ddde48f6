package io.github.tandemsync.testkit.exchequer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Optional;

/** The byte- and text-level encodings of the Exchequer SQL edition (reference sections 4 and 10.3). */
final class Encodings {
  /** Exchequer runs on Windows: single-byte text is code page 1252. */
  static final Charset CP1252 = Charset.forName("windows-1252");

  private static final DateTimeFormatter YYYYMMDD =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss");
  private static final DateTimeFormatter DD_MM_YYYY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  /** Trader history codes carry no control GL: 0x14 length byte, code padded to 6, 14 spaces. */
  static final int HISTORY_CODE_BYTES = 21;

  private Encodings() {}

  /** A Delphi embedded string: first byte = length, then the characters, zero-padded to {@code size}. */
  static byte[] lengthPrefixed(String text, int size) {
    byte[] chars = text.getBytes(CP1252);
    if (chars.length > size - 1) {
      throw new IllegalArgumentException("'" + text + "' does not fit in " + (size - 1) + " characters");
    }
    byte[] out = new byte[size];
    out[0] = (byte) chars.length;
    System.arraycopy(chars, 0, out, 1, chars.length);
    return out;
  }

  /** Reads a length-prefixed string; a length byte beyond the buffer is clamped (damaged rows exist). */
  static String decodeLengthPrefixed(byte @org.jspecify.annotations.Nullable [] bytes) {
    if (bytes == null || bytes.length == 0) {
      return "";
    }
    int length = Math.min(bytes[0] & 0xff, bytes.length - 1);
    return new String(bytes, 1, length, CP1252);
  }

  /** {@code hiCode} of the trader classes without control GL (contract B, reference 10.3). */
  static byte[] traderHistoryCode(String accountCode) {
    String padded = String.format("%-6s", accountCode) + " ".repeat(14);
    byte[] out = new byte[HISTORY_CODE_BYTES];
    out[0] = 0x14;
    byte[] body = padded.getBytes(CP1252);
    System.arraycopy(body, 0, out, 1, Math.min(body.length, HISTORY_CODE_BYTES - 1));
    return out;
  }

  /**
   * Splits a cost centre / department name over {@code EXCHQCHKcode3} (12 bytes: length byte and
   * the first 11 characters) and {@code CCDesc} (the next 19 characters), as contract A lays it out.
   */
  static byte[][] costCentreName(String name) {
    byte[] chars = name.getBytes(CP1252);
    if (chars.length > 30) {
      throw new IllegalArgumentException("cost centre name longer than 30 characters: " + name);
    }
    byte[] whole = new byte[31];
    whole[0] = (byte) chars.length;
    System.arraycopy(chars, 0, whole, 1, chars.length);
    return new byte[][] {Arrays.copyOfRange(whole, 0, 12), Arrays.copyOfRange(whole, 12, 31)};
  }

  /** Joins {@code EXCHQCHKcode3 + CCDesc} back into the name (the test-side decoder). */
  static String decodeCostCentreName(byte[] code3, byte[] desc) {
    byte[] whole = new byte[code3.length + desc.length];
    System.arraycopy(code3, 0, whole, 0, code3.length);
    System.arraycopy(desc, 0, whole, code3.length, desc.length);
    return decodeLengthPrefixed(whole);
  }

  static String date(LocalDate date) {
    return YYYYMMDD.format(date);
  }

  static String time(LocalTime time) {
    return HHMMSS.format(time);
  }

  static String ukDate(LocalDate date) {
    return DD_MM_YYYY.format(date);
  }

  /** Parses {@code YYYYMMDD}; every blank variant ('', spaces, NULs, '00000000') is empty. */
  static Optional<LocalDate> parseDate(@org.jspecify.annotations.Nullable String raw) {
    String text = clean(raw);
    if (text.isEmpty() || text.equals("00000000")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text, YYYYMMDD));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whether a non-blank {@code YYYYMMDD} value is a real date. */
  static boolean isValidDate(String raw) {
    return raw.length() == 8 && parseDate(raw).isPresent();
  }

  static Optional<LocalDate> parseUkDate(String text) {
    try {
      return Optional.of(LocalDate.parse(text.trim(), DD_MM_YYYY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Strips NUL padding and trailing blanks, the way readers must (reference 4.4). */
  static String clean(@org.jspecify.annotations.Nullable String raw) {
    if (raw == null) {
      return "";
    }
    String noNul = raw.indexOf('\0') < 0 ? raw : raw.replace("\0", "");
    return noNul.stripTrailing();
  }

  /**
   * A value as a Delphi 6-byte Real holds it: 39 mantissa bits instead of a double's 52, so most
   * decimal fractions come back with noise in the 12th-13th significant digit.
   */
  static double real48(double value) {
    if (value == 0.0 || Double.isNaN(value) || Double.isInfinite(value)) {
      return 0.0;
    }
    int exponent = Math.getExponent(value);
    double scale = Math.scalb(1.0, 39 - exponent);
    return Math.rint(value * scale) / scale;
  }

  static double real48(BigDecimal value) {
    return real48(value.doubleValue());
  }

  /** Rounds half-up to 2 decimals, like Exchequer's Round_Up for money. */
  static BigDecimal money(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value);
  }

  /** A stored float as the readers must take it: rounded to the given decimals. */
  static BigDecimal rounded(double stored, int decimals) {
    return BigDecimal.valueOf(stored).setScale(decimals, RoundingMode.HALF_UP);
  }
}
