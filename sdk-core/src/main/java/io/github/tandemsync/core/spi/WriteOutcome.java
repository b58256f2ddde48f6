package io.github.tandemsync.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one {@link WriteRequest}.
 *
 * @param status the result
 * @param nativeId the record's id on the written side; present unless the write failed before the
 *     record existed
 * @param stored the record as the system now holds it, when the write revealed values the system
 *     assigned itself (a document number, a generated code); the engine passes those back to the
 *     other side in the same run
 * @param error why it failed; present exactly when {@code status} is {@link Status#FAILED}
 * @param <T> the canonical record type
 */
public record WriteOutcome<T>(Status status, Optional<String> nativeId, Optional<T> stored, Optional<SyncError> error) {

  /** The result of one write. */
  public enum Status {
    CREATED,
    UPDATED,
    /** The target already held these values; nothing was written. */
    UNCHANGED,
    DELETED,
    FAILED
  }

  public WriteOutcome {
    Objects.requireNonNull(status, "status");
    nativeId = nativeId == null ? Optional.empty() : nativeId;
    stored = stored == null ? Optional.empty() : stored;
    error = error == null ? Optional.empty() : error;
    if ((status == Status.FAILED) != error.isPresent()) {
      throw new IllegalArgumentException(status + " outcome " + (error.isPresent() ? "must not carry" : "needs") + " an error");
    }
    if (status != Status.FAILED && nativeId.isEmpty()) {
      throw new IllegalArgumentException(status + " outcome needs the native id");
    }
  }

  public static <T> WriteOutcome<T> created(String nativeId) {
    return new WriteOutcome<>(Status.CREATED, Optional.of(nativeId), Optional.empty(), Optional.empty());
  }

  public static <T> WriteOutcome<T> updated(String nativeId) {
    return new WriteOutcome<>(Status.UPDATED, Optional.of(nativeId), Optional.empty(), Optional.empty());
  }

  public static <T> WriteOutcome<T> unchanged(String nativeId) {
    return new WriteOutcome<>(Status.UNCHANGED, Optional.of(nativeId), Optional.empty(), Optional.empty());
  }

  public static <T> WriteOutcome<T> deleted(String nativeId) {
    return new WriteOutcome<>(Status.DELETED, Optional.of(nativeId), Optional.empty(), Optional.empty());
  }

  public static <T> WriteOutcome<T> failed(SyncError error) {
    return new WriteOutcome<>(Status.FAILED, Optional.empty(), Optional.empty(), Optional.of(error));
  }

  /** The same outcome, carrying the value the system stored (with its assigned fields). */
  public WriteOutcome<T> withStored(T value) {
    return new WriteOutcome<>(status, nativeId, Optional.of(value), error);
  }

  public boolean isSuccess() {
    return status != Status.FAILED;
  }
}
