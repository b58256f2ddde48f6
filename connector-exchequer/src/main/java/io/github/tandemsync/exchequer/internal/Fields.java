package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.InvalidRecordException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Decodes the columns of one row for one canonical record, turning a bad value into an
 * {@link InvalidRecordException} that names the record, the canonical field and the column.
 */
final class Fields {
  private final Row row;
  private final String entity;
  private final String recordId;

  Fields(Row row, String entity, String recordId) {
    this.row = row;
    this.entity = entity;
    this.recordId = recordId;
  }

  Row row() {
    return row;
  }

  String entity() {
    return entity;
  }

  String recordId() {
    return recordId;
  }

  Optional<String> text(String column) {
    return Decode.text(row.raw(column));
  }

  Optional<String> code(String column) {
    return Decode.code(row.raw(column));
  }

  Optional<String> binary(String column) {
    return Decode.lengthPrefixed(row.raw(column));
  }

  Optional<LocalDate> date(String column, String field) {
    try {
      return Decode.date(row.raw(column));
    } catch (Decode.BadValue e) {
      throw bad(field, column, e.getMessage());
    }
  }

  BigDecimal real(String column, int decimals, String field) {
    try {
      return Decode.real(row.raw(column), decimals);
    } catch (Decode.BadValue e) {
      throw bad(field, column, e.getMessage());
    }
  }

  BigDecimal exact(String column, String field) {
    try {
      return Decode.exact(row.raw(column));
    } catch (Decode.BadValue e) {
      throw bad(field, column, e.getMessage());
    }
  }

  int integer(String column, String field) {
    try {
      return Decode.integer(row.raw(column));
    } catch (Decode.BadValue e) {
      throw bad(field, column, e.getMessage());
    }
  }

  boolean flag(String column) {
    try {
      return Decode.flag(row.raw(column));
    } catch (Decode.BadValue e) {
      throw bad(column, column, e.getMessage());
    }
  }

  InvalidRecordException bad(String field, String column, String problem) {
    return new InvalidRecordException(entity, recordId, field, "(" + row.type() + "." + column + "): " + problem);
  }
}
