package io.github.tandemsync.core;

/**
 * Root of the one unchecked exception hierarchy Tandem throws. Every failure is either
 * {@link RetryableException retryable} (the same call may succeed later) or
 * {@link PermanentException permanent} (it will fail again until data or configuration change).
 */
public abstract class TandemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected TandemException(String message) {
    super(message);
  }

  protected TandemException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether repeating the failed operation later can succeed without any change. */
  public abstract boolean isRetryable();
}
