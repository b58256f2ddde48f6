package io.github.tandemsync.testkit.salesforce.internal.soql;

/**
 * A SOQL error with Salesforce's code ({@code MALFORMED_QUERY}, {@code INVALID_FIELD}, {@code
 * INVALID_TYPE}...) and a message that points at the offending position the way Salesforce does.
 */
public final class SoqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  SoqlException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The Salesforce error code. */
  public String code() {
    return code;
  }

  /** An error at a position: the query line, a caret, {@code ERROR at Row:r:Column:c} and the text. */
  static SoqlException at(String code, String query, int pos, String text) {
    int row = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(pos, query.length()); i++) {
      if (query.charAt(i) == '\n') {
        row++;
        lineStart = i + 1;
      }
    }
    int lineEnd = query.indexOf('\n', lineStart);
    String line = lineEnd < 0 ? query.substring(lineStart) : query.substring(lineStart, lineEnd);
    int column = pos - lineStart + 1;
    return new SoqlException(code, "\n" + line + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\nERROR at Row:" + row
        + ":Column:" + column + "\n" + text);
  }
}
