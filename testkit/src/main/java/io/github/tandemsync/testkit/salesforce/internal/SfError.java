package io.github.tandemsync.testkit.salesforce.internal;

import java.util.List;

/**
 * A Salesforce error: {@code statusCode}/{@code errorCode}, message, fields and the HTTP status it
 * gets when it fails a whole request. Thrown inside the sandbox and rendered in the shape the
 * surface calls for (reference §12.1).
 */
final class SfError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final List<String> fields;
  private final int httpStatus;
  /** Fails the whole call even inside a collection (e.g. a JSON type error). */
  private final boolean requestLevel;

  public SfError(int httpStatus, String code, String message, List<String> fields, boolean requestLevel) {
    super(message, null, false, false);
    this.code = code;
    this.fields = List.copyOf(fields);
    this.httpStatus = httpStatus;
    this.requestLevel = requestLevel;
  }

  /** A record-level error (400 when it fails a single-record call). */
  public static SfError record(String code, String message, String... fields) {
    return new SfError(400, code, message, List.of(fields), false);
  }

  /** A record-level error with a field list. */
  public static SfError record(String code, String message, List<String> fields) {
    return new SfError(400, code, message, fields, false);
  }

  /** An error that fails the whole request. */
  public static SfError request(int httpStatus, String code, String message) {
    return new SfError(httpStatus, code, message, List.of(), true);
  }

  /** The Salesforce error code. */
  public String code() {
    return code;
  }

  /** Fields the error names. */
  public List<String> fields() {
    return fields;
  }

  /** HTTP status when it fails a request. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether it fails the whole call even in a collection. */
  public boolean requestLevel() {
    return requestLevel;
  }

  /** The same error with a different HTTP status. */
  public SfError withStatus(int status) {
    return new SfError(status, code, getMessage(), fields, requestLevel);
  }
}
