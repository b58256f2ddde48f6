package io.github.tandemsync.core.spi;

import io.github.tandemsync.core.PermanentException;
import java.util.Objects;

/**
 * Thrown by {@link ChangeReader#read} when the source no longer holds the change history the
 * watermark needs — typically its delete log was purged or the watermark is older than the
 * source's look-back window — so changes in between, deletes above all, can no longer be seen.
 *
 * <p>The engine answers with a key-set reconciliation of that side (it {@linkplain
 * ChangeReader#fetch fetches} every linked record and treats the missing ones as deleted) and then
 * continues reading from {@link #resumeAt()}.
 */
public class ChangeHistoryLostException extends PermanentException {
  private static final long serialVersionUID = 1L;

  private final Watermark resumeAt;

  /**
   * @param message what was lost, naming the entity and the window
   * @param resumeAt where reading continues once the key sets were reconciled
   */
  public ChangeHistoryLostException(String message, Watermark resumeAt) {
    super(message);
    this.resumeAt = Objects.requireNonNull(resumeAt, "resumeAt");
  }

  /** Where reading continues once the key sets were reconciled. */
  public Watermark resumeAt() {
    return resumeAt;
  }
}
