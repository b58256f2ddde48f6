package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/** The sandbox's JSON mapper: exact decimals, no timestamps, and error bodies in Salesforce's shapes. */
public final class Json {
  /** Shared mapper; thread-safe once configured. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  /** A new object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A new array node. */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Serialises a tree. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  /**
   * Parses a request body. Malformed JSON is Salesforce's {@code JSON_PARSER_ERROR} (400).
   */
  public static JsonNode parse(String body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw SfError.request(400, "JSON_PARSER_ERROR", "The request body is empty: a JSON value is required.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw SfError.request(400, "JSON_PARSER_ERROR", "Unexpected character or malformed JSON: " + e.getOriginalMessage()
          + " at [line:" + e.getLocation().getLineNr() + ", column:" + e.getLocation().getColumnNr() + "]");
    }
  }

  /** The top-level error body: {@code [{"message","errorCode"(,"fields")}]}. */
  public static ArrayNode topLevelError(SfError error) {
    ObjectNode item = object();
    item.put("message", error.getMessage());
    item.put("errorCode", error.code());
    if (!error.fields().isEmpty() || !error.requestLevel()) {
      ArrayNode fields = item.putArray("fields");
      error.fields().forEach(fields::add);
    }
    ArrayNode array = array();
    array.add(item);
    return array;
  }

  /** A per-record error entry: {@code {"statusCode","message","fields"}}. */
  public static ObjectNode recordError(SfError error) {
    ObjectNode item = object();
    item.put("statusCode", error.code());
    item.put("message", error.getMessage());
    ArrayNode fields = item.putArray("fields");
    error.fields().forEach(fields::add);
    return item;
  }

  /** A failed per-record result: {@code {"success":false,"errors":[...]}}. */
  public static ObjectNode failedResult(List<SfError> errors) {
    ObjectNode result = object();
    result.put("success", false);
    ArrayNode array = result.putArray("errors");
    errors.forEach(e -> array.add(recordError(e)));
    return result;
  }
}
