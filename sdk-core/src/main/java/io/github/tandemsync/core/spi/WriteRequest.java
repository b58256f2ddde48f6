package io.github.tandemsync.core.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One record to write.
 *
 * @param operation upsert or delete
 * @param targetId the record's native id on this side when the engine knows it (linked); empty
 *     means "create, or match by the record's own key"
 * @param value the full canonical value to hold after the write; present for upserts
 * @param changedFields canonical field paths that differ from what this side holds, so a writer
 *     can send only those; empty for creates (send everything)
 * @param idempotencyKey stable for this logical write across retries and crashes: a writer that
 *     cannot upsert by a natural key must look the key up before creating, so a replay never
 *     creates a second record
 * @param <T> the canonical record type
 */
public record WriteRequest<T>(
    Operation operation,
    Optional<String> targetId,
    Optional<T> value,
    Set<String> changedFields,
    String idempotencyKey) {

  /** What to do with the record. */
  public enum Operation {
    UPSERT,
    DELETE
  }

  public WriteRequest {
    Objects.requireNonNull(operation, "operation");
    targetId = targetId == null ? Optional.empty() : targetId;
    value = value == null ? Optional.empty() : value;
    changedFields = Set.copyOf(changedFields);
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (operation == Operation.UPSERT && value.isEmpty()) {
      throw new IllegalArgumentException("an upsert needs a value");
    }
    if (operation == Operation.DELETE && targetId.isEmpty()) {
      throw new IllegalArgumentException("a delete needs the target id");
    }
  }

  /** Creates the record (or updates the one matching its natural key). */
  public static <T> WriteRequest<T> create(T value, String idempotencyKey) {
    return new WriteRequest<>(Operation.UPSERT, Optional.empty(), Optional.of(value), Set.of(), idempotencyKey);
  }

  /** Updates the linked record {@code targetId}. */
  public static <T> WriteRequest<T> update(String targetId, T value, Set<String> changedFields, String idempotencyKey) {
    return new WriteRequest<>(Operation.UPSERT, Optional.of(targetId), Optional.of(value), changedFields, idempotencyKey);
  }

  /** Deletes the linked record {@code targetId}. */
  public static <T> WriteRequest<T> delete(String targetId, String idempotencyKey) {
    return new WriteRequest<>(Operation.DELETE, Optional.of(targetId), Optional.empty(), Set.of(), idempotencyKey);
  }

  public boolean isCreate() {
    return operation == Operation.UPSERT && targetId.isEmpty();
  }
}
