package io.github.tandemsync.testkit.salesforce.internal.soql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The SOQL syntax tree. Positions are character offsets into the query text, for error messages. */
public final class Soql {
  private Soql() {}

  /** A dotted field path as written: {@code Account.ERP_Id__c}. */
  public record Path(List<String> parts, int pos) {
    /** The path as written. */
    public String text() {
      return String.join(".", parts);
    }
  }

  /** One item of the SELECT list. */
  public sealed interface SelectItem {}

  /** A field or parent-relationship field. */
  public record FieldItem(Path path) implements SelectItem {}

  /** A child-relationship subquery: {@code (SELECT Id FROM Contacts)}. */
  public record SubqueryItem(Query query, int pos) implements SelectItem {}

  /** A whole SELECT statement. */
  public record Query(
      List<SelectItem> items,
      boolean countOnly,
      String from,
      int fromPos,
      @Nullable String alias,
      @Nullable Condition where,
      List<Order> orderBy,
      @Nullable Integer limit,
      @Nullable Integer offset,
      int offsetPos) {}

  /** A WHERE condition. */
  public sealed interface Condition {}

  /** All must hold. */
  public record And(List<Condition> terms) implements Condition {}

  /** Any must hold. */
  public record Or(List<Condition> terms) implements Condition {}

  /** Negation. */
  public record Not(Condition term) implements Condition {}

  /** {@code field op value} with op one of {@code = != < <= > >=}. */
  public record Compare(Path path, String op, Literal value) implements Condition {}

  /** {@code field [NOT] IN (values)}. */
  public record In(Path path, boolean negated, List<Literal> values) implements Condition {}

  /** {@code field [NOT] IN (SELECT field FROM ...)}: a semi-join. */
  public record InQuery(Path path, boolean negated, Query query, int pos) implements Condition {}

  /** {@code field LIKE 'pattern'}. */
  public record Like(Path path, Literal pattern) implements Condition {}

  /** Kinds of literal. */
  public enum LiteralKind { STRING, NUMBER, BOOLEAN, NULL, DATE, DATETIME, DATE_FUNCTION }

  /**
   * A literal value: text (escapes resolved, except {@code \%} and {@code \_} which LIKE needs),
   * a BigDecimal, a Boolean, null, a LocalDate, an Instant, or a date function such as {@code
   * LAST_N_DAYS:30} (value = name, {@code n} = its number).
   */
  public record Literal(LiteralKind kind, @Nullable Object value, int n, int pos) {}

  /** One ORDER BY item. */
  public record Order(Path path, boolean descending, boolean nullsLast) {}
}
