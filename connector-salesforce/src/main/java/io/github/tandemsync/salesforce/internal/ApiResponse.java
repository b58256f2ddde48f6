package io.github.tandemsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.core.RetryableException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/**
 * A response: status, headers and body text.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body the body as text (decompressed)
 * @param what the request's description
 */
record ApiResponse(int status, HttpHeaders headers, String body, String what) {

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  JsonNode json() {
    return Json.parse(body);
  }

  Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** The top-level errors of a failed response. */
  List<ApiError> errors() {
    if (body.isBlank()) {
      return List.of(ApiError.of("HTTP_" + status, "HTTP " + status + " without a body"));
    }
    try {
      List<ApiError> errors = ApiError.listFrom(json());
      return errors.isEmpty() ? List.of(ApiError.of("HTTP_" + status, abbreviate(body))) : errors;
    } catch (RetryableException e) {
      return List.of(ApiError.of("HTTP_" + status, abbreviate(body)));
    }
  }

  /** Returns this response when it succeeded, else throws an exception describing the errors. */
  ApiResponse requireSuccess() {
    if (isSuccess()) {
      return this;
    }
    List<ApiError> errors = errors();
    String text = what + " failed with HTTP " + status + ": " + errors;
    boolean retryable = status >= 500 || errors.stream().allMatch(ApiError::isRetryable);
    throw retryable ? new RetryableException(text) : new PermanentException(text);
  }

  private static String abbreviate(String text) {
    String t = text.strip();
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }
}
