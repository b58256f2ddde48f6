package io.github.tandemsync.testkit.exchequer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a Toolkit {@code Save} (or another emulated Toolkit call) returned: the result code, its
 * text, the failing property and line when the Toolkit names them, and the record as stored.
 *
 * <p>Result codes follow the reference (section 12.4): 0 OK; below 255 Btrieve status (4 not
 * found, 5 duplicate key, 84/85 record/file locked); 30000 and above validation; 32762 toolkit
 * busy; plus the bridge-level codes of protocol v1: -100 value too long, -101 required field
 * missing, -102 malformed request.
 *
 * @param result the Toolkit result code, 0 on success
 * @param message the result text ("OK" on success)
 * @param field the Toolkit property at fault, when known
 * @param line the 1-based transaction line at fault, when known
 * @param created whether the call created a new record (false for updates, reads and repeats)
 * @param record the record as stored, keyed by COM Toolkit property names; empty on failure
 */
public record ToolkitResult(
    int result,
    String message,
    Optional<String> field,
    OptionalInt line,
    boolean created,
    Map<String, Object> record) {

  /**
   * Copies the record defensively (values are JSON-like: strings, numbers, booleans, lists, maps).
   *
   * @param result the Toolkit result code, 0 on success
   * @param message the result text
   * @param field the Toolkit property at fault, when known
   * @param line the 1-based transaction line at fault, when known
   * @param created whether the call created a new record
   * @param record the record as stored, keyed by COM Toolkit property names
   */
  public ToolkitResult {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(line, "line");
    record = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(record));
  }

  static ToolkitResult ok(boolean created, Map<String, Object> record) {
    return new ToolkitResult(0, "OK", Optional.empty(), OptionalInt.empty(), created, record);
  }

  static ToolkitResult error(int result, String message) {
    return new ToolkitResult(result, message, Optional.empty(), OptionalInt.empty(), false, Map.of());
  }

  static ToolkitResult error(int result, String message, String field) {
    return new ToolkitResult(result, message, Optional.of(field), OptionalInt.empty(), false, Map.of());
  }

  static ToolkitResult error(int result, String message, String field, int line) {
    return new ToolkitResult(result, message, Optional.of(field), OptionalInt.of(line), false, Map.of());
  }

  /**
   * Whether the call succeeded.
   *
   * @return true for result 0
   */
  public boolean ok() {
    return result == 0;
  }

  /**
   * Whether repeating the same call later may succeed: locks, a busy toolkit, counter errors.
   *
   * @return true for 84, 85, 32762 and 31000-31199
   */
  public boolean retryable() {
    return result == 84 || result == 85 || result == 32762 || (result >= 31000 && result <= 31199);
  }

  /**
   * The stored document's OurRef.
   *
   * @return e.g. {@code SOR006301}, or an empty string for non-documents and failures
   */
  public String ourRef() {
    Object ref = record.get("thOurRef");
    return ref == null ? "" : ref.toString();
  }

  /**
   * The stored account's code.
   *
   * @return e.g. {@code ABAP01}, or an empty string for non-accounts and failures
   */
  public String accountCode() {
    Object code = record.get("acCode");
    return code == null ? "" : code.toString();
  }

  /**
   * Returns this result when it succeeded, otherwise throws: {@link ToolkitBusyException} for
   * {@link #retryable() retryable} codes, {@link ToolkitRejectedException} for the others.
   *
   * @return this result, successful
   */
  public ToolkitResult orThrow() {
    if (ok()) {
      return this;
    }
    if (retryable()) {
      throw new ToolkitBusyException(this);
    }
    throw new ToolkitRejectedException(this);
  }

  /** A one-line description: code, property, line and text. */
  String describe() {
    StringBuilder text = new StringBuilder("Toolkit result ").append(result);
    field.ifPresent(f -> text.append(" field ").append(f));
    line.ifPresent(l -> text.append(" line ").append(l));
    return text.append(": ").append(message).toString();
  }
}
