package io.github.tandemsync.core.internal;

import io.github.tandemsync.core.InvalidRecordException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Argument normalisation for the canonical records' compact constructors. */
public final class Checks {
  private Checks() {}

  /** Rejects a missing required field with an exception naming the entity and the field. */
  public static <V> V required(@Nullable V value, String entity, String field) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw InvalidRecordException.missing(entity, field);
    }
    return value;
  }

  /** A null Optional (as Jackson passes for an absent property) becomes empty. */
  public static <V> Optional<V> optional(@Nullable Optional<V> value) {
    return value == null ? Optional.empty() : value;
  }

  /** An immutable copy; null becomes empty. */
  public static <V> List<V> list(@Nullable List<V> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  /** An immutable copy; null becomes empty. */
  public static <K, V> Map<K, V> map(@Nullable Map<K, V> value) {
    return value == null ? Map.of() : Map.copyOf(value);
  }
}
