package io.github.tandemsync.engine.state;

import io.github.tandemsync.core.RetryableException;

/**
 * A commit carried a lease that is no longer current: another node took the flow over. Nothing of
 * the commit was applied; the run stops and the flow is retried by whichever node holds the lease.
 */
public class LeaseLostException extends RetryableException {
  private static final long serialVersionUID = 1L;

  public LeaseLostException(String message) {
    super(message);
  }
}
