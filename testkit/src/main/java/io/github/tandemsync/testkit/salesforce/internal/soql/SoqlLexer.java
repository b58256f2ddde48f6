package io.github.tandemsync.testkit.salesforce.internal.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL text into tokens. */
final class SoqlLexer {
  enum Type { IDENT, STRING, NUMBER, DATE, DATETIME, OP, LPAREN, RPAREN, COMMA, DOT, COLON, EOF }

  record Token(Type type, String text, Object value, int pos) {
    boolean is(String keyword) {
      return type == Type.IDENT && text.equalsIgnoreCase(keyword);
    }
  }

  private static final Pattern DATETIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
  private static final Pattern DATETIME_NO_ZONE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]*");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  private SoqlLexer() {}

  static List<Token> tokenize(String query) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int length = query.length();
    while (i < length) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (Character.isLetter(c) || c == '_') {
        while (i < length && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Type.IDENT, query.substring(start, i), query.substring(start, i), start));
        continue;
      }
      if (c == '\'') {
        i = string(query, i, tokens);
        continue;
      }
      if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < length && Character.isDigit(query.charAt(i + 1)))) {
        Matcher dateTime = DATETIME.matcher(query).region(i, length);
        if (Character.isDigit(c) && dateTime.lookingAt()) {
          String text = dateTime.group();
          tokens.add(new Token(Type.DATETIME, text, parseDateTime(query, text, start), start));
          i = dateTime.end();
          continue;
        }
        Matcher noZone = DATETIME_NO_ZONE.matcher(query).region(i, length);
        if (Character.isDigit(c) && noZone.lookingAt()) {
          throw SoqlException.at("MALFORMED_QUERY", query, noZone.end(),
              "line 1:" + noZone.end() + " no viable alternative at character '" + charAt(query, noZone.end()) + "'");
        }
        Matcher date = DATE.matcher(query).region(i, length);
        if (Character.isDigit(c) && date.lookingAt()) {
          String text = date.group();
          try {
            tokens.add(new Token(Type.DATE, text, LocalDate.parse(text), start));
          } catch (DateTimeParseException e) {
            throw SoqlException.at("MALFORMED_QUERY", query, start, "invalid date: " + text);
          }
          i = date.end();
          continue;
        }
        Matcher number = NUMBER.matcher(query).region(i, length);
        if (number.lookingAt()) {
          String text = number.group();
          tokens.add(new Token(Type.NUMBER, text, new BigDecimal(text.startsWith("+") ? text.substring(1) : text), start));
          i = number.end();
          continue;
        }
      }
      switch (c) {
        case '(' -> tokens.add(new Token(Type.LPAREN, "(", "(", start));
        case ')' -> tokens.add(new Token(Type.RPAREN, ")", ")", start));
        case ',' -> tokens.add(new Token(Type.COMMA, ",", ",", start));
        case '.' -> tokens.add(new Token(Type.DOT, ".", ".", start));
        case ':' -> tokens.add(new Token(Type.COLON, ":", ":", start));
        case '=' -> tokens.add(new Token(Type.OP, "=", "=", start));
        case '!' -> {
          if (i + 1 < length && query.charAt(i + 1) == '=') {
            tokens.add(new Token(Type.OP, "!=", "!=", start));
            i++;
          } else {
            throw unexpectedCharacter(query, i);
          }
        }
        case '<' -> {
          if (i + 1 < length && query.charAt(i + 1) == '=') {
            tokens.add(new Token(Type.OP, "<=", "<=", start));
            i++;
          } else if (i + 1 < length && query.charAt(i + 1) == '>') {
            tokens.add(new Token(Type.OP, "!=", "!=", start));
            i++;
          } else {
            tokens.add(new Token(Type.OP, "<", "<", start));
          }
        }
        case '>' -> {
          if (i + 1 < length && query.charAt(i + 1) == '=') {
            tokens.add(new Token(Type.OP, ">=", ">=", start));
            i++;
          } else {
            tokens.add(new Token(Type.OP, ">", ">", start));
          }
        }
        default -> throw unexpectedCharacter(query, i);
      }
      i++;
    }
    tokens.add(new Token(Type.EOF, "<EOF>", "", length));
    return tokens;
  }

  private static String charAt(String query, int i) {
    return i < query.length() ? String.valueOf(query.charAt(i)) : "<EOF>";
  }

  private static SoqlException unexpectedCharacter(String query, int i) {
    return SoqlException.at("MALFORMED_QUERY", query, i, "line 1:" + i + " no viable alternative at character '" + query.charAt(i) + "'");
  }

  private static Instant parseDateTime(String query, String text, int pos) {
    String normalised = text;
    // SOQL accepts +hhmm as well as +hh:mm.
    Matcher zone = Pattern.compile("([+-]\\d{2})(\\d{2})$").matcher(text);
    if (zone.find()) {
      normalised = text.substring(0, zone.start()) + zone.group(1) + ":" + zone.group(2);
    }
    try {
      return OffsetDateTime.parse(normalised).toInstant();
    } catch (DateTimeParseException e) {
      throw SoqlException.at("MALFORMED_QUERY", query, pos, "invalid dateTime: " + text);
    }
  }

  /** Reads a quoted string; keeps {@code \%} and {@code \_} as escapes for LIKE. */
  private static int string(String query, int start, List<Token> tokens) {
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '\'') {
        tokens.add(new Token(Type.STRING, query.substring(start, i + 1), value.toString(), start));
        return i + 1;
      }
      if (c == '\\') {
        if (i + 1 >= query.length()) {
          break;
        }
        char next = query.charAt(i + 1);
        switch (next) {
          case 'n', 'N' -> value.append('\n');
          case 't', 'T' -> value.append('\t');
          case 'r', 'R' -> value.append('\r');
          case 'b', 'B' -> value.append('\b');
          case 'f', 'F' -> value.append('\f');
          case '"' -> value.append('"');
          case '\'' -> value.append('\'');
          case '\\' -> value.append("\\\\");
          case '%' -> value.append("\\%");
          case '_' -> value.append("\\_");
          case 'u' -> {
            if (i + 5 >= query.length()) {
              throw SoqlException.at("MALFORMED_QUERY", query, i, "Invalid string literal '" + query.substring(start, Math.min(query.length(), i + 6))
                  + "'. Illegal unicode escape sequence");
            }
            try {
              value.append((char) Integer.parseInt(query.substring(i + 2, i + 6), 16));
            } catch (NumberFormatException e) {
              throw SoqlException.at("MALFORMED_QUERY", query, i, "Invalid string literal. Illegal unicode escape sequence");
            }
            i += 4;
          }
          default -> throw SoqlException.at("MALFORMED_QUERY", query, i, "Invalid string literal '" + query.substring(start, Math.min(query.length(), i + 2))
              + "'. Illegal character sequence '\\" + next + "' in string literal.");
        }
        i += 2;
        continue;
      }
      value.append(c);
      i++;
    }
    throw SoqlException.at("MALFORMED_QUERY", query, start, "line 1:" + start + " mismatched character '<EOF>' expecting '''");
  }
}
