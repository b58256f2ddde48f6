package io.github.tandemsync.testkit.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a REST handler answers, before HTTP encoding (composite subrequests embed it).
 *
 * @param status the HTTP status
 * @param json a JSON body, or null
 * @param text a non-JSON body (CSV), or null
 * @param contentType the content type of a text body
 * @param headers extra response headers
 */
record ApiResponse(int status, @Nullable JsonNode json, @Nullable String text, String contentType, Map<String, String> headers) {

  /** A JSON response. */
  public static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, body, null, "application/json;charset=UTF-8", new LinkedHashMap<>());
  }

  /** A response without a body. */
  public static ApiResponse empty(int status) {
    return new ApiResponse(status, null, null, "application/json;charset=UTF-8", new LinkedHashMap<>());
  }

  /** A CSV response. */
  public static ApiResponse csv(int status, String body) {
    return new ApiResponse(status, null, body, "text/csv", new LinkedHashMap<>());
  }

  /** The top-level error shape with the error's status. */
  public static ApiResponse error(SfError error) {
    return json(error.httpStatus(), Json.topLevelError(error));
  }

  /** Adds a header. */
  public ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
