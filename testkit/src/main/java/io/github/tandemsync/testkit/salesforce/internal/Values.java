package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Renders stored values and records the way the REST API and Bulk CSV show them. */
public final class Values {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Values() {}

  /** A value as JSON. */
  public static JsonNode json(FieldDef field, @Nullable Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof BigDecimal number) {
      // DecimalNode keeps the scale: Salesforce shows doubles such as 5.0.
      return new DecimalNode(Formats.jsonNumber(number, field.type));
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(Formats.restDateTime(instant));
    }
    if (value instanceof LocalDate date) {
      return NODES.textNode(date.toString());
    }
    return NODES.textNode(value.toString());
  }

  /** A value as a Bulk API CSV cell (empty for null). */
  public static String csv(FieldDef field, @Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return Formats.plainNumber(number, field.type);
    }
    if (value instanceof Instant instant) {
      return Formats.bulkDateTime(instant);
    }
    return value.toString();
  }

  /** {@code {"type":..., "url": "/services/data/vXX.X/sobjects/Type/Id"}}. */
  public static ObjectNode attributes(Row row, String version) {
    ObjectNode attributes = Json.object();
    attributes.put("type", row.type.name);
    attributes.put("url", "/services/data/v" + version + "/sobjects/" + row.type.name + "/" + row.id);
    return attributes;
  }

  /** The relative URL of a record. */
  public static String url(Row row, String version) {
    return "/services/data/v" + version + "/sobjects/" + row.type.name + "/" + row.id;
  }
}
