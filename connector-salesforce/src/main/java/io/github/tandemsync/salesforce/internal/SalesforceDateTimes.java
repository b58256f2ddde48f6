package io.github.tandemsync.salesforce.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Salesforce's date-time formats. Responses carry {@code 2025-05-20T20:49:32.000+0000} (offset
 * without colon), which {@code ISO_OFFSET_DATE_TIME} rejects; requests are written with
 * milliseconds and {@code Z}, because {@code OffsetDateTime.toString()} drops zero seconds and
 * has caused rejected updates.
 */
public final class SalesforceDateTimes {
  /** Reads {@code +0000}, {@code Z}, {@code +00:00}; milliseconds optional. */
  private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart()
      .appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart()
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter();

  private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final DateTimeFormatter SOQL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
  private static final DateTimeFormatter SOQL_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  private SalesforceDateTimes() {}

  /** Parses a Salesforce dateTime value in any of the offset forms Salesforce emits or accepts. */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text.strip(), READ).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a Salesforce dateTime: '" + text + "'", e);
    }
  }

  /** Formats for request bodies: {@code 2025-05-20T20:49:32.000Z}. */
  public static String format(Instant instant) {
    return WRITE.format(instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
  }

  /**
   * Formats an unquoted SOQL literal in UTC with {@code Z} (a {@code +} offset would need URL
   * escaping); milliseconds only when present, so whole-second literals stay short.
   */
  public static String soqlLiteral(Instant instant) {
    Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
    DateTimeFormatter f = millis.getNano() == 0 ? SOQL : SOQL_MILLIS;
    return f.format(millis.atOffset(ZoneOffset.UTC));
  }

  /** Parses a Salesforce date ({@code 2025-05-20}). */
  public static LocalDate parseDate(String text) {
    return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
  }

  /** Formats a date for requests and SOQL ({@code 2025-05-20}). */
  public static String formatDate(LocalDate date) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
  }
}
