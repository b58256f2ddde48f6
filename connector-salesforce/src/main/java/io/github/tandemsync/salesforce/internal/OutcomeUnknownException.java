package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.core.PermanentException;

/**
 * The response to a request that is not safe to repeat (a plain create) was lost after it was
 * sent: Salesforce may or may not have applied it. The request is not replayed; the records must be
 * looked up by key before anything is written again.
 */
public final class OutcomeUnknownException extends PermanentException {
  private static final long serialVersionUID = 1L;

  OutcomeUnknownException(String message) {
    super(message);
  }
}
