package io.github.tandemsync.exchequer.gateway;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one gateway request, in the Toolkit's own terms: its {@code Save} result code,
 * the message, the property and line at fault, and the record as Exchequer stored it.
 *
 * <p>Result codes (reference §12.4 and Tandem's bridge protocol): {@code 0} success; below 255 a
 * Btrieve status ({@code 84}/{@code 85} record or file locked: retryable; {@code 5} duplicate
 * key: permanent, "already exists"); {@code 30000} and above a Toolkit validation error
 * (permanent), except {@code 31000}–{@code 31199} (error obtaining the next document number) and
 * {@code 32762} (Toolkit busy), which are retryable; {@code -100} value too long, {@code -101}
 * required property missing, {@code -102} malformed request (all permanent). {@link #PENDING_CODE}
 * marks a record handed over but not yet confirmed (the Importer).
 *
 * @param status the outcome
 * @param key the request's idempotency key (or the account code for updates)
 * @param resultCode the Toolkit or bridge result code; {@code 0} on success
 * @param message a message for people; empty text on success
 * @param field the Toolkit property at fault, when known (e.g. {@code tlStockCode})
 * @param line the 1-based transaction line at fault, when known
 * @param record the record as Exchequer holds it (with {@code acCode}, {@code thOurRef},
 *     {@code thFolioNum}…), when known
 */
public record GatewayResult(
    Status status,
    String key,
    int resultCode,
    String message,
    Optional<String> field,
    Optional<Integer> line,
    Optional<ToolkitRecord> record) {

  /** Result code of a record handed to an asynchronous gateway and not yet confirmed. */
  public static final int PENDING_CODE = -200;
  /** Bridge code: a value is longer than its Exchequer field. */
  public static final int VALUE_TOO_LONG = -100;
  /** Bridge code: a required property is missing. */
  public static final int REQUIRED_MISSING = -101;
  /** Bridge code: the request is malformed. */
  public static final int MALFORMED = -102;
  /** Btrieve status: duplicate key. */
  public static final int DUPLICATE_KEY = 5;
  /** Btrieve status: record not found. */
  public static final int NOT_FOUND = 4;

  /** Outcome of one request. */
  public enum Status {
    /** Stored now. */
    CREATED,
    /** Already stored by an earlier attempt with the same key; nothing new was made. */
    EXISTING,
    /** An existing record was changed. */
    UPDATED,
    /** Handed over, not yet confirmed; ask again later (retryable). */
    PENDING,
    /** Failed, may succeed later without change (locks, busy Toolkit, number counters). */
    RETRYABLE,
    /** Failed, fails again until the data changes (validation, duplicates, too-long values). */
    REJECTED
  }

  /**
   * Validates the result.
   *
   * @param status the outcome
   * @param key the key
   * @param resultCode the code
   * @param message the message
   * @param field the property at fault
   * @param line the line at fault
   * @param record the stored record
   */
  public GatewayResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    field = field == null ? Optional.empty() : field;
    line = line == null ? Optional.empty() : line;
    record = record == null ? Optional.empty() : record;
  }

  /**
   * The record was stored now.
   *
   * @param key the request key
   * @param stored the record as stored
   * @return the result
   */
  public static GatewayResult created(String key, ToolkitRecord stored) {
    return new GatewayResult(Status.CREATED, key, 0, "", Optional.empty(), Optional.empty(), Optional.of(stored));
  }

  /**
   * The record was stored by an earlier attempt with the same key.
   *
   * @param key the request key
   * @param stored the record as stored
   * @return the result
   */
  public static GatewayResult existing(String key, ToolkitRecord stored) {
    return new GatewayResult(Status.EXISTING, key, 0, "", Optional.empty(), Optional.empty(), Optional.of(stored));
  }

  /**
   * An existing record was changed.
   *
   * @param key the account code or key
   * @param stored the record as stored
   * @return the result
   */
  public static GatewayResult updated(String key, ToolkitRecord stored) {
    return new GatewayResult(Status.UPDATED, key, 0, "", Optional.empty(), Optional.empty(), Optional.of(stored));
  }

  /**
   * The record was handed over and is not confirmed yet.
   *
   * @param key the request key
   * @param message where it is (e.g. the file name)
   * @return the result
   */
  public static GatewayResult pending(String key, String message) {
    return new GatewayResult(Status.PENDING, key, PENDING_CODE, message, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A failure, classified by its code (see the class description).
   *
   * @param key the request key
   * @param code the Toolkit, Btrieve or bridge code; not 0
   * @param message the message
   * @param field the Toolkit property at fault, if known
   * @param line the 1-based line at fault, if known
   * @return the result
   */
  public static GatewayResult failure(String key, int code, String message, Optional<String> field, Optional<Integer> line) {
    if (code == 0) {
      throw new IllegalArgumentException("result code 0 is success, not a failure");
    }
    Status status = isRetryableCode(code) ? Status.RETRYABLE : Status.REJECTED;
    return new GatewayResult(status, key, code, message, field, line, Optional.empty());
  }

  /**
   * Whether a Toolkit, Btrieve or bridge result code names a failure that can go away by itself.
   *
   * @param code the result code
   * @return true for locks (84, 85), document-number errors (31000–31199), a busy Toolkit (32762)
   *     and {@link #PENDING_CODE}
   */
  public static boolean isRetryableCode(int code) {
    return code == 84 || code == 85 || (code >= 31000 && code <= 31199) || code == 32762 || code == PENDING_CODE;
  }

  /**
   * The same result carrying the record as stored (e.g. the existing record of a duplicate).
   *
   * @param stored the record
   * @return a new result
   */
  public GatewayResult withRecord(ToolkitRecord stored) {
    return new GatewayResult(status, key, resultCode, message, field, line, Optional.of(stored));
  }

  /**
   * Whether the record is stored in Exchequer.
   *
   * @return true for {@link Status#CREATED}, {@link Status#EXISTING} and {@link Status#UPDATED}
   */
  public boolean isSuccess() {
    return status == Status.CREATED || status == Status.EXISTING || status == Status.UPDATED;
  }

  /**
   * Whether asking again later can succeed without any change.
   *
   * @return true for {@link Status#PENDING} and {@link Status#RETRYABLE}
   */
  public boolean isRetryable() {
    return status == Status.PENDING || status == Status.RETRYABLE;
  }
}
