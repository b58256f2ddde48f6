package io.github.tandemsync.testkit.salesforce.internal.http;

import java.nio.charset.StandardCharsets;

/**
 * What a handler answers: a response to write, or a connection reset without any response.
 */
public sealed interface HttpResponse {

  /** A complete response. */
  record Full(int status, HttpHeaders headers, byte[] body) implements HttpResponse {}

  /** Close the connection abruptly (TCP reset) without writing a status line. */
  record Reset() implements HttpResponse {}

  /** A response with a UTF-8 body and the given content type. */
  static Full of(int status, String contentType, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Content-Type", contentType);
    return new Full(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A response without a body. */
  static Full empty(int status) {
    return new Full(status, new HttpHeaders(), new byte[0]);
  }
}
