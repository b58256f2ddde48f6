package io.github.tandemsync.testkit.salesforce;

import io.github.tandemsync.core.InvalidRecordException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SandboxData} write was refused by the org's validation, with the Salesforce status code
 * an API call would have received (for example {@code REQUIRED_FIELD_MISSING}).
 */
public final class SandboxWriteException extends InvalidRecordException {
  private static final long serialVersionUID = 1L;

  /** The Salesforce status code. */
  private final String statusCode;
  /** The fields the error names. */
  private final List<String> fields;

  /**
   * Creates the exception.
   *
   * @param sObjectType the sObject type written
   * @param recordId the record id, when the record exists
   * @param statusCode the Salesforce status code
   * @param fields the fields Salesforce names
   * @param message Salesforce's message
   */
  public SandboxWriteException(String sObjectType, @Nullable String recordId, String statusCode, List<String> fields, String message) {
    super(sObjectType, recordId, fields.isEmpty() ? null : String.join(", ", fields), statusCode + ": " + message);
    this.statusCode = statusCode;
    this.fields = List.copyOf(fields);
  }

  /** The Salesforce status code. */
  public String statusCode() {
    return statusCode;
  }

  /** The fields the error names. */
  public List<String> fields() {
    return fields;
  }
}
