package io.github.tandemsync.testkit.salesforce.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses {@code /services/data/vXX.X/...} paths and query strings; knows which versions exist (reference §1). */
final class ApiPaths {
  /** The oldest version the org still serves (21.0–30.0 are retired and answer 410). */
  public static final int OLDEST_SUPPORTED = 31;
  /** The latest GA version (Summer '26). */
  public static final int LATEST = 67;
  private static final Pattern VERSIONED = Pattern.compile("/services/data/v(\\d+)\\.(\\d+)(/.*)?");

  private ApiPaths() {}

  /**
   * A versioned path.
   *
   * @param major the major version (65 for v65.0)
   * @param minor the minor version digit
   * @param segments decoded path segments after the version (no empty segments)
   */
  public record Versioned(int major, int minor, List<String> segments) {
    /** The version as Salesforce writes it: {@code 65.0}. */
    public String version() {
      return major + "." + minor;
    }
  }

  /** Parses a raw (percent-encoded) path; empty when it is not under /services/data/vXX.X. */
  public static Optional<Versioned> parse(String rawPath) {
    Matcher matcher = VERSIONED.matcher(rawPath);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>();
    String rest = matcher.group(3);
    if (rest != null) {
      for (String segment : rest.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(decodePath(segment));
        }
      }
    }
    return Optional.of(new Versioned(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), segments));
  }

  /** Whether the version is served: 31.0 up to the latest GA, minor 0. */
  public static boolean supported(Versioned path) {
    return path.minor() == 0 && path.major() >= OLDEST_SUPPORTED && path.major() <= LATEST;
  }

  /** Whether the version was retired (21.0–30.0: 410 Gone). */
  public static boolean retired(Versioned path) {
    return path.minor() == 0 && path.major() >= 21 && path.major() <= 30;
  }

  /** Whether the version is deprecated (31.0–40.0, retired in Summer '28): responses carry a Warning. */
  public static boolean deprecated(Versioned path) {
    return path.major() >= 31 && path.major() <= 40;
  }

  /** The release name of a version: v62.0 is Winter '25, v63.0 Spring '25, v64.0 Summer '25, ... */
  public static String label(int major) {
    int offset = major - 62;
    int season = Math.floorMod(offset, 3);
    int year = 25 + Math.floorDiv(offset, 3);
    String name = season == 0 ? "Winter" : season == 1 ? "Spring" : "Summer";
    return name + " '" + String.format(java.util.Locale.ROOT, "%02d", Math.floorMod(year, 100));
  }

  private static String decodePath(String segment) {
    // Path segments: '+' is a literal plus, only %XX is decoded.
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Decodes a query string (form encoding: '+' is a space, as Salesforce treats an unencoded '+'). */
  public static Map<String, String> query(@Nullable String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(key, value);
    }
    return params;
  }
}
