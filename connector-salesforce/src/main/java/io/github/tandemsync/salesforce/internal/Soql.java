package io.github.tandemsync.salesforce.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small typed SOQL builder. Values become literals of their type: text is quoted and escaped,
 * instants are unquoted UTC datetimes with {@code Z}, dates are {@code yyyy-MM-dd}. Field and
 * object names are checked against SOQL's identifier syntax, so no value can change the query's
 * shape.
 *
 * <pre>{@code
 * String q = Soql.select("Id", "Name").from("Account")
 *     .where(Soql.field("ERP_Id__c").in(codes).and(Soql.field("IsDeleted").eq(false)))
 *     .orderBy("SystemModstamp", "Id").limit(200).toSoql();
 * }</pre>
 */
public final class Soql {
  private static final Pattern PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

  private final List<String> fields;
  private final List<String> subqueries = new ArrayList<>();
  private @Nullable String object;
  private @Nullable Condition where;
  private final List<String> orderBy = new ArrayList<>();
  private @Nullable Integer limit;

  private Soql(List<String> fields) {
    this.fields = fields;
  }

  /** Starts a query selecting {@code fields} (field paths such as {@code Account.Name}). */
  public static Soql select(String... fields) {
    return select(List.of(fields));
  }

  /** Starts a query selecting {@code fields}. */
  public static Soql select(Collection<String> fields) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a SOQL query selects at least one field");
    }
    List<String> checked = new ArrayList<>();
    for (String f : fields) {
      String name = identifier(f);
      if (!checked.contains(name)) {
        checked.add(name);
      }
    }
    return new Soql(checked);
  }

  /** Adds a child-relationship subquery, e.g. {@code (SELECT Id FROM OrderItems)}. */
  public Soql subquery(Soql child) {
    subqueries.add("(" + child.toSoql() + ")");
    return this;
  }

  public Soql from(String objectName) {
    this.object = identifier(objectName);
    return this;
  }

  public Soql where(Condition condition) {
    this.where = condition;
    return this;
  }

  public Soql orderBy(String... paths) {
    for (String p : paths) {
      orderBy.add(identifier(p));
    }
    return this;
  }

  public Soql limit(int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("LIMIT must be positive");
    }
    this.limit = rows;
    return this;
  }

  /** The SOQL text. */
  public String toSoql() {
    if (object == null) {
      throw new IllegalStateException("FROM is missing");
    }
    StringBuilder q = new StringBuilder("SELECT ").append(String.join(", ", fields));
    for (String sub : subqueries) {
      q.append(", ").append(sub);
    }
    q.append(" FROM ").append(object);
    if (where != null) {
      q.append(" WHERE ").append(where.text);
    }
    if (!orderBy.isEmpty()) {
      q.append(" ORDER BY ").append(String.join(", ", orderBy));
    }
    if (limit != null) {
      q.append(" LIMIT ").append(limit);
    }
    return q.toString();
  }

  @Override
  public String toString() {
    return toSoql();
  }

  /** A field operand for building conditions. */
  public static Field field(String path) {
    return new Field(identifier(path));
  }

  /** The literal for a value: quoted, escaped text; UTC datetime; date; number; boolean; null. */
  public static String literal(@Nullable Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof String s) {
      return quote(s);
    } else if (value instanceof Instant i) {
      return SalesforceDateTimes.soqlLiteral(i);
    } else if (value instanceof LocalDate d) {
      return SalesforceDateTimes.formatDate(d);
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return value.toString();
    } else if (value instanceof Number n) {
      return new BigDecimal(n.toString()).toPlainString();
    } else if (value instanceof Boolean b) {
      return b.toString();
    }
    throw new IllegalArgumentException("no SOQL literal for " + value.getClass().getName());
  }

  /** A quoted SOQL string literal with SOQL's backslash escapes. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('\'');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  static String identifier(String path) {
    Objects.requireNonNull(path, "field");
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("not a SOQL field or object name: '" + path + "'");
    }
    return path;
  }

  /** A field in a condition. */
  public static final class Field {
    private final String path;

    private Field(String path) {
      this.path = path;
    }

    public Condition eq(@Nullable Object value) {
      return new Condition(path + " = " + literal(value));
    }

    public Condition ne(@Nullable Object value) {
      return new Condition(path + " != " + literal(value));
    }

    public Condition gt(Object value) {
      return new Condition(path + " > " + literal(value));
    }

    public Condition ge(Object value) {
      return new Condition(path + " >= " + literal(value));
    }

    public Condition lt(Object value) {
      return new Condition(path + " < " + literal(value));
    }

    public Condition le(Object value) {
      return new Condition(path + " <= " + literal(value));
    }

    /** {@code path IN (...)}; an empty list matches nothing. */
    public Condition in(Collection<?> values) {
      if (values.isEmpty()) {
        return new Condition("Id = null");
      }
      List<String> literals = new ArrayList<>(values.size());
      for (Object v : values) {
        literals.add(literal(v));
      }
      return new Condition(path + " IN (" + String.join(", ", literals) + ")");
    }
  }

  /** A WHERE condition; combine with {@link #and} and {@link #or}. */
  public static final class Condition {
    private final String text;

    private Condition(String text) {
      this.text = text;
    }

    public Condition and(Condition other) {
      return new Condition("(" + text + ") AND (" + other.text + ")");
    }

    public Condition or(Condition other) {
      return new Condition("(" + text + ") OR (" + other.text + ")");
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
