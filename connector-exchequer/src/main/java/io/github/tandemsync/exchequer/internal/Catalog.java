package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables and columns of one company schema, read once from {@code INFORMATION_SCHEMA.COLUMNS}
 * so that optional columns (newer versions' extras, {@code acCountry} on pre-v8 data) are used only
 * where they exist, and identifiers are written with the database's own spelling.
 */
public final class Catalog {
  private final String schema;
  private final Map<String, Table> tables;

  /** One table: its spelling and its columns by upper-case name. */
  record Table(String name, Map<String, String> columns) {}

  Catalog(String schema, Map<String, Table> tables) {
    this.schema = schema;
    this.tables = tables;
  }

  /** Builds a catalog from (table, column) pairs as listed by the database. */
  static Catalog of(String schema, Iterable<String[]> tableColumnPairs) {
    Map<String, Map<String, String>> columns = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (String[] pair : tableColumnPairs) {
      String key = key(pair[0]);
      names.putIfAbsent(key, pair[0]);
      columns.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(key(pair[1]), pair[1]);
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    names.forEach((key, name) -> tables.put(key, new Table(name, Map.copyOf(columns.get(key)))));
    return new Catalog(schema, Map.copyOf(tables));
  }

  public String schema() {
    return schema;
  }

  public boolean hasTable(String table) {
    return tables.containsKey(key(table));
  }

  public boolean hasColumn(String table, String column) {
    Table info = tables.get(key(table));
    return info != null && info.columns().containsKey(key(column));
  }

  /** The database's spelling of a column, if the table has it. */
  public Optional<String> column(String table, String column) {
    Table info = tables.get(key(table));
    return info == null ? Optional.empty() : Optional.ofNullable(info.columns().get(key(column)));
  }

  /** The database's spelling of a table. */
  public String tableName(String table) {
    Table info = tables.get(key(table));
    if (info == null) {
      throw new ConfigurationException("Exchequer company schema [" + schema + "] has no table " + table
          + " visible to this login (wrong company code, or SELECT not granted?)");
    }
    return info.name();
  }

  /** The database's spelling of a required column. */
  public String requiredColumn(String table, String column) {
    return column(table, column).orElseThrow(() -> new ConfigurationException("Exchequer table [" + schema + "].["
        + tableName(table) + "] has no column " + column + "; this Exchequer version is not supported"));
  }

  private static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }
}
