package io.github.tandemsync.testkit.exchequer;

import io.github.tandemsync.core.RetryableException;

/** The emulated Toolkit could not act now: a record or file lock, a busy toolkit, a counter error. */
public final class ToolkitBusyException extends RetryableException {
  private static final long serialVersionUID = 1L;

  private final transient ToolkitResult outcome;

  ToolkitBusyException(ToolkitResult outcome) {
    super(outcome.describe());
    this.outcome = outcome;
  }

  /**
   * The Toolkit's answer.
   *
   * @return the failed result with its code
   */
  public ToolkitResult outcome() {
    return outcome;
  }
}
