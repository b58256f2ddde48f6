package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.PermanentException;

/**
 * Salesforce refused the credentials: the token endpoint answered with an OAuth error, or an API
 * call was refused with {@code INVALID_SESSION_ID} again right after re-authenticating. The message
 * carries the OAuth error code and description, never a token, key or secret.
 */
public class AuthenticationException extends PermanentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message free of secrets. */
  public AuthenticationException(String message) {
    super(message);
  }
}
