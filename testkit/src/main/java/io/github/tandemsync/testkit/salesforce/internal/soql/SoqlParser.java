package io.github.tandemsync.testkit.salesforce.internal.soql;

import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.And;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Compare;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Condition;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.FieldItem;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.In;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.InQuery;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Like;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Literal;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.LiteralKind;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Not;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Or;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Order;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Path;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.Query;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.SelectItem;
import io.github.tandemsync.testkit.salesforce.internal.soql.Soql.SubqueryItem;
import io.github.tandemsync.testkit.salesforce.internal.soql.SoqlLexer.Token;
import io.github.tandemsync.testkit.salesforce.internal.soql.SoqlLexer.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recursive-descent parser for the SOQL subset the sandbox evaluates. Mixing AND and OR without
 * parentheses is a syntax error, as in Salesforce; NOT may only open a condition (after WHERE or
 * an opening parenthesis).
 */
public final class SoqlParser {
  private static final Set<String> DATE_FUNCTIONS = Set.of("TODAY", "YESTERDAY", "TOMORROW", "LAST_WEEK", "THIS_WEEK",
      "NEXT_WEEK", "LAST_MONTH", "THIS_MONTH", "NEXT_MONTH", "THIS_YEAR", "LAST_YEAR", "NEXT_YEAR", "LAST_90_DAYS",
      "NEXT_90_DAYS");
  private static final Set<String> DATE_N_FUNCTIONS = Set.of("LAST_N_DAYS", "NEXT_N_DAYS", "N_DAYS_AGO", "LAST_N_WEEKS",
      "NEXT_N_WEEKS", "LAST_N_MONTHS", "NEXT_N_MONTHS");
  private static final Set<String> CLAUSE_END = Set.of("WHERE", "ORDER", "LIMIT", "OFFSET", "GROUP", "HAVING", "WITH", "FOR",
      "USING", "UPDATE");

  private final String text;
  private final List<Token> tokens;
  private int index;

  private SoqlParser(String text) {
    this.text = text;
    this.tokens = SoqlLexer.tokenize(text);
  }

  /** Parses a complete query. */
  public static Query parse(String text) {
    SoqlParser parser = new SoqlParser(text);
    Query query = parser.query(false);
    parser.expectEof();
    return query;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(tokens.size() - 1, index + ahead));
  }

  private Token next() {
    return tokens.get(index++);
  }

  private SoqlException unexpected(Token token) {
    String shown = token.type() == Type.EOF ? "<EOF>" : token.text();
    return SoqlException.at("MALFORMED_QUERY", text, token.pos(), "unexpected token: '" + shown + "'");
  }

  private void expectKeyword(String keyword) {
    Token token = next();
    if (!token.is(keyword)) {
      throw unexpected(token);
    }
  }

  private Token expect(Type type) {
    Token token = next();
    if (token.type() != type) {
      throw unexpected(token);
    }
    return token;
  }

  private void expectEof() {
    if (peek().type() != Type.EOF) {
      throw unexpected(peek());
    }
  }

  private Query query(boolean nested) {
    expectKeyword("SELECT");
    List<SelectItem> items = new ArrayList<>();
    boolean countOnly = false;
    if (peek().is("COUNT") && peek(1).type() == Type.LPAREN && peek(2).type() == Type.RPAREN) {
      index += 3;
      countOnly = true;
    } else {
      items.add(selectItem(nested));
      while (peek().type() == Type.COMMA) {
        next();
        items.add(selectItem(nested));
      }
    }
    expectKeyword("FROM");
    Token from = expect(Type.IDENT);
    String alias = null;
    if (peek().type() == Type.IDENT && !isClauseKeyword(peek())) {
      alias = next().text();
    }
    Condition where = null;
    if (peek().is("WHERE")) {
      next();
      where = condition();
    }
    if (peek().is("WITH") || peek().is("GROUP") || peek().is("HAVING") || peek().is("USING")) {
      throw SoqlException.at("MALFORMED_QUERY", text, peek().pos(), peek().text().toUpperCase(Locale.ROOT)
          + " is not supported by the Tandem Salesforce sandbox");
    }
    List<Order> orderBy = new ArrayList<>();
    if (peek().is("ORDER")) {
      next();
      expectKeyword("BY");
      orderBy.add(order());
      while (peek().type() == Type.COMMA) {
        next();
        orderBy.add(order());
      }
    }
    Integer limit = null;
    if (peek().is("LIMIT")) {
      next();
      limit = integer();
    }
    Integer offset = null;
    int offsetPos = -1;
    if (peek().is("OFFSET")) {
      offsetPos = next().pos();
      offset = integer();
    }
    if (peek().is("FOR")) {
      next();
      Token what = next();
      if (!(what.is("VIEW") || what.is("REFERENCE") || what.is("UPDATE"))) {
        throw unexpected(what);
      }
    }
    return new Query(List.copyOf(items), countOnly, from.text(), from.pos(), alias, where, List.copyOf(orderBy), limit, offset, offsetPos);
  }

  private static boolean isClauseKeyword(Token token) {
    return CLAUSE_END.contains(token.text().toUpperCase(Locale.ROOT));
  }

  private int integer() {
    Token token = next();
    if (token.type() != Type.NUMBER || token.text().contains(".") || token.text().startsWith("-")) {
      throw unexpected(token);
    }
    return ((BigDecimal) token.value()).intValueExact();
  }

  private SelectItem selectItem(boolean nested) {
    Token token = peek();
    if (token.type() == Type.LPAREN) {
      if (nested) {
        throw SoqlException.at("MALFORMED_QUERY", text, token.pos(), "nested subqueries are not supported in a subquery");
      }
      next();
      Query sub = query(true);
      expect(Type.RPAREN);
      return new SubqueryItem(sub, token.pos());
    }
    if (token.type() == Type.IDENT && peek(1).type() == Type.LPAREN) {
      throw SoqlException.at("MALFORMED_QUERY", text, token.pos(), token.text().toUpperCase(Locale.ROOT)
          + "() is not supported by the Tandem Salesforce sandbox (only COUNT() on its own)");
    }
    if (token.is("TYPEOF")) {
      throw SoqlException.at("MALFORMED_QUERY", text, token.pos(), "TYPEOF is not supported by the Tandem Salesforce sandbox");
    }
    return new FieldItem(path());
  }

  private Path path() {
    Token first = expect(Type.IDENT);
    List<String> parts = new ArrayList<>();
    parts.add(first.text());
    while (peek().type() == Type.DOT) {
      next();
      parts.add(expect(Type.IDENT).text());
    }
    return new Path(List.copyOf(parts), first.pos());
  }

  private Order order() {
    Path path = path();
    boolean descending = false;
    if (peek().is("ASC")) {
      next();
    } else if (peek().is("DESC")) {
      next();
      descending = true;
    }
    // Salesforce: null values sort first unless NULLS LAST is given.
    boolean nullsLast = false;
    if (peek().is("NULLS")) {
      next();
      Token which = next();
      if (which.is("LAST")) {
        nullsLast = true;
      } else if (!which.is("FIRST")) {
        throw unexpected(which);
      }
    }
    return new Order(path, descending, nullsLast);
  }

  /** condition := [NOT] term ((AND term)* | (OR term)*) */
  private Condition condition() {
    Condition first;
    if (peek().is("NOT")) {
      next();
      first = new Not(term());
    } else {
      first = term();
    }
    if (!(peek().is("AND") || peek().is("OR"))) {
      return first;
    }
    String connective = peek().text().toUpperCase(Locale.ROOT);
    List<Condition> terms = new ArrayList<>();
    terms.add(first);
    while (peek().is("AND") || peek().is("OR")) {
      Token token = next();
      if (!token.text().equalsIgnoreCase(connective)) {
        throw unexpected(token);
      }
      if (peek().is("NOT")) {
        throw unexpected(peek());
      }
      terms.add(term());
    }
    return connective.equals("AND") ? new And(List.copyOf(terms)) : new Or(List.copyOf(terms));
  }

  private Condition term() {
    if (peek().type() == Type.LPAREN) {
      next();
      Condition inner = condition();
      expect(Type.RPAREN);
      return inner;
    }
    Path path = path();
    Token operator = next();
    if (operator.type() == Type.OP) {
      return new Compare(path, operator.text(), literal());
    }
    if (operator.is("LIKE")) {
      Literal pattern = literal();
      if (pattern.kind() != LiteralKind.STRING) {
        throw unexpected(tokens.get(index - 1));
      }
      return new Like(path, pattern);
    }
    boolean negated = false;
    if (operator.is("NOT")) {
      negated = true;
      operator = next();
    }
    if (operator.is("IN")) {
      Token open = expect(Type.LPAREN);
      if (peek().is("SELECT")) {
        Query sub = query(true);
        expect(Type.RPAREN);
        return new InQuery(path, negated, sub, open.pos());
      }
      List<Literal> values = new ArrayList<>();
      values.add(literal());
      while (peek().type() == Type.COMMA) {
        next();
        values.add(literal());
      }
      expect(Type.RPAREN);
      return new In(path, negated, List.copyOf(values));
    }
    if (operator.is("INCLUDES") || operator.is("EXCLUDES")) {
      throw SoqlException.at("MALFORMED_QUERY", text, operator.pos(), operator.text().toUpperCase(Locale.ROOT)
          + " (multi-select picklists) is not supported by the Tandem Salesforce sandbox");
    }
    throw unexpected(operator);
  }

  private Literal literal() {
    Token token = next();
    switch (token.type()) {
      case STRING:
        return new Literal(LiteralKind.STRING, token.value(), 0, token.pos());
      case NUMBER:
        return new Literal(LiteralKind.NUMBER, token.value(), 0, token.pos());
      case DATE:
        return new Literal(LiteralKind.DATE, token.value(), 0, token.pos());
      case DATETIME:
        return new Literal(LiteralKind.DATETIME, token.value(), 0, token.pos());
      case IDENT:
        String upper = token.text().toUpperCase(Locale.ROOT);
        if (upper.equals("NULL")) {
          return new Literal(LiteralKind.NULL, null, 0, token.pos());
        }
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
          return new Literal(LiteralKind.BOOLEAN, Boolean.valueOf(upper.equals("TRUE")), 0, token.pos());
        }
        if (DATE_FUNCTIONS.contains(upper)) {
          return new Literal(LiteralKind.DATE_FUNCTION, upper, 0, token.pos());
        }
        if (DATE_N_FUNCTIONS.contains(upper)) {
          expect(Type.COLON);
          return new Literal(LiteralKind.DATE_FUNCTION, upper, integer(), token.pos());
        }
        if (token.text().startsWith(":")) {
          throw unexpected(token);
        }
        throw unexpected(token);
      case COLON:
        throw SoqlException.at("MALFORMED_QUERY", text, token.pos(), "bind variables are only valid in Apex code");
      default:
        throw unexpected(token);
    }
  }

  /** The position of a path for messages. */
  static int pos(@Nullable Path path) {
    return path == null ? 0 : path.pos();
  }
}
