package io.github.tandemsync.testkit.salesforce.internal;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV with a configurable delimiter and line ending, as Bulk API 2.0 uses it. */
final class Csv {
  private Csv() {}

  /** The character of a Bulk API {@code columnDelimiter} name. */
  static char delimiter(String name) {
    return switch (name) {
      case "COMMA" -> ',';
      case "TAB" -> '\t';
      case "PIPE" -> '|';
      case "SEMICOLON" -> ';';
      case "CARET" -> '^';
      case "BACKQUOTE" -> '`';
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Parses CSV text into rows of cells. Quoted cells may contain delimiters, doubled quotes and
   * line breaks; both LF and CRLF end a row.
   */
  static List<List<String>> parse(String text, char delimiter) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean cellStarted = false;
    int i = 0;
    int length = text.length();
    if (length > 0 && text.charAt(0) == '\uFEFF') {
      i = 1;
    }
    while (i < length) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < length && text.charAt(i + 1) == '"') {
            cell.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        cell.append(c);
        i++;
        continue;
      }
      if (c == '"' && cell.length() == 0) {
        quoted = true;
        cellStarted = true;
        i++;
      } else if (c == delimiter) {
        row.add(cell.toString());
        cell.setLength(0);
        cellStarted = true;
        i++;
      } else if (c == '\r' || c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        if (!(row.size() == 1 && row.get(0).isEmpty() && !cellStarted)) {
          rows.add(row);
        }
        row = new ArrayList<>();
        cellStarted = false;
        i += (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') ? 2 : 1;
      } else {
        cell.append(c);
        cellStarted = true;
        i++;
      }
    }
    if (cellStarted || cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted value");
    }
    return rows;
  }

  /** Writes rows, quoting every cell. */
  static String write(List<List<String>> rows, char delimiter, String lineEnding) {
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append(delimiter);
        }
        out.append('"').append(row.get(i).replace("\"", "\"\"")).append('"');
      }
      out.append(lineEnding);
    }
    return out.toString();
  }
}
