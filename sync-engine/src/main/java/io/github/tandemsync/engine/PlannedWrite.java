package io.github.tandemsync.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A write a dry run would make.
 *
 * @param direction from which connector to which
 * @param operation create, update or delete
 * @param sourceId the source record's id
 * @param targetId the target record's id, when it exists
 * @param fields the fields written: before (on the target) and after
 */
public record PlannedWrite(
    Direction direction, Operation operation, String sourceId, Optional<String> targetId, Map<String, FieldChange> fields) {

  /** Kinds of write. */
  public enum Operation {
    CREATE,
    UPDATE,
    DELETE
  }

  /**
   * One field's change.
   *
   * @param before the value on the target now (empty when absent)
   * @param after the value it would get (empty when cleared)
   */
  public record FieldChange(Optional<String> before, Optional<String> after) {}

  public PlannedWrite {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(sourceId, "sourceId");
    targetId = targetId == null ? Optional.empty() : targetId;
    fields = Map.copyOf(fields);
  }
}
