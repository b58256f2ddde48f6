package io.github.tandemsync.testkit.salesforce.internal.soql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tandemsync.testkit.salesforce.internal.FieldDef;
import io.github.tandemsync.testkit.salesforce.internal.FieldType;
import io.github.tandemsync.testkit.salesforce.internal.Ids;
import io.github.tandemsync.testkit.salesforce.internal.Json;
import io.github.tandemsync.testkit.salesforce.internal.Org;
import io.github.tandemsync.testkit.salesforce.internal.Row;
import io.github.tandemsync.testkit.salesforce.internal.SObjectType;
import io.github.tandemsync.testkit.salesforce.internal.Values;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Condition;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Literal;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.LiteralKind;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Path;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Query;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Binds a parsed query to the org's schema (field, relationship and type checks, field-level
 * security) and evaluates it over the stored rows. Call {@link #execute} and the render methods
 * under the org lock.
 */
public final class SoqlEngine {
  /** Salesforce caps OFFSET at 2,000 rows. */
  static final int MAX_OFFSET = 2000;

  private final Org org;
  private final String text;
  private final LocalDate today;

  private SoqlEngine(Org org, String text) {
    this.org = org;
    this.text = text;
    this.today = LocalDate.ofInstant(org.now(), ZoneOffset.UTC);
  }

  /** A path bound to fields: the references followed, then the leaf field. */
  public record BoundPath(List<FieldDef> chain, List<SObjectType> types, FieldDef leaf, String canonical) {
    /** The relationship names along the path. */
    List<String> relationshipNames() {
      List<String> names = new ArrayList<>();
      for (FieldDef reference : chain) {
        names.add(Objects.requireNonNull(reference.relationshipName()));
      }
      return names;
    }
  }

  /** A bound SELECT item. */
  public sealed interface Column {}

  /** A field column. */
  public record FieldColumn(BoundPath path) implements Column {}

  /** A child subquery column. */
  public record ChildColumn(String relationshipName, FieldDef childField, Bound sub) implements Column {}

  /** A bound query. */
  public record Bound(SObjectType type, List<Column> columns, boolean countOnly, Predicate where, List<Sort> order,
      @Nullable Integer limit, @Nullable Integer offset, boolean longText) {}

  /** One ORDER BY key. */
  record Sort(BoundPath path, boolean descending, boolean nullsLast) {}

  /** A compiled WHERE condition. */
  @FunctionalInterface
  interface Predicate {
    boolean test(Row row);
  }

  /** The rows a query selected, in order, plus the count. */
  public record Result(Bound bound, List<Row> rows, int totalSize) {
    /** Whether the selection includes a long text area (pages are capped at 200 rows). */
    public boolean longText() {
      return bound.longText();
    }

    /** Whether this is {@code SELECT COUNT()}. */
    public boolean countOnly() {
      return bound.countOnly();
    }
  }

  /** Parses, binds and evaluates a query. {@code includeDeleted} is queryAll. */
  public static Result execute(Org org, String soql, boolean includeDeleted) {
    SoqlEngine engine = new SoqlEngine(org, soql);
    Query query = SoqlParser.parse(soql);
    Bound bound = engine.bind(query, null);
    return engine.run(bound, includeDeleted);
  }

  /** Parses and binds without evaluating (validation for Bulk query jobs). */
  public static Bound validate(Org org, String soql) {
    SoqlEngine engine = new SoqlEngine(org, soql);
    return engine.bind(SoqlParser.parse(soql), null);
  }

  // ---------------------------------------------------------------------------------------------
  // Binding

  private Bound bind(Query query, @Nullable SObjectType childOf) {
    SObjectType type;
    FieldDef childField = null;
    if (childOf == null) {
      type = org.schema().type(query.from()).orElseThrow(() -> SoqlException.at("INVALID_TYPE", text, query.fromPos(),
          "sObject type '" + query.from() + "' is not supported. If you are attempting to use a custom object, be sure to append "
              + "the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."));
    } else {
      Map.Entry<SObjectType, FieldDef> relation = childRelationship(childOf, query.from(), query.fromPos());
      type = relation.getKey();
      childField = relation.getValue();
    }
    String alias = query.alias();
    List<Column> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean longText = false;
    for (Soql.SelectItem item : query.items()) {
      if (item instanceof Soql.FieldItem fieldItem) {
        BoundPath path = bindPath(type, fieldItem.path(), alias);
        if (!seen.add(path.canonical().toLowerCase(Locale.ROOT))) {
          throw SoqlException.at("MALFORMED_QUERY", text, fieldItem.path().pos(), "duplicate field selected: " + path.canonical());
        }
        longText |= path.leaf().type() == FieldType.LONG_TEXTAREA;
        columns.add(new FieldColumn(path));
      } else if (item instanceof Soql.SubqueryItem sub) {
        if (childOf != null) {
          throw SoqlException.at("MALFORMED_QUERY", text, sub.pos(), "nested subqueries are not supported");
        }
        Bound child = bind(sub.query(), type);
        Map.Entry<SObjectType, FieldDef> relation = childRelationship(type, sub.query().from(), sub.query().fromPos());
        longText |= child.longText();
        columns.add(new ChildColumn(Objects.requireNonNull(relation.getValue().childRelationshipName()), relation.getValue(), child));
      }
    }
    Predicate where = query.where() == null ? row -> true : bindCondition(type, Objects.requireNonNull(query.where()), alias);
    if (childField != null) {
      // The parent filter is applied by the caller per parent row.
    }
    List<Sort> order = new ArrayList<>();
    for (Soql.Order item : query.orderBy()) {
      BoundPath path = bindPath(type, item.path(), alias);
      if (!path.leaf().filterable()) {
        throw SoqlException.at("INVALID_FIELD", text, item.path().pos(), "field '" + path.leaf().name()
            + "' can not be sorted in a query call");
      }
      order.add(new Sort(path, item.descending(), item.nullsLast()));
    }
    if (query.offset() != null && query.offset() > MAX_OFFSET) {
      throw new SoqlException("NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is " + MAX_OFFSET);
    }
    if (query.countOnly() && !order.isEmpty()) {
      throw SoqlException.at("MALFORMED_QUERY", text, query.items().isEmpty() ? 0 : 0, "ORDER BY cannot be used with COUNT()");
    }
    return new Bound(type, List.copyOf(columns), query.countOnly(), where, List.copyOf(order), query.limit(), query.offset(), longText);
  }

  private Map.Entry<SObjectType, FieldDef> childRelationship(SObjectType parent, String name, int pos) {
    for (Map.Entry<SObjectType, FieldDef> relation : org.schema().childRelationships(parent)) {
      String relationshipName = relation.getValue().childRelationshipName();
      if (relationshipName != null && relationshipName.equalsIgnoreCase(name)
          && !org.schema().isHidden(relation.getKey(), relation.getValue())) {
        return relation;
      }
    }
    throw SoqlException.at("INVALID_TYPE", text, pos, "Didn't understand relationship '" + name + "' in FROM part of query call. "
        + "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. "
        + "Please reference your WSDL or the describe call for the appropriate names.");
  }

  private BoundPath bindPath(SObjectType root, Path path, @Nullable String alias) {
    List<String> parts = new ArrayList<>(path.parts());
    if (alias != null && parts.size() > 1 && parts.get(0).equalsIgnoreCase(alias)) {
      parts.remove(0);
    }
    if (parts.size() > 6) {
      throw SoqlException.at("MALFORMED_QUERY", text, path.pos(), "SOQL statements cannot query relationships that are more than 5 levels away");
    }
    SObjectType current = root;
    List<FieldDef> chain = new ArrayList<>();
    List<SObjectType> types = new ArrayList<>();
    types.add(current);
    List<String> canonical = new ArrayList<>();
    for (int i = 0; i < parts.size() - 1; i++) {
      String name = parts.get(i);
      FieldDef reference = current.relationship(name).orElse(null);
      if (reference == null || org.schema().isHidden(current, reference)) {
        throw SoqlException.at("INVALID_FIELD", text, path.pos(), "Didn't understand relationship '" + name + "' in field path. "
            + "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. "
            + "Please reference your WSDL or the describe call for the appropriate names.");
      }
      chain.add(reference);
      canonical.add(Objects.requireNonNull(reference.relationshipName()));
      current = org.schema().type(reference.referenceTo().get(0)).orElseThrow();
      types.add(current);
    }
    String leafName = parts.get(parts.size() - 1);
    SObjectType owner = current;
    FieldDef leaf = current.field(leafName).filter(f -> !org.schema().isHidden(owner, f)).orElseThrow(
        () -> SoqlException.at("INVALID_FIELD", text, path.pos(), "No such column '" + leafName + "' on entity '" + owner.name()
            + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. "
            + "Please reference your WSDL or the describe call for the appropriate names."));
    canonical.add(leaf.name());
    return new BoundPath(List.copyOf(chain), List.copyOf(types), leaf, String.join(".", canonical));
  }

  private Predicate bindCondition(SObjectType type, Condition condition, @Nullable String alias) {
    if (condition instanceof Soql.And and) {
      List<Predicate> terms = and.terms().stream().map(c -> bindCondition(type, c, alias)).toList();
      return row -> {
        for (Predicate term : terms) {
          if (!term.test(row)) {
            return false;
          }
        }
        return true;
      };
    }
    if (condition instanceof Soql.Or or) {
      List<Predicate> terms = or.terms().stream().map(c -> bindCondition(type, c, alias)).toList();
      return row -> {
        for (Predicate term : terms) {
          if (term.test(row)) {
            return true;
          }
        }
        return false;
      };
    }
    if (condition instanceof Soql.Not not) {
      Predicate inner = bindCondition(type, not.term(), alias);
      return row -> !inner.test(row);
    }
    if (condition instanceof Soql.Compare compare) {
      BoundPath path = filterablePath(type, compare.path(), alias);
      Operand operand = operand(path.leaf(), compare.value());
      String op = compare.op();
      if (operand.value == null && operand.range == null && !(op.equals("=") || op.equals("!="))) {
        throw SoqlException.at("MALFORMED_QUERY", text, compare.value().pos(), "invalid operator for null: " + op);
      }
      return row -> compare(value(row, path), op, operand);
    }
    if (condition instanceof Soql.In in) {
      BoundPath path = filterablePath(type, in.path(), alias);
      List<Operand> operands = new ArrayList<>();
      for (Literal literal : in.values()) {
        Operand operand = operand(path.leaf(), literal);
        if (operand.range != null) {
          throw SoqlException.at("MALFORMED_QUERY", text, literal.pos(), "date literals are not allowed in an IN list");
        }
        operands.add(operand);
      }
      boolean negated = in.negated();
      return row -> {
        Object value = value(row, path);
        boolean found = false;
        for (Operand operand : operands) {
          if (compare(value, "=", operand)) {
            found = true;
            break;
          }
        }
        return negated != found;
      };
    }
    if (condition instanceof Soql.InQuery inQuery) {
      BoundPath path = filterablePath(type, inQuery.path(), alias);
      if (!path.leaf().type().isId()) {
        throw SoqlException.at("MALFORMED_QUERY", text, inQuery.pos(), "semi join sub-selects are only supported on id fields");
      }
      Bound sub = bind(inQuery.query(), null);
      if (sub.columns().size() != 1 || !(sub.columns().get(0) instanceof FieldColumn column) || !column.path().leaf().type().isId()) {
        throw SoqlException.at("MALFORMED_QUERY", text, inQuery.pos(), "semi join sub-selects must select exactly one id field");
      }
      boolean negated = inQuery.negated();
      AtomicReference<@Nullable Set<Object>> cache = new AtomicReference<>();
      return row -> {
        Set<Object> ids = cache.get();
        if (ids == null) {
          ids = new HashSet<>();
          for (Row candidate : run(sub, false).rows()) {
            Object id = value(candidate, column.path());
            if (id != null) {
              ids.add(id);
            }
          }
          cache.set(ids);
        }
        Object value = value(row, path);
        boolean found = value != null && ids.contains(value);
        return negated != found;
      };
    }
    if (condition instanceof Soql.Like like) {
      BoundPath path = filterablePath(type, like.path(), alias);
      if (!path.leaf().type().isText()) {
        throw SoqlException.at("INVALID_FIELD", text, like.path().pos(), "invalid operator on " + path.leaf().type().describeName()
            + " field: LIKE (field '" + path.leaf().name() + "')");
      }
      Pattern pattern = likePattern((String) Objects.requireNonNull(like.pattern().value()));
      return row -> {
        Object value = value(row, path);
        return value != null && pattern.matcher(value.toString()).matches();
      };
    }
    throw new IllegalStateException("unknown condition " + condition);
  }

  private BoundPath filterablePath(SObjectType type, Path path, @Nullable String alias) {
    BoundPath bound = bindPath(type, path, alias);
    if (!bound.leaf().filterable()) {
      throw SoqlException.at("INVALID_FIELD", text, path.pos(), "field '" + bound.leaf().name() + "' can not be filtered in a query call");
    }
    return bound;
  }

  /** A literal converted to the field's type, or a [start, end) range for date functions. */
  private record Operand(@Nullable Object value, @Nullable Comparable<?>[] range, FieldType type) {}

  private Operand operand(FieldDef field, Literal literal) {
    FieldType type = field.type();
    LiteralKind kind = literal.kind();
    if (kind == LiteralKind.NULL) {
      return new Operand(null, null, type);
    }
    if (type.isId()) {
      if (kind != LiteralKind.STRING) {
        throw typeMismatch(field, literal, "id", true);
      }
      String id = Ids.normalize(unescape((String) Objects.requireNonNull(literal.value())));
      if (id == null) {
        throw SoqlException.at("INVALID_QUERY_FILTER_OPERATOR", text, literal.pos(), "invalid ID field: "
            + unescape((String) Objects.requireNonNull(literal.value())));
      }
      return new Operand(id, null, type);
    }
    if (type.isText()) {
      if (kind != LiteralKind.STRING) {
        throw typeMismatch(field, literal, "string", true);
      }
      return new Operand(unescape((String) Objects.requireNonNull(literal.value())), null, type);
    }
    if (type.isNumber()) {
      if (kind != LiteralKind.NUMBER) {
        throw typeMismatch(field, literal, "double", false);
      }
      return new Operand(literal.value(), null, type);
    }
    switch (type) {
      case BOOLEAN -> {
        if (kind != LiteralKind.BOOLEAN) {
          throw typeMismatch(field, literal, "boolean", false);
        }
        return new Operand(literal.value(), null, type);
      }
      case DATE -> {
        if (kind == LiteralKind.DATE) {
          return new Operand(literal.value(), null, type);
        }
        if (kind == LiteralKind.DATE_FUNCTION) {
          LocalDate[] range = dateRange(literal);
          return new Operand(null, new Comparable<?>[] {range[0], range[1]}, type);
        }
        throw typeMismatch(field, literal, "date", false);
      }
      case DATETIME -> {
        if (kind == LiteralKind.DATETIME) {
          return new Operand(literal.value(), null, type);
        }
        if (kind == LiteralKind.DATE_FUNCTION) {
          LocalDate[] range = dateRange(literal);
          return new Operand(null, new Comparable<?>[] {
              range[0].atStartOfDay(ZoneOffset.UTC).toInstant(), range[1].atStartOfDay(ZoneOffset.UTC).toInstant()}, type);
        }
        throw typeMismatch(field, literal, "dateTime", false);
      }
      default -> throw typeMismatch(field, literal, type.describeName(), false);
    }
  }

  private SoqlException typeMismatch(FieldDef field, Literal literal, String expected, boolean quoted) {
    return SoqlException.at("INVALID_FIELD", text, literal.pos(), "value of filter criterion for field '" + field.name()
        + "' must be of type " + expected + " and should " + (quoted ? "" : "not ") + "be enclosed in quotes");
  }

  /** [start, end) of a date function in UTC (the sandbox user's time zone is GMT). */
  private LocalDate[] dateRange(Literal literal) {
    String name = (String) Objects.requireNonNull(literal.value());
    int n = literal.n();
    LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    LocalDate monthStart = today.withDayOfMonth(1);
    LocalDate yearStart = today.withDayOfYear(1);
    return switch (name) {
      case "TODAY" -> new LocalDate[] {today, today.plusDays(1)};
      case "YESTERDAY" -> new LocalDate[] {today.minusDays(1), today};
      case "TOMORROW" -> new LocalDate[] {today.plusDays(1), today.plusDays(2)};
      case "LAST_WEEK" -> new LocalDate[] {weekStart.minusWeeks(1), weekStart};
      case "THIS_WEEK" -> new LocalDate[] {weekStart, weekStart.plusWeeks(1)};
      case "NEXT_WEEK" -> new LocalDate[] {weekStart.plusWeeks(1), weekStart.plusWeeks(2)};
      case "LAST_MONTH" -> new LocalDate[] {monthStart.minusMonths(1), monthStart};
      case "THIS_MONTH" -> new LocalDate[] {monthStart, monthStart.plusMonths(1)};
      case "NEXT_MONTH" -> new LocalDate[] {monthStart.plusMonths(1), monthStart.plusMonths(2)};
      case "LAST_YEAR" -> new LocalDate[] {yearStart.minusYears(1), yearStart};
      case "THIS_YEAR" -> new LocalDate[] {yearStart, yearStart.plusYears(1)};
      case "NEXT_YEAR" -> new LocalDate[] {yearStart.plusYears(1), yearStart.plusYears(2)};
      case "LAST_90_DAYS" -> new LocalDate[] {today.minusDays(90), today.plusDays(1)};
      case "NEXT_90_DAYS" -> new LocalDate[] {today.plusDays(1), today.plusDays(91)};
      case "LAST_N_DAYS" -> new LocalDate[] {today.minusDays(n), today.plusDays(1)};
      case "NEXT_N_DAYS" -> new LocalDate[] {today.plusDays(1), today.plusDays(1 + n)};
      case "N_DAYS_AGO" -> new LocalDate[] {today.minusDays(n), today.minusDays(n - 1L)};
      case "LAST_N_WEEKS" -> new LocalDate[] {weekStart.minusWeeks(n), weekStart};
      case "NEXT_N_WEEKS" -> new LocalDate[] {weekStart.plusWeeks(1), weekStart.plusWeeks(1L + n)};
      case "LAST_N_MONTHS" -> new LocalDate[] {monthStart.minusMonths(n), monthStart};
      case "NEXT_N_MONTHS" -> new LocalDate[] {monthStart.plusMonths(1), monthStart.plusMonths(1L + n)};
      default -> throw SoqlException.at("MALFORMED_QUERY", text, literal.pos(), "unsupported date literal " + name);
    };
  }

  /** Resolves SOQL escapes left for LIKE: {@code \%}, {@code \_}, {@code \\}. */
  private static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        out.append(value.charAt(++i));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Pattern likePattern(String value) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        regex.append(Pattern.quote(String.valueOf(value.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  // ---------------------------------------------------------------------------------------------
  // Evaluation

  private @Nullable Object value(Row row, BoundPath path) {
    Row current = row;
    for (FieldDef reference : path.chain()) {
      Object id = current.get(reference.name());
      if (id == null) {
        return null;
      }
      current = org.store().get(id.toString());
      if (current == null) {
        return null;
      }
    }
    return current.get(path.leaf().name());
  }

  private @Nullable Row parent(Row row, List<FieldDef> chain) {
    Row current = row;
    for (FieldDef reference : chain) {
      Object id = current.get(reference.name());
      if (id == null) {
        return null;
      }
      current = org.store().get(id.toString());
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean compare(@Nullable Object value, String op, Operand operand) {
    if (operand.range != null) {
      if (value == null) {
        return op.equals("!=");
      }
      Comparable start = operand.range[0];
      Comparable end = operand.range[1];
      return switch (op) {
        case "=" -> start.compareTo(value) <= 0 && end.compareTo(value) > 0;
        case "!=" -> !(start.compareTo(value) <= 0 && end.compareTo(value) > 0);
        case "<" -> start.compareTo(value) > 0;
        case "<=" -> end.compareTo(value) > 0;
        case ">" -> end.compareTo(value) <= 0;
        case ">=" -> start.compareTo(value) <= 0;
        default -> false;
      };
    }
    Object wanted = operand.value;
    if (wanted == null) {
      return op.equals("=") ? value == null : value != null;
    }
    if (value == null) {
      // SOQL: a null field is "not equal" to any value and fails every ordering comparison.
      return op.equals("!=");
    }
    int order = compareValues(value, wanted, operand.type);
    return switch (op) {
      case "=" -> order == 0;
      case "!=" -> order != 0;
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      case ">=" -> order >= 0;
      default -> false;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object left, Object right, FieldType type) {
    if (type.isText()) {
      return left.toString().toUpperCase(Locale.ROOT).compareTo(right.toString().toUpperCase(Locale.ROOT));
    }
    if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
      return a.compareTo(b);
    }
    if (left instanceof Comparable comparable && left.getClass() == right.getClass()) {
      return comparable.compareTo(right);
    }
    return left.toString().compareTo(right.toString());
  }

  private Result run(Bound bound, boolean includeDeleted) {
    List<Row> rows = new ArrayList<>();
    for (Row row : org.store().rows(bound.type())) {
      if ((includeDeleted || !row.deleted()) && bound.where().test(row)) {
        rows.add(row);
      }
    }
    sort(rows, bound.order());
    int offset = bound.offset() == null ? 0 : bound.offset();
    List<Row> selected = offset >= rows.size() ? new ArrayList<>() : new ArrayList<>(rows.subList(offset, rows.size()));
    if (bound.limit() != null && selected.size() > bound.limit()) {
      selected = new ArrayList<>(selected.subList(0, bound.limit()));
    }
    return new Result(bound, selected, selected.size());
  }

  private void sort(List<Row> rows, List<Sort> order) {
    if (order.isEmpty()) {
      return;
    }
    Comparator<Row> comparator = null;
    for (Sort sort : order) {
      Comparator<Row> key = (a, b) -> {
        Object left = value(a, sort.path());
        Object right = value(b, sort.path());
        if (left == null || right == null) {
          if (left == right) {
            return 0;
          }
          // Nulls first by default whatever the direction; NULLS LAST moves them to the end.
          int nullOrder = left == null ? -1 : 1;
          return sort.nullsLast() ? -nullOrder : nullOrder;
        }
        int result = compareValues(left, right, sort.path().leaf().type());
        return sort.descending() ? -result : result;
      };
      comparator = comparator == null ? key : comparator.thenComparing(key);
    }
    rows.sort(comparator);
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  /** Renders selected rows as REST JSON records (call under the org lock). */
  public static List<ObjectNode> render(Org org, Result result, String version, boolean includeDeleted) {
    SoqlEngine engine = new SoqlEngine(org, "");
    List<ObjectNode> records = new ArrayList<>(result.rows().size());
    for (Row row : result.rows()) {
      records.add(engine.record(row, result.bound(), version, includeDeleted));
    }
    return records;
  }

  private ObjectNode record(Row row, Bound bound, String version, boolean includeDeleted) {
    ObjectNode node = Json.object();
    node.set("attributes", Values.attributes(row, version));
    for (Column column : bound.columns()) {
      if (column instanceof FieldColumn field) {
        BoundPath path = field.path();
        if (path.chain().isEmpty()) {
          node.set(path.leaf().name(), Values.json(path.leaf(), row.get(path.leaf().name())));
          continue;
        }
        ObjectNode target = node;
        boolean missingParent = false;
        for (int depth = 0; depth < path.chain().size(); depth++) {
          String relationship = path.relationshipNames().get(depth);
          Row parent = parent(row, path.chain().subList(0, depth + 1));
          if (target.has(relationship)) {
            if (target.get(relationship).isNull()) {
              missingParent = true;
              break;
            }
            target = (ObjectNode) target.get(relationship);
            continue;
          }
          if (parent == null) {
            target.putNull(relationship);
            missingParent = true;
            break;
          }
          ObjectNode nested = Json.object();
          nested.set("attributes", Values.attributes(parent, version));
          target.set(relationship, nested);
          target = nested;
        }
        if (!missingParent) {
          Row parent = parent(row, path.chain());
          target.set(path.leaf().name(), Values.json(path.leaf(), parent == null ? null : parent.get(path.leaf().name())));
        }
      } else if (column instanceof ChildColumn child) {
        List<Row> children = new ArrayList<>();
        for (Row candidate : org.store().children(child.sub().type(), child.childField(), row.id())) {
          if ((includeDeleted || !candidate.deleted()) && row.id().equals(candidate.get(child.childField().name()))
              && child.sub().where().test(candidate)) {
            children.add(candidate);
          }
        }
        sort(children, child.sub().order());
        if (child.sub().limit() != null && children.size() > child.sub().limit()) {
          children = children.subList(0, child.sub().limit());
        }
        if (children.isEmpty()) {
          node.putNull(child.relationshipName());
          continue;
        }
        ObjectNode nested = Json.object();
        nested.put("totalSize", children.size());
        nested.put("done", true);
        ArrayNode records = nested.putArray("records");
        for (Row childRow : children) {
          records.add(record(childRow, child.sub(), version, includeDeleted));
        }
        node.set(child.relationshipName(), nested);
      }
    }
    return node;
  }

  /** The CSV header of a Bulk query result: the selected paths in SELECT order. */
  public static List<String> csvHeader(Result result) {
    List<String> header = new ArrayList<>();
    for (Column column : result.bound().columns()) {
      if (column instanceof FieldColumn field) {
        header.add(field.path().canonical());
      }
    }
    return header;
  }

  /** One CSV row of a Bulk query result (call under the org lock). */
  public static List<String> csvRow(Org org, Result result, Row row) {
    SoqlEngine engine = new SoqlEngine(org, "");
    List<String> cells = new ArrayList<>();
    for (Column column : result.bound().columns()) {
      if (column instanceof FieldColumn field) {
        cells.add(Values.csv(field.path().leaf(), engine.value(row, field.path())));
      }
    }
    return cells;
  }

  /** Whether the bound query selects child subqueries (Bulk API 2.0 rejects them). */
  public static boolean hasSubqueries(Bound bound) {
    return bound.columns().stream().anyMatch(c -> c instanceof ChildColumn);
  }

  /** Distinct field paths of a query for diagnostics. */
  static Set<String> paths(Bound bound) {
    Set<String> paths = new LinkedHashSet<>();
    for (Column column : bound.columns()) {
      if (column instanceof FieldColumn field) {
        paths.add(field.path().canonical());
      }
    }
    return paths;
  }
}
