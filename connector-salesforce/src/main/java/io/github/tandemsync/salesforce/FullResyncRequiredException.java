package io.github.tandemsync.salesforce;

import io.github.tandemsync.core.spi.ChangeHistoryLostException;
import io.github.tandemsync.core.spi.Watermark;

/**
 * Salesforce no longer holds the delete history the reader needs: the watermark is older than the
 * 15-day {@code getDeleted} window, or {@code earliestDateAvailable} is later than the last
 * position (the delete log was purged). Deletes in between cannot be seen any more. Recovery is the
 * full-resync procedure of {@code docs/salesforce.md}: reset the flow's watermark to the initial
 * position and reconcile key sets (records linked on the other side that the full read no longer
 * returns were deleted). The sync engine does the reconciliation by itself (it is a
 * {@link ChangeHistoryLostException}) and resumes reading from {@link #resumeAt()}.
 */
public class FullResyncRequiredException extends ChangeHistoryLostException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the object and the missing window. */
  public FullResyncRequiredException(String message, Watermark resumeAt) {
    super(message, resumeAt);
  }
}
