package io.github.tandemsync.exchequer.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** One answer of the Toolkit bridge: HTTP status and the protocol's JSON envelope. */
final class BridgeResponse {
  private final int status;
  private final ObjectNode body;

  private BridgeResponse(int status, ObjectNode body) {
    this.status = status;
    this.body = body;
  }

  static BridgeResponse of(int status, String text) {
    ObjectNode body;
    try {
      JsonNode parsed = text.isBlank() ? null : BridgeJson.MAPPER.readTree(text);
      body = parsed instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    } catch (IOException notJson) {
      // A proxy or a crashed bridge may answer HTML; the status alone then decides.
      body = JsonNodeFactory.instance.objectNode();
    }
    return new BridgeResponse(status, body);
  }

  int status() {
    return status;
  }

  ObjectNode body() {
    return body;
  }

  /** The envelope's result code, or the code the HTTP status implies when the body has none. */
  int resultCode() {
    JsonNode result = body.get("result");
    if (result != null && result.canConvertToInt()) {
      return result.asInt();
    }
    return switch (status) {
      case 200, 201 -> 0;
      case 404 -> GatewayResult.NOT_FOUND;
      case 409 -> GatewayResult.DUPLICATE_KEY;
      case 423 -> 84;
      case 503 -> 32762;
      case 400 -> GatewayResult.MALFORMED;
      default -> -status;
    };
  }

  String message() {
    return body.path("message").asText("").strip();
  }

  Optional<String> field() {
    String field = body.path("field").asText("").strip();
    return field.isEmpty() ? Optional.empty() : Optional.of(field);
  }

  Optional<Integer> line() {
    JsonNode line = body.get("line");
    return line != null && line.canConvertToInt() && line.asInt() > 0 ? Optional.of(line.asInt()) : Optional.empty();
  }

  boolean isSuccess() {
    return (status == 200 || status == 201) && resultCode() == 0;
  }

  /** Locked (423), busy (503), or a server error whose result code says it passes. */
  boolean isTransient() {
    return status == 423 || status == 503 || status == 429
        || (status >= 500 && GatewayResult.isRetryableCode(resultCode()));
  }
}
