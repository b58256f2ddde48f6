package io.github.tandemsync.exchequer.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-1 alpha-2 codes and their English names, from the JDK's built-in table (Exchequer v8+
 * stores only the code in {@code acCountry}; COM resolves the name from its own ISO table).
 */
public final class Countries {
  private static final Map<String, String> NAMES = new HashMap<>();
  private static final Map<String, String> CODES = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      NAMES.put(code, name);
      CODES.put(key(name), code);
    }
    // Names people type for the commonest cases.
    CODES.put(key("UK"), "GB");
    CODES.put(key("Great Britain"), "GB");
    CODES.put(key("England"), "GB");
    CODES.put(key("Scotland"), "GB");
    CODES.put(key("Wales"), "GB");
    CODES.put(key("Northern Ireland"), "GB");
    CODES.put(key("USA"), "US");
    CODES.put(key("United States of America"), "US");
    CODES.put(key("Eire"), "IE");
    CODES.put(key("Republic of Ireland"), "IE");
    CODES.put(key("Holland"), "NL");
  }

  private Countries() {}

  /** The English name of an alpha-2 code; empty for an unknown code. */
  public static Optional<String> name(String alpha2) {
    return Optional.ofNullable(NAMES.get(alpha2.toUpperCase(Locale.ROOT)));
  }

  /** Whether {@code alpha2} is an assigned ISO 3166-1 alpha-2 code. */
  public static boolean isCode(String alpha2) {
    return NAMES.containsKey(alpha2.toUpperCase(Locale.ROOT));
  }

  /** The alpha-2 code of a country name (or of a code given as the name). */
  public static Optional<String> code(String name) {
    String trimmed = name.strip();
    if (trimmed.length() == 2 && isCode(trimmed)) {
      return Optional.of(trimmed.toUpperCase(Locale.ROOT));
    }
    return Optional.ofNullable(CODES.get(key(trimmed)));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }
}
