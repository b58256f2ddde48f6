package io.github.tandemsync.salesforce.internal;

import io.github.tandemsync.core.InvalidRecordException;

/** A record in a currency the org cannot hold its amounts in (inactive, or not the currency of a single-currency org). */
final class UnsupportedCurrencyException extends InvalidRecordException {
  private static final long serialVersionUID = 1L;

  /** The error code outcomes carry. */
  static final String CODE = "UNSUPPORTED_CURRENCY";

  UnsupportedCurrencyException(String entity, String field, String problem) {
    super(entity, null, field, problem);
  }
}
