package io.github.tandemsync.core;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A metered API budget (for example Salesforce's daily request allocation, less the reserve kept
 * for other integrations) does not allow further calls now. The sync stops cleanly and resumes
 * from its watermarks once the budget allows.
 */
public class BudgetExhaustedException extends RetryableException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Instant retryAfter;

  public BudgetExhaustedException(String message, @Nullable Instant retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** When the budget is expected to allow calls again, if the source can tell. */
  public Optional<Instant> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
