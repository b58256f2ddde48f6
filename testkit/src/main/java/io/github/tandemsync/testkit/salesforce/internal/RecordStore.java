package io.github.tandemsync.testkit.salesforce.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The org's records, unique-value indexes and delete log, with an undo log so a transaction
 * (allOrNone, composite, graph) can be rolled back. Every method must be called under the org lock.
 */
public final class RecordStore {
  /** One entry of the delete log behind getDeleted (reference §9). */
  record DeleteLogEntry(String id, SObjectType type, Instant deletedDate) {}

  private final Map<String, Row> byId = new HashMap<>();
  private final Map<String, LinkedHashMap<String, Row>> byType = new HashMap<>();
  /** type.field -> normalised value -> ids of live rows holding it. */
  private final Map<String, Map<String, Set<String>>> uniqueIndex = new HashMap<>();
  /** childType.field -> parent id -> child rows (live and deleted) pointing at it. */
  private final Map<String, Map<String, Set<Row>>> referenceIndex = new HashMap<>();
  private final List<DeleteLogEntry> deleteLog = new ArrayList<>();
  private final List<Runnable> undo = new ArrayList<>();
  /** Committed changes so far: lets a restore tell whether anything was written before it. */
  private long changes;

  // --- transactions ---
  // Undo actions are recorded while a transaction is open (see Org#transaction); the outermost
  // commit drops them, a rollback replays them backwards to a savepoint.

  private int depth;

  /** Opens a (possibly nested) transaction and returns its savepoint. */
  int begin() {
    depth++;
    return undo.size();
  }

  /** The current savepoint. */
  int mark() {
    return undo.size();
  }

  /** Undoes everything recorded after a savepoint. */
  void rollbackTo(int mark) {
    for (int i = undo.size() - 1; i >= mark; i--) {
      undo.remove(i).run();
    }
  }

  /** Closes a transaction; the outermost one forgets its undo log. */
  void end() {
    depth--;
    if (depth == 0) {
      if (!undo.isEmpty()) {
        changes++;
      }
      undo.clear();
    }
  }

  private void onUndo(Runnable action) {
    if (depth > 0) {
      undo.add(action);
    } else {
      changes++;
    }
  }

  /** How many changes were committed (a transaction counts once). */
  long changes() {
    return changes;
  }

  /** Forgets every record and the delete log (before a saved org is restored; not undoable). */
  void clear() {
    if (depth > 0) {
      throw new IllegalStateException("cannot clear the record store inside a transaction");
    }
    byId.clear();
    byType.clear();
    uniqueIndex.clear();
    referenceIndex.clear();
    deleteLog.clear();
  }

  /** Appends a delete-log entry while restoring a saved org. */
  void restoreDeleteLogEntry(String id, SObjectType type, Instant deletedDate) {
    deleteLog.add(new DeleteLogEntry(id, type, deletedDate));
  }

  // --- reads ---

  /** A row by 18-character id, live or deleted. */
  public @Nullable Row get(String id18) {
    return byId.get(id18);
  }

  /** The rows of a type in insertion order, live and deleted. */
  public Collection<Row> rows(SObjectType type) {
    LinkedHashMap<String, Row> rows = byType.get(type.name);
    return rows == null ? List.of() : rows.values();
  }

  /** Ids of live rows whose unique/external-id field holds the value. */
  Set<String> lookup(SObjectType type, FieldDef field, Object value) {
    if (field.unique) {
      Map<String, Set<String>> index = uniqueIndex.get(indexKey(type, field));
      Set<String> ids = index == null ? null : index.get(normalise(field, value));
      return ids == null ? Set.of() : Set.copyOf(ids);
    }
    Set<String> ids = new HashSet<>();
    String wanted = normalise(field, value);
    for (Row row : rows(type)) {
      Object held = row.values.get(field.name);
      if (!row.deleted && held != null && normalise(field, held).equals(wanted)) {
        ids.add(row.id);
      }
    }
    return ids;
  }

  /** Rows of a child type whose reference field points at the parent (live and deleted). */
  public List<Row> children(SObjectType childType, FieldDef field, String parentId) {
    Map<String, Set<Row>> index = referenceIndex.get(indexKey(childType, field));
    Set<Row> rows = index == null ? null : index.get(parentId);
    if (rows == null) {
      return List.of();
    }
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(java.util.Comparator.comparing(row -> row.id));
    return sorted;
  }

  /** The key under which a value is unique: case-folded unless the field is case-sensitive. */
  static String normalise(FieldDef field, Object value) {
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    String text = value.toString();
    return field.caseSensitive || field.type.isId() ? text : text.toLowerCase(Locale.ROOT);
  }

  private static String indexKey(SObjectType type, FieldDef field) {
    return type.name + "." + field.name;
  }

  // --- writes ---

  /** Adds a new live row. */
  void insert(Row row) {
    byId.put(row.id, row);
    byType.computeIfAbsent(row.type.name, key -> new LinkedHashMap<>()).put(row.id, row);
    index(row);
    onUndo(() -> {
      unindex(row);
      byId.remove(row.id);
      byType.get(row.type.name).remove(row.id);
    });
  }

  /** Records the current state of a row before it is changed, so a rollback restores it. */
  void beforeChange(Row row) {
    Row before = row.copy();
    unindex(row);
    onUndo(() -> {
      unindex(row);
      row.restore(before);
      index(row);
    });
  }

  /** Re-indexes a row after a change announced with {@link #beforeChange(Row)}. */
  void afterChange(Row row) {
    index(row);
  }

  /** Removes a row for good (purge, hard delete). */
  void purge(Row row) {
    unindex(row);
    byId.remove(row.id);
    LinkedHashMap<String, Row> rows = byType.get(row.type.name);
    if (rows != null) {
      rows.remove(row.id);
    }
    onUndo(() -> {
      byId.put(row.id, row);
      byType.computeIfAbsent(row.type.name, key -> new LinkedHashMap<>()).put(row.id, row);
      index(row);
    });
  }

  private void index(Row row) {
    for (FieldDef field : row.type.referenceFields()) {
      Object value = row.values.get(field.name);
      if (value != null) {
        referenceIndex.computeIfAbsent(indexKey(row.type, field), key -> new HashMap<>())
            .computeIfAbsent(value.toString(), key -> new java.util.HashSet<>()).add(row);
      }
    }
    if (row.deleted) {
      return;
    }
    for (FieldDef field : row.type.uniqueFields()) {
      Object value = row.values.get(field.name);
      if (value != null) {
        uniqueIndex.computeIfAbsent(indexKey(row.type, field), key -> new HashMap<>())
            .computeIfAbsent(normalise(field, value), key -> new HashSet<>()).add(row.id);
      }
    }
  }

  private void unindex(Row row) {
    for (FieldDef field : row.type.referenceFields()) {
      Object value = row.values.get(field.name);
      if (value != null) {
        Map<String, Set<Row>> index = referenceIndex.get(indexKey(row.type, field));
        Set<Row> rows = index == null ? null : index.get(value.toString());
        if (rows != null) {
          rows.remove(row);
          if (rows.isEmpty()) {
            index.remove(value.toString());
          }
        }
      }
    }
    for (FieldDef field : row.type.uniqueFields()) {
      Object value = row.values.get(field.name);
      if (value != null) {
        Map<String, Set<String>> index = uniqueIndex.get(indexKey(row.type, field));
        if (index != null) {
          Set<String> ids = index.get(normalise(field, value));
          if (ids != null) {
            ids.remove(row.id);
            if (ids.isEmpty()) {
              index.remove(normalise(field, value));
            }
          }
        }
      }
    }
  }

  // --- delete log ---

  void logDelete(Row row, Instant when) {
    DeleteLogEntry entry = new DeleteLogEntry(row.id, row.type, when);
    deleteLog.add(entry);
    onUndo(() -> deleteLog.remove(entry));
  }

  void unlogDelete(String id) {
    for (Iterator<DeleteLogEntry> it = deleteLog.iterator(); it.hasNext(); ) {
      DeleteLogEntry entry = it.next();
      if (entry.id().equals(id)) {
        it.remove();
        onUndo(() -> deleteLog.add(entry));
      }
    }
  }

  List<DeleteLogEntry> deleteLog() {
    return deleteLog;
  }

  /** Drops delete-log entries older than the cut-off. */
  void purgeDeleteLog(Instant before) {
    deleteLog.removeIf(entry -> entry.deletedDate().isBefore(before));
  }
}
