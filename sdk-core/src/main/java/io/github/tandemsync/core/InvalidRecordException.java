package io.github.tandemsync.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A record cannot be built, mapped or written because of its data. Names the entity, the record
 * (when it has an identity yet) and the field, so an operator can find and fix it.
 */
public class InvalidRecordException extends PermanentException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final @Nullable String recordId;
  private final @Nullable String field;

  public InvalidRecordException(String entity, @Nullable String recordId, @Nullable String field, String problem) {
    super(describe(entity, recordId, field, problem));
    this.entity = entity;
    this.recordId = recordId;
    this.field = field;
  }

  /** A required field is absent. */
  public static InvalidRecordException missing(String entity, String field) {
    return new InvalidRecordException(entity, null, field, "is required but missing");
  }

  public String entity() {
    return entity;
  }

  public Optional<String> recordId() {
    return Optional.ofNullable(recordId);
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  private static String describe(String entity, @Nullable String recordId, @Nullable String field, String problem) {
    StringBuilder text = new StringBuilder(entity);
    if (recordId != null) {
      text.append(' ').append(recordId);
    }
    if (field != null) {
      text.append(" field '").append(field).append('\'');
    }
    return text.append(' ').append(problem).toString();
  }
}
