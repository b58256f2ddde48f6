package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.ConfigurationException;
import java.util.regex.Pattern;

/** Identifier quoting for SQL Server and H2's MSSQLServer mode. */
public final class Sql {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_$#@ ]{1,128}");

  private Sql() {}

  /**
   * {@code [name]}. Identifiers come from the catalog or from validated configuration; anything
   * else is refused, so no value is ever spliced into SQL text.
   */
  public static String quote(String identifier) {
    if (!IDENTIFIER.matcher(identifier).matches()) {
      throw new ConfigurationException("'" + identifier + "' is not a valid SQL identifier");
    }
    return "[" + identifier + "]";
  }
}
