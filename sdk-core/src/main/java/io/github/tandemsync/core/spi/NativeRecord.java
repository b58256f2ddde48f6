package io.github.tandemsync.core.spi;

import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A system's own view of one record as a mutable bag of named fields: a Salesforce sObject, an
 * Exchequer row or Toolkit record. Mapping customizers read and write it by native field name.
 */
public interface NativeRecord {

  /** The native type, e.g. {@code "Account"} or {@code "CUSTSUPP"}. */
  String type();

  /** The value of a native field, empty when absent or null. */
  Optional<Object> get(String field);

  /** Sets a native field; {@code null} clears it where the system supports clearing. */
  void put(String field, @Nullable Object value);

  /** The names of the fields this record holds. */
  Set<String> fieldNames();

  /** The field as text, empty when absent, null or blank. */
  default Optional<String> text(String field) {
    return get(field).map(Object::toString).map(String::strip).filter(s -> !s.isEmpty());
  }
}
