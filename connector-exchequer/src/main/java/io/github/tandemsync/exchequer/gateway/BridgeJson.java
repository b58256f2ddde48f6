package io.github.tandemsync.exchequer.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON of the bridge protocol: Toolkit records as flat objects keyed by property name. */
final class BridgeJson {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private BridgeJson() {}

  static ObjectNode toJson(ToolkitRecord record, boolean withLines) {
    ObjectNode node = MAPPER.createObjectNode();
    for (Map.Entry<String, Object> property : record.properties().entrySet()) {
      put(node, property.getKey(), property.getValue());
    }
    if (withLines) {
      ArrayNode lines = node.putArray("lines");
      for (ToolkitRecord line : record.lines()) {
        lines.add(toJson(line, false));
      }
    }
    return node;
  }

  private static void put(ObjectNode node, String name, Object value) {
    if (value instanceof String text) {
      node.put(name, text);
    } else if (value instanceof BigDecimal decimal) {
      node.put(name, decimal);
    } else if (value instanceof Integer number) {
      node.put(name, number);
    } else if (value instanceof Long number) {
      node.put(name, number);
    } else if (value instanceof Boolean flag) {
      node.put(name, flag);
    } else if (value instanceof List<?> list) {
      ArrayNode array = node.putArray(name);
      list.forEach(item -> array.add(String.valueOf(item)));
    } else {
      node.put(name, String.valueOf(value));
    }
  }

  /** The record under {@code name} in an envelope, or an empty record. */
  static ToolkitRecord record(JsonNode envelope, String name) {
    JsonNode node = envelope.get(name);
    return node == null || !node.isObject() ? ToolkitRecord.empty() : fromJson(node);
  }

  static ToolkitRecord fromJson(JsonNode node) {
    ToolkitRecord.Builder builder = ToolkitRecord.builder();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (field.getKey().equals("lines") && value.isArray()) {
        for (JsonNode line : value) {
          if (line.isObject()) {
            builder.line(fromJson(line));
          }
        }
      } else if (value.isTextual()) {
        builder.set(field.getKey(), value.asText());
      } else if (value.isIntegralNumber()) {
        builder.set(field.getKey(), value.canConvertToInt() ? (Object) value.asInt() : (Object) value.asLong());
      } else if (value.isNumber()) {
        builder.set(field.getKey(), value.decimalValue());
      } else if (value.isBoolean()) {
        builder.set(field.getKey(), value.asBoolean());
      } else if (value.isArray()) {
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.isNull() ? "" : item.asText()));
        builder.set(field.getKey(), items);
      }
    }
    return builder.build();
  }

  /** A URL path segment: everything but unreserved characters percent-encoded. */
  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String queryValue(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
