package io.github.tandemsync.core.model;

import io.github.tandemsync.core.InvalidRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Normalisation shared by the model's compact constructors, beyond
 * {@link io.github.tandemsync.core.internal.Checks}: it turns bad input into an
 * {@link InvalidRecordException} naming the entity and the field instead of a bare
 * {@link NullPointerException}, so a sync can quarantine the record and go on.
 */
final class ModelChecks {
  private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

  private ModelChecks() {}

  /** An immutable copy of a list of records; a null entry is a mapping bug worth naming. */
  static <V> List<V> entries(@Nullable List<V> values, String entity, String field) {
    if (values == null) {
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new InvalidRecordException(entity, null, field, "has no value at index " + i);
      }
    }
    return List.copyOf(values);
  }

  /** Text lines with blank and null entries dropped: an empty description line carries nothing. */
  static List<String> nonBlankLines(@Nullable List<String> values) {
    if (values == null) {
      return List.of();
    }
    List<String> kept = new ArrayList<>(values.size());
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        kept.add(value);
      }
    }
    return List.copyOf(kept);
  }

  /**
   * Positional slots (user fields): null becomes a blank slot and trailing blank slots are dropped,
   * so a system that reports ten empty slots and one that reports none compare equal.
   */
  static List<String> slots(@Nullable List<String> values) {
    if (values == null) {
      return List.of();
    }
    int end = values.size();
    while (end > 0 && (values.get(end - 1) == null || values.get(end - 1).isBlank())) {
      end--;
    }
    List<String> kept = new ArrayList<>(end);
    for (int i = 0; i < end; i++) {
      String value = values.get(i);
      kept.add(value == null ? "" : value);
    }
    return List.copyOf(kept);
  }

  /** The non-blank value of a 1-based slot. */
  static Optional<String> slot(List<String> slots, int position) {
    if (position < 1) {
      throw new IllegalArgumentException("user field positions start at 1, got " + position);
    }
    if (position > slots.size()) {
      return Optional.empty();
    }
    return Optional.of(slots.get(position - 1)).filter(value -> !value.isBlank());
  }

  /** Sets a 1-based slot in a builder's mutable list, padding with blanks. */
  static void setSlot(List<String> slots, int position, String value) {
    if (position < 1) {
      throw new IllegalArgumentException("user field positions start at 1, got " + position);
    }
    while (slots.size() < position) {
      slots.add("");
    }
    slots.set(position - 1, value);
  }

  /** Empty for a blank identity: a blank document number identifies nothing. */
  static Optional<String> nonBlank(Optional<String> value) {
    return value.filter(text -> !text.isBlank());
  }

  /** Rejects a currency that is not an ISO 4217 code (a screen symbol like "£" is a mapping bug). */
  static void currency(Optional<String> currency, String entity, String field) {
    currency.ifPresent(code -> currency(code, entity, field));
  }

  /** Rejects a currency that is not an ISO 4217 code. */
  static void currency(String currency, String entity, String field) {
    if (!ISO_4217.matcher(currency).matches()) {
      throw new InvalidRecordException(entity, null, field, "must be an ISO 4217 code like GBP, was '" + currency + "'");
    }
  }
}
