package io.github.tandemsync.core.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change read from a system: a record created or updated (with its canonical value), deleted
 * (a tombstone), or present but unreadable (with the reason, so the engine can quarantine it
 * instead of failing the batch).
 *
 * @param kind what happened to the record
 * @param nativeId the record's id in the system it was read from
 * @param value the canonical value; present exactly when {@code kind} is {@link Kind#UPSERT}
 * @param error why the record could not be mapped; present exactly when {@code kind} is
 *     {@link Kind#INVALID}
 * @param sourceTime the system's own change time (e.g. SystemModstamp), used by last-writer-wins
 * @param sourceVersion the system's own version or change stamp, when it has one
 * @param origin who made the change, when the system can tell (e.g. a Salesforce
 *     {@code changeOrigin} with {@code client=...}); lets the engine recognise its own writes
 * @param position the watermark just after this change: reading after it never returns this
 *     change again (except inside a connector's documented overlap window)
 * @param <T> the canonical record type
 */
public record Change<T>(
    Kind kind,
    String nativeId,
    Optional<T> value,
    Optional<SyncError> error,
    Optional<Instant> sourceTime,
    Optional<String> sourceVersion,
    Optional<String> origin,
    Watermark position) {

  /** What a change did to its record. */
  public enum Kind {
    /** Created or updated; the value is the record as it is now. */
    UPSERT,
    /** Deleted in the source; no value. */
    DELETE,
    /** Present in the source but not mappable to the canonical model; see {@link #error()}. */
    INVALID
  }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(nativeId, "nativeId");
    value = value == null ? Optional.empty() : value;
    error = error == null ? Optional.empty() : error;
    sourceTime = sourceTime == null ? Optional.empty() : sourceTime;
    sourceVersion = sourceVersion == null ? Optional.empty() : sourceVersion;
    origin = origin == null ? Optional.empty() : origin;
    Objects.requireNonNull(position, "position");
    if (nativeId.isBlank()) {
      throw new IllegalArgumentException("a change needs the record's native id");
    }
    if ((kind == Kind.UPSERT) != value.isPresent()) {
      throw new IllegalArgumentException(kind + " change of " + nativeId + (value.isPresent() ? " must not carry" : " needs") + " a value");
    }
    if ((kind == Kind.INVALID) != error.isPresent()) {
      throw new IllegalArgumentException(kind + " change of " + nativeId + (error.isPresent() ? " must not carry" : " needs") + " an error");
    }
  }

  /** The record was created or updated and now has {@code value}. */
  public static <T> Change<T> upsert(String nativeId, T value, Watermark position) {
    return new Change<>(Kind.UPSERT, nativeId, Optional.of(value), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), position);
  }

  /** The record was deleted. */
  public static <T> Change<T> delete(String nativeId, Watermark position) {
    return new Change<>(Kind.DELETE, nativeId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), position);
  }

  /** The record exists but could not be mapped; the engine quarantines it and goes on. */
  public static <T> Change<T> invalid(String nativeId, SyncError error, Watermark position) {
    return new Change<>(Kind.INVALID, nativeId, Optional.empty(), Optional.of(error), Optional.empty(), Optional.empty(), Optional.empty(), position);
  }

  public Change<T> withSourceTime(Instant time) {
    return new Change<>(kind, nativeId, value, error, Optional.of(time), sourceVersion, origin, position);
  }

  public Change<T> withSourceVersion(String version) {
    return new Change<>(kind, nativeId, value, error, sourceTime, Optional.of(version), origin, position);
  }

  public Change<T> withOrigin(String changeOrigin) {
    return new Change<>(kind, nativeId, value, error, sourceTime, sourceVersion, Optional.of(changeOrigin), position);
  }

  public Change<T> withPosition(Watermark newPosition) {
    return new Change<>(kind, nativeId, value, error, sourceTime, sourceVersion, origin, newPosition);
  }

  public boolean isDelete() {
    return kind == Kind.DELETE;
  }
}
