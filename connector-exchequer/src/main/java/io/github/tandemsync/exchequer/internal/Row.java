package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.spi.NativeRecord;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One SQL row as read, by column name (case-insensitive), the raw JDBC values untouched: the
 * {@link NativeRecord} mapping customizers see.
 */
public final class Row implements NativeRecord {
  private final String table;
  private final Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  public Row(String table) {
    this.table = table;
  }

  @Override
  public String type() {
    return table;
  }

  @Override
  public Optional<Object> get(String field) {
    return Optional.ofNullable(values.get(field));
  }

  /** The raw value, null when absent or SQL NULL. */
  public @Nullable Object raw(String field) {
    return values.get(field);
  }

  /** Whether the row has the column (it may hold NULL). */
  public boolean has(String field) {
    return values.containsKey(field);
  }

  @Override
  public void put(String field, @Nullable Object value) {
    values.put(field, value);
  }

  @Override
  public Set<String> fieldNames() {
    return Collections.unmodifiableSet(values.keySet());
  }

  @Override
  public Optional<String> text(String field) {
    return Decode.text(values.get(field));
  }

  @Override
  public String toString() {
    return "Row[" + table + ", " + values.size() + " columns]";
  }
}
