package io.github.tandemsync.exchequer.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain SELECT on one company table that runs on SQL Server and on H2 in MSSQLServer mode:
 * bracketed identifiers in the database's own spelling, {@code TOP (?)}, bound parameters only.
 * Clauses name columns as {@code {column}}; the catalog turns them into {@code [Column]}.
 */
public final class Select {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private final String table;
  private final List<String> columns = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();
  private String orderBy = "";
  private int top = -1;
  private boolean distinct;

  private Select(String table) {
    this.table = table;
  }

  /** A select on the company table {@code table} (logical Exchequer name, e.g. {@code CUSTSUPP}). */
  public static Select from(String table) {
    return new Select(table);
  }

  /** An independent copy, to add conditions without changing this select. */
  public Select copy() {
    Select copy = new Select(table);
    copy.columns.addAll(columns);
    copy.conditions.addAll(conditions);
    copy.params.addAll(params);
    copy.orderBy = orderBy;
    copy.top = top;
    copy.distinct = distinct;
    return copy;
  }

  public String table() {
    return table;
  }

  /** Columns to read; those the table lacks are skipped (see {@link Catalog}). */
  public Select columns(Collection<String> names) {
    columns.addAll(names);
    return this;
  }

  public Select columns(String... names) {
    return columns(List.of(names));
  }

  public Select distinct() {
    this.distinct = true;
    return this;
  }

  /** Adds an AND-ed condition with {@code {column}} placeholders and {@code ?} parameters. */
  public Select where(String clause, Object... values) {
    conditions.add(clause);
    params.addAll(List.of(values));
    return this;
  }

  /** Adds {@code {column} IN (?, ?, …)}; an empty list selects nothing. */
  public Select whereIn(String column, Collection<?> values) {
    return whereExpressionIn("{" + column + "}", values);
  }

  /**
   * Adds {@code expression IN (?, ?, …)} for an expression over {@code {column}} placeholders,
   * e.g. {@code UPPER(RTRIM({acCode}))}; an empty list selects nothing.
   */
  public Select whereExpressionIn(String expression, Collection<?> values) {
    if (values.isEmpty()) {
      conditions.add("1 = 0");
      return this;
    }
    StringBuilder clause = new StringBuilder(expression).append(" IN (");
    for (int i = 0; i < values.size(); i++) {
      clause.append(i == 0 ? "?" : ", ?");
    }
    conditions.add(clause.append(')').toString());
    params.addAll(values);
    return this;
  }

  public Select orderBy(String clause) {
    this.orderBy = clause;
    return this;
  }

  public Select top(int rows) {
    this.top = rows;
    return this;
  }

  List<Object> params() {
    List<Object> all = new ArrayList<>();
    if (top >= 0) {
      all.add(top);
    }
    all.addAll(params);
    return all;
  }

  /** The SQL text for {@code schema} as {@code catalog} spells it. */
  String sql(Catalog catalog) {
    StringBuilder sql = new StringBuilder("SELECT ");
    if (distinct) {
      sql.append("DISTINCT ");
    }
    if (top >= 0) {
      sql.append("TOP (?) ");
    }
    boolean first = true;
    for (String column : columns) {
      if (catalog.hasColumn(table, column)) {
        sql.append(first ? "" : ", ").append(Sql.quote(catalog.column(table, column).orElseThrow()));
        first = false;
      }
    }
    if (first) {
      throw new IllegalStateException("no column of " + columns + " exists in " + table);
    }
    sql.append(" FROM ").append(Sql.quote(catalog.schema())).append('.').append(Sql.quote(catalog.tableName(table)));
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ");
      for (int i = 0; i < conditions.size(); i++) {
        sql.append(i == 0 ? "(" : " AND (").append(resolve(catalog, conditions.get(i))).append(')');
      }
    }
    if (!orderBy.isEmpty()) {
      sql.append(" ORDER BY ").append(resolve(catalog, orderBy));
    }
    return sql.toString();
  }

  private String resolve(Catalog catalog, String clause) {
    Matcher matcher = PLACEHOLDER.matcher(clause);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(Sql.quote(catalog.requiredColumn(table, matcher.group(1)))));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
