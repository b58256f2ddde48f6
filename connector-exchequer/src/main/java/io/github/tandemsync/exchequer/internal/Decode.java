package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.PermanentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decoding of Exchequer's SQL-edition encodings (reference §4): padded and NUL-filled strings,
 * {@code YYYYMMDD} dates with their blank variants, {@code HHMMSS} times, years stored as
 * year − 1900, Real48 floats and length-prefixed binary strings.
 */
public final class Decode {
  /** Exchequer is an ANSI (code page 1252) Windows application. */
  public static final Charset ANSI = Charset.forName("windows-1252");

  private Decode() {}

  /** Why a column could not be decoded; the caller names the record and the canonical field. */
  public static final class BadValue extends PermanentException {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message);
    }
  }

  /** Text with NUL bytes removed and surrounding blanks trimmed; empty when nothing is left. */
  public static Optional<String> text(@Nullable Object raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String value = raw instanceof byte[] bytes ? new String(bytes, ANSI) : raw.toString();
    if (value.indexOf('\0') >= 0) {
      value = value.replace("\0", "");
    }
    value = value.strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** A code: text, upper-cased (Exchequer keys compare upper-case and padding-free). */
  public static Optional<String> code(@Nullable Object raw) {
    return text(raw).map(Decode::upper);
  }

  /** Upper case in the root locale. */
  public static String upper(String value) {
    return value.toUpperCase(java.util.Locale.ROOT);
  }

  /** Whether a date or time column holds one of the blank variants: '', spaces, zeros or NULs. */
  public static boolean isBlankStamp(@Nullable Object raw) {
    if (raw == null) {
      return true;
    }
    String value = raw.toString();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != ' ' && c != '0' && c != '\0') {
        return false;
      }
    }
    return true;
  }

  /**
   * A {@code YYYYMMDD} date; empty for every blank variant ({@code ''}, spaces,
   * {@code '00000000'}, NULs).
   *
   * @throws BadValue when the value is neither blank nor a valid date
   */
  public static Optional<LocalDate> date(@Nullable Object raw) {
    if (isBlankStamp(raw)) {
      return Optional.empty();
    }
    String value = raw.toString().replace("\0", "").strip();
    if (value.length() != 8 || !digits(value)) {
      throw new BadValue("'" + printable(raw.toString()) + "' is not a YYYYMMDD date");
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
          Integer.parseInt(value.substring(6, 8))));
    } catch (DateTimeException e) {
      throw new BadValue("'" + value + "' is not a valid date");
    }
  }

  /**
   * A {@code HHMMSS} time; empty for the blank variants.
   *
   * @throws BadValue when the value is neither blank nor a valid time
   */
  public static Optional<LocalTime> time(@Nullable Object raw) {
    if (raw == null || raw.toString().replace("\0", "").isBlank()) {
      return Optional.empty();
    }
    String value = raw.toString().replace("\0", "").strip();
    if (value.length() != 6 || !digits(value)) {
      throw new BadValue("'" + printable(raw.toString()) + "' is not an HHMMSS time");
    }
    try {
      return Optional.of(LocalTime.of(Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(2, 4)),
          Integer.parseInt(value.substring(4, 6))));
    } catch (DateTimeException e) {
      throw new BadValue("'" + value + "' is not a valid time");
    }
  }

  /** A calendar year from Exchequer's year − 1900 ({@code 126} is 2026). */
  public static int year(int stored) {
    return stored + 1900;
  }

  /**
   * A Real48 or double column as a decimal rounded half-up to {@code decimals} places. The value is
   * taken from its shortest decimal representation first, so binary-float noise such as
   * {@code 12.499999999} for 12.50 rounds to the value Exchequer shows. Null is zero.
   *
   * @throws BadValue for NaN, infinities or non-numbers
   */
  public static BigDecimal real(@Nullable Object raw, int decimals) {
    return exact(raw).setScale(decimals, RoundingMode.HALF_UP);
  }

  /**
   * A numeric column as a decimal, without rounding (null is zero). Doubles go through their
   * shortest decimal representation.
   *
   * @throws BadValue for NaN, infinities or non-numbers
   */
  public static BigDecimal exact(@Nullable Object raw) {
    if (raw == null) {
      return BigDecimal.ZERO;
    }
    if (raw instanceof BigDecimal decimal) {
      return decimal;
    }
    if (raw instanceof Double || raw instanceof Float) {
      double value = ((Number) raw).doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new BadValue(value + " is not a finite number");
      }
      return new BigDecimal(Double.toString(value));
    }
    if (raw instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    String text = raw.toString().strip();
    if (text.isEmpty()) {
      return BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new BadValue("'" + printable(text) + "' is not a number");
    }
  }

  /**
   * A whole-number column (int, smallint, bit); null is 0.
   *
   * @throws BadValue for non-integers
   */
  public static int integer(@Nullable Object raw) {
    if (raw == null) {
      return 0;
    }
    if (raw instanceof Boolean flag) {
      return flag ? 1 : 0;
    }
    if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte || raw instanceof Long) {
      return ((Number) raw).intValue();
    }
    try {
      return exact(raw).intValueExact();
    } catch (ArithmeticException e) {
      throw new BadValue("'" + raw + "' is not a whole number");
    }
  }

  /** A bit or int flag column: non-zero is true; null is false. */
  public static boolean flag(@Nullable Object raw) {
    if (raw == null) {
      return false;
    }
    if (raw instanceof Boolean flag) {
      return flag;
    }
    String text = raw.toString().strip();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    return integer(raw) != 0;
  }

  /**
   * A length-prefixed binary string (reference §4.1): the first byte is the length, then the
   * characters; trailing padding and NULs are dropped. A length byte larger than the data is
   * clamped. Text columns (some drivers map binary keys to text) are decoded the same way.
   */
  public static Optional<String> lengthPrefixed(@Nullable Object raw) {
    if (raw == null) {
      return Optional.empty();
    }
    byte[] bytes = raw instanceof byte[] b ? b : raw.toString().getBytes(ANSI);
    if (bytes.length == 0) {
      return Optional.empty();
    }
    int length = Math.min(bytes[0] & 0xFF, bytes.length - 1);
    return text(new String(bytes, 1, length, ANSI));
  }

  /**
   * The first {@code 1 + value.length()} bytes of a length-prefixed binary string holding
   * {@code value}: the length byte and the characters, for matching with
   * {@code SUBSTRING(column, 1, n) = ?}.
   */
  public static byte[] lengthPrefix(String value) {
    byte[] chars = value.getBytes(ANSI);
    if (chars.length > 255) {
      throw new IllegalArgumentException("a length-prefixed string holds at most 255 bytes");
    }
    byte[] key = new byte[chars.length + 1];
    key[0] = (byte) chars.length;
    System.arraycopy(chars, 0, key, 1, chars.length);
    return key;
  }

  /** Printable form of a raw value for messages: control characters shown as {@code \xNN}. */
  public static String printable(String value) {
    StringBuilder text = new StringBuilder(value.length());
    for (int i = 0; i < value.length() && i < 80; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        text.append(String.format("\\x%02X", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private static boolean digits(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
