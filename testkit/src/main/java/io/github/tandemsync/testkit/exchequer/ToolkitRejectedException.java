package io.github.tandemsync.testkit.exchequer;

import io.github.tandemsync.core.PermanentException;

/** The emulated Toolkit refused a call for a reason that repeats: validation, not found, duplicate. */
public final class ToolkitRejectedException extends PermanentException {
  private static final long serialVersionUID = 1L;

  private final transient ToolkitResult outcome;

  ToolkitRejectedException(ToolkitResult outcome) {
    super(outcome.describe());
    this.outcome = outcome;
  }

  /**
   * The Toolkit's answer.
   *
   * @return the failed result with its code, property and line
   */
  public ToolkitResult outcome() {
    return outcome;
  }
}
