package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.core.spi.SyncError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One Salesforce error in either of its shapes: top-level ({@code errorCode}) or per record
 * ({@code statusCode}), with the fields it names.
 *
 * @param code the error or status code, e.g. {@code REQUIRED_FIELD_MISSING}
 * @param message Salesforce's message
 * @param fields the native fields it names
 */
public record ApiError(String code, String message, List<String> fields) {

  public ApiError {
    fields = List.copyOf(fields);
  }

  static ApiError of(String code, String message) {
    return new ApiError(code, message, List.of());
  }

  /** Reads a single error object of either shape. */
  static ApiError fromNode(JsonNode node) {
    String code = Json.text(node, "errorCode").or(() -> Json.text(node, "statusCode"))
        .or(() -> Json.text(node, "error")).orElse("UNKNOWN_ERROR");
    String message = Json.text(node, "message").or(() -> Json.text(node, "error_description")).orElse(code);
    List<String> fields = new ArrayList<>();
    JsonNode f = node.get("fields");
    if (f != null && f.isArray()) {
      f.forEach(n -> fields.add(n.asText()));
    }
    return new ApiError(code, message, fields);
  }

  /** Reads a top-level error body: usually an array, occasionally a single object. */
  static List<ApiError> listFrom(JsonNode body) {
    List<ApiError> errors = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(n -> {
        if (n.isObject()) {
          errors.add(fromNode(n));
        }
      });
    } else if (body.isObject()) {
      JsonNode nested = body.get("errors");
      if (nested != null && nested.isArray() && nested.size() > 0) {
        nested.forEach(n -> errors.add(fromNode(n)));
      } else {
        errors.add(fromNode(body));
      }
    }
    return errors;
  }

  /**
   * Whether the same write may succeed later unchanged: row locks, roll-backs caused by another
   * record, halted graphs; a trigger failure only when it was itself a lock.
   */
  public boolean isRetryable() {
    return switch (code) {
      case "UNABLE_TO_LOCK_ROW", "ALL_OR_NONE_OPERATION_ROLLED_BACK", "PROCESSING_HALTED", "SERVER_UNAVAILABLE",
          "QUERY_TIMEOUT" -> true;
      case "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY" -> message.contains("UNABLE_TO_LOCK_ROW");
      default -> false;
    };
  }

  /**
   * As a {@link SyncError}, naming the first field Salesforce named, translated by
   * {@code canonicalField} to the canonical field when the mapping knows it.
   */
  public SyncError toSyncError(Function<String, Optional<String>> canonicalField) {
    SyncError error = new SyncError(code, message, Optional.empty(), isRetryable());
    if (!fields.isEmpty()) {
      String nativeField = fields.get(0);
      error = error.withField(canonicalField.apply(nativeField).orElse(nativeField));
    }
    return error;
  }

  @Override
  public String toString() {
    return code + (fields.isEmpty() ? "" : " " + fields) + ": " + message;
  }
}
