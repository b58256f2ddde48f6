package io.github.tandemsync.core.example;

import io.github.tandemsync.core.spi.NativeRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A native record backed by a map of column values; a null value means "clear this column". */
final class MapRecord implements NativeRecord {
  private final String type;
  private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

  MapRecord(String type, Map<String, ?> initial) {
    this.type = type;
    this.fields.putAll(initial);
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Optional<Object> get(String field) {
    return Optional.ofNullable(fields.get(field));
  }

  @Override
  public void put(String field, @Nullable Object value) {
    fields.put(field, value);
  }

  @Override
  public Set<String> fieldNames() {
    return Collections.unmodifiableSet(fields.keySet());
  }

  /** The columns as written, nulls included. */
  Map<String, @Nullable Object> fields() {
    return Collections.unmodifiableMap(fields);
  }
}
