package io.github.tandemsync.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Canonical text of JSON values: numbers by magnitude, object keys sorted. */
final class Normalise {
  private Normalise() {}

  static String text(JsonNode node) {
    StringBuilder out = new StringBuilder();
    append(node, out);
    return out.toString();
  }

  private static void append(JsonNode node, StringBuilder out) {
    if (node.isNumber()) {
      BigDecimal d = node.decimalValue();
      out.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    } else if (node.isTextual()) {
      out.append('"').append(node.textValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else if (node.isArray()) {
      out.append('[');
      boolean first = true;
      for (JsonNode item : node) {
        if (!first) {
          out.append(',');
        }
        first = false;
        append(item, out);
      }
      out.append(']');
    } else if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      it.forEachRemaining(entries::add);
      entries.sort(Map.Entry.comparingByKey());
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : entries) {
        if (e.getValue().isNull()) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append('"').append(e.getKey()).append("\":");
        append(e.getValue(), out);
      }
      out.append('}');
    } else if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else {
      out.append(node.asText());
    }
  }
}
