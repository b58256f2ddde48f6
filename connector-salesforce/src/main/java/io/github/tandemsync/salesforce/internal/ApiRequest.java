package io.github.tandemsync.salesforce.internal;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One REST call.
 *
 * @param method HTTP method
 * @param path an absolute URL, or a path starting with {@code /services/} resolved against the
 *     instance URL
 * @param body the request body, or null
 * @param contentType the body's media type
 * @param headers extra headers
 * @param replayable whether sending it twice has the same effect as once (GET, PATCH by id or by
 *     external id, upserts, deletes); a non-replayable request is re-sent only when it provably
 *     never reached Salesforce
 * @param entity the entity type name it is made for, for per-entity call counts
 * @param what a short description for errors and logs (never containing secrets)
 */
record ApiRequest(
    String method,
    String path,
    @Nullable String body,
    String contentType,
    Map<String, String> headers,
    boolean replayable,
    String entity,
    String what) {

  ApiRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = Map.copyOf(headers);
  }

  static ApiRequest get(String path, String entity, String what) {
    return new ApiRequest("GET", path, null, "application/json", Map.of(), true, entity, what);
  }

  static ApiRequest json(String method, String path, String body, boolean replayable, String entity, String what) {
    return new ApiRequest(method, path, body, "application/json", Map.of(), replayable, entity, what);
  }

  ApiRequest withHeader(String name, String value) {
    var copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiRequest(method, path, body, contentType, copy, replayable, entity, what);
  }
}
