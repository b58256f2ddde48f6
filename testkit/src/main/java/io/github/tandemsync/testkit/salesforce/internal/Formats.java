package io.github.tandemsync.testkit.salesforce.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** Salesforce's wire formats for dates, datetimes and numbers (reference §4). */
final class Formats {
  /** Responses: UTC, milliseconds, offset without colon: {@code 2025-05-20T20:49:32.000+0000}. */
  private static final DateTimeFormatter REST_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  /** Bulk API CSV output: {@code 2025-05-20T20:49:32.000Z}. */
  private static final DateTimeFormatter BULK_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  /** Requests: ISO 8601 with optional seconds/fraction and an offset {@code Z}, {@code +00:00} or {@code +0000}. */
  private static final DateTimeFormatter LENIENT_DATETIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);
  /** HTTP dates (RFC 1123). */
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private Formats() {}

  /** A datetime as REST responses show it. */
  public static String restDateTime(Instant instant) {
    return REST_DATETIME.format(instant);
  }

  /** A datetime as Bulk API CSV results show it. */
  public static String bulkDateTime(Instant instant) {
    return BULK_DATETIME.format(instant);
  }

  /** An HTTP {@code Date} header value. */
  public static String httpDate(Instant instant) {
    return HTTP_DATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Parses an HTTP date header value. */
  public static Optional<Instant> parseHttpDate(String text) {
    try {
      return Optional.of(Instant.from(HTTP_DATE.parse(text.trim())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses a datetime sent in a request. A value without an offset is taken as UTC; a plain date
   * means midnight UTC. Empty when the text is not a datetime.
   */
  public static Optional<Instant> parseDateTime(String text) {
    String trimmed = text.trim();
    try {
      if (trimmed.length() == 10) {
        return Optional.of(LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      var parsed = LENIENT_DATETIME.parse(trimmed);
      LocalDateTime local = LocalDateTime.from(parsed);
      ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
      return Optional.of(OffsetDateTime.of(local, offset).toInstant().truncatedTo(ChronoUnit.MILLIS));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Parses a date ({@code yyyy-MM-dd}); a datetime's date part is accepted too. */
  public static Optional<LocalDate> parseDate(String text) {
    String trimmed = text.trim();
    try {
      if (trimmed.length() == 10) {
        return Optional.of(LocalDate.parse(trimmed));
      }
      return parseDateTime(trimmed).map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A number as JSON shows it for a field: Salesforce returns doubles, so a value always carries a
   * decimal point except for {@code int} fields.
   */
  public static BigDecimal jsonNumber(BigDecimal value, FieldType type) {
    if (type == FieldType.INT) {
      return value.setScale(0, RoundingMode.HALF_UP);
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
  }

  /** A number as text (CSV, messages) without exponent notation. */
  public static String plainNumber(BigDecimal value, FieldType type) {
    return jsonNumber(value, type).toPlainString();
  }
}
