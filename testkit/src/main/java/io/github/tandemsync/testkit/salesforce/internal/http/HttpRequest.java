package io.github.tandemsync.testkit.salesforce.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One parsed HTTP request.
 *
 * @param method the request method, upper case
 * @param rawPath the path as sent (still percent-encoded)
 * @param rawQuery the query string as sent, if any
 * @param headers the request headers
 * @param body the request body (decoded from chunked transfer encoding)
 */
public record HttpRequest(String method, String rawPath, @Nullable String rawQuery, HttpHeaders headers, byte[] body) {

  /** The first value of a header. */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
