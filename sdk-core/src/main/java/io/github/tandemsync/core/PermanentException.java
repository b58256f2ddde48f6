package io.github.tandemsync.core;

/** A failure that repeats until data or configuration change: validation, permissions, bad mapping. */
public class PermanentException extends TandemException {
  private static final long serialVersionUID = 1L;

  public PermanentException(String message) {
    super(message);
  }

  public PermanentException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public final boolean isRetryable() {
    return false;
  }
}
