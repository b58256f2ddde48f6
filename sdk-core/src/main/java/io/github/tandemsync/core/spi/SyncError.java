package io.github.tandemsync.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Why one record could not be read or written: the native error code, a message for people, the
 * field at fault when known, and whether trying again later can succeed.
 *
 * @param code the source's own code, e.g. {@code REQUIRED_FIELD_MISSING} or {@code 30106}
 * @param message what went wrong, in words an operator can act on
 * @param field the canonical or native field at fault, when known
 * @param retryable whether the same write may succeed later without any change
 * @param notBeforeNextRun for a retryable error: whether it waits on something a later run brings
 *     (an account another flow creates first), so retrying within this run only costs time
 */
public record SyncError(String code, String message, Optional<String> field, boolean retryable, boolean notBeforeNextRun) {

  public SyncError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    field = field == null ? Optional.empty() : field;
    notBeforeNextRun = notBeforeNextRun && retryable;
  }

  /** An error retried within the run when {@code retryable}. */
  public SyncError(String code, String message, Optional<String> field, boolean retryable) {
    this(code, message, field, retryable, false);
  }

  public static SyncError permanent(String code, String message) {
    return new SyncError(code, message, Optional.empty(), false);
  }

  public static SyncError retryable(String code, String message) {
    return new SyncError(code, message, Optional.empty(), true);
  }

  /**
   * A retryable error that a later run may resolve and this one cannot, e.g. a record waiting for
   * its parent that another flow creates: kept for the next run without retrying now.
   */
  public static SyncError nextRun(String code, String message) {
    return new SyncError(code, message, Optional.empty(), true, true);
  }

  /** The same error, naming the field at fault. */
  public SyncError withField(String fieldName) {
    return new SyncError(code, message, Optional.of(fieldName), retryable, notBeforeNextRun);
  }

  @Override
  public String toString() {
    return code + (field.map(f -> " [" + f + "]").orElse("")) + ": " + message
        + (notBeforeNextRun ? " (retried next run)" : retryable ? " (retryable)" : "");
  }
}
