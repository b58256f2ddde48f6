package io.github.tandemsync.core;

/** A failure that may go away on its own: a lock, a timeout, a busy server, a dropped connection. */
public class RetryableException extends TandemException {
  private static final long serialVersionUID = 1L;

  public RetryableException(String message) {
    super(message);
  }

  public RetryableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final boolean isRetryable() {
    return true;
  }
}
