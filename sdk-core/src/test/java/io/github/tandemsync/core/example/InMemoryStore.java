package io.github.tandemsync.core.example;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A small record system in memory, standing in for the remote system a connector talks to. Every
 * change gets the next number of one global sequence (a change stream like a database's row
 * version), stamped with the clock's time, so many changes may share one timestamp. Deletes leave
 * tombstones. Like a real system it enforces its own rules per row: unique columns (compared
 * case-insensitively) and a maximum text length. It can be switched unavailable, as if the network
 * were down.
 */
public final class InMemoryStore {

  /**
   * One row as stored: its current columns (empty for a tombstone) and who changed it last, when,
   * at which sequence number.
   */
  public record Row(String id, long sequence, Instant modifiedAt, String modifiedBy, Map<String, Object> fields, boolean deleted) {}

  /** The system refused to store one row; {@code code} and {@code field} say why, like an API error. */
  public static final class RejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String field;

    RejectedException(String code, String field, String message) {
      super(message);
      this.code = code;
      this.field = field;
    }

    public String code() {
      return code;
    }

    public String field() {
      return field;
    }
  }

  /** The system cannot be reached: no call succeeds until it is available again. */
  public static final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnavailableException() {
      super("in-memory store unavailable");
    }
  }

  private final Clock clock;
  private final Set<String> uniqueColumns;
  private final int maxTextLength;
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private long sequence;
  private boolean available = true;

  /**
   * @param clock stamps changes
   * @param maxTextLength the longest text value a column takes
   * @param uniqueColumns columns whose values are unique among live rows, ignoring case
   */
  public InMemoryStore(Clock clock, int maxTextLength, String... uniqueColumns) {
    this.clock = clock;
    this.maxTextLength = maxTextLength;
    this.uniqueColumns = Set.of(uniqueColumns);
  }

  /** Creates a row and returns it with its new id. */
  public synchronized Row insert(Map<String, ? extends @Nullable Object> fields, String by) {
    checkAvailable();
    String id = String.format(Locale.ROOT, "mem-%06d", rows.size() + 1);
    return store(id, merge(Map.of(), fields), by, false);
  }

  /**
   * Changes columns of a live row ({@code null} clears one). Returns empty when the values were
   * already stored: nothing is written and no change is recorded.
   */
  public synchronized Optional<Row> update(String id, Map<String, ? extends @Nullable Object> fields, String by) {
    checkAvailable();
    Row current = live(id);
    Map<String, Object> merged = merge(current.fields(), fields);
    return merged.equals(current.fields()) ? Optional.empty() : Optional.of(store(id, merged, by, false));
  }

  /** Deletes a row, leaving a tombstone; deleting a tombstone again changes nothing. */
  public synchronized void delete(String id, String by) {
    checkAvailable();
    Row current = rows.get(id);
    if (current == null) {
      throw new RejectedException("NOT_FOUND", "id", "no row " + id);
    }
    if (!current.deleted()) {
      store(id, Map.of(), by, true);
    }
  }

  /** The row (live or tombstone) with this id. */
  public synchronized Optional<Row> get(String id) {
    checkAvailable();
    return Optional.ofNullable(rows.get(id));
  }

  /** Live rows whose text in {@code column} equals one of {@code values}, ignoring case. */
  public synchronized List<Row> find(String column, Collection<String> values) {
    checkAvailable();
    Set<String> wanted = new HashSet<>();
    values.forEach(value -> wanted.add(value.toLowerCase(Locale.ROOT)));
    return rows.values().stream()
        .filter(row -> !row.deleted() && row.fields().get(column) instanceof String text && wanted.contains(text.toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** Up to {@code limit} rows changed after sequence number {@code after}, oldest change first. */
  public synchronized List<Row> changesAfter(long after, int limit) {
    checkAvailable();
    return rows.values().stream()
        .filter(row -> row.sequence() > after)
        .sorted(Comparator.comparingLong(Row::sequence))
        .limit(limit)
        .toList();
  }

  /** Whether any row changed after sequence number {@code after}. */
  public synchronized boolean hasChangesAfter(long after) {
    checkAvailable();
    return sequence > after;
  }

  /** The number of live rows. */
  public synchronized int liveRows() {
    return (int) rows.values().stream().filter(row -> !row.deleted()).count();
  }

  public synchronized boolean isAvailable() {
    return available;
  }

  public synchronized void setAvailable(boolean available) {
    this.available = available;
  }

  private void checkAvailable() {
    if (!available) {
      throw new UnavailableException();
    }
  }

  private Row live(String id) {
    Row current = rows.get(id);
    if (current == null) {
      throw new RejectedException("NOT_FOUND", "id", "no row " + id);
    }
    if (current.deleted()) {
      throw new RejectedException("ENTITY_IS_DELETED", "id", "row " + id + " is deleted");
    }
    return current;
  }

  private Map<String, Object> merge(Map<String, Object> current, Map<String, ? extends @Nullable Object> changes) {
    Map<String, Object> merged = new LinkedHashMap<>(current);
    changes.forEach((column, value) -> {
      if (value == null) {
        merged.remove(column);
      } else {
        merged.put(column, value);
      }
    });
    return merged;
  }

  private Row store(String id, Map<String, Object> fields, String by, boolean deleted) {
    for (Map.Entry<String, Object> column : fields.entrySet()) {
      if (column.getValue() instanceof String text && text.length() > maxTextLength) {
        throw new RejectedException("STRING_TOO_LONG", column.getKey(),
            column.getKey() + " is " + text.length() + " characters long, at most " + maxTextLength + " allowed");
      }
      if (uniqueColumns.contains(column.getKey()) && column.getValue() instanceof String text) {
        for (Row other : rows.values()) {
          if (!other.deleted() && !other.id().equals(id) && other.fields().get(column.getKey()) instanceof String held && held.equalsIgnoreCase(text)) {
            throw new RejectedException("DUPLICATE_VALUE", column.getKey(), column.getKey() + " '" + text + "' is already used by " + other.id());
          }
        }
      }
    }
    Row row = new Row(id, ++sequence, clock.instant(), Objects.requireNonNull(by), Collections.unmodifiableMap(fields), deleted);
    rows.put(id, row);
    return row;
  }

  /** All rows, for assertions. */
  synchronized List<Row> snapshot() {
    return new ArrayList<>(rows.values());
  }
}
