package io.github.tandemsync.exchequer.internal;

import io.github.tandemsync.core.ConfigurationException;
import io.github.tandemsync.core.spi.Watermark;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exchequer watermarks as text: {@code exq1/<kind>?key=value&...}, values URL-encoded (so raw
 * Exchequer stamps with NULs or blanks survive any state store). Only readers of the same kind
 * accept them.
 */
public final class WatermarkCodec {
  private static final String PREFIX = "exq1/";

  private WatermarkCodec() {}

  public static Watermark encode(String kind, Map<String, String> values) {
    StringBuilder text = new StringBuilder(PREFIX).append(kind);
    char separator = '?';
    for (Map.Entry<String, String> entry : values.entrySet()) {
      text.append(separator).append(entry.getKey()).append('=')
          .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return Watermark.of(text.toString());
  }

  /** The values of a watermark of {@code kind}; empty for the initial watermark. */
  public static Map<String, String> decode(String kind, Watermark watermark) {
    Map<String, String> values = new LinkedHashMap<>();
    if (watermark.isInitial()) {
      return values;
    }
    String text = watermark.value();
    String head = PREFIX + kind;
    if (!text.startsWith(head) || (text.length() > head.length() && text.charAt(head.length()) != '?')) {
      throw new ConfigurationException("watermark '" + shorten(text) + "' does not belong to the Exchequer " + kind
          + " reader (was the flow's state copied from another flow?)");
    }
    if (text.length() > head.length()) {
      for (String pair : text.substring(head.length() + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new ConfigurationException("watermark '" + shorten(text) + "' is damaged");
        }
        values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  static long number(Map<String, String> values, String key, long fallback) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ConfigurationException("watermark value " + key + "='" + value + "' is not a number");
    }
  }

  private static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
