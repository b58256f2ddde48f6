package io.github.tandemsync.engine;

/**
 * Hears what the engine does: progress (for progress bars and metrics), conflicts, failed records
 * and finished runs. Registered on {@link SyncEngine.Builder#listener}. Methods are called on the
 * thread running the flow and must return quickly; an exception thrown here is logged and ignored.
 *
 * <p>Example — e-mail the backup recipients when a record fails:
 * <pre>{@code
 * SyncListener mailer = new SyncListener() {
 *   public void recordFailed(FailedRecord failure) {
 *     if (failure.quarantined()) {
 *       mail.send(backupRecipients, "Tandem could not sync " + failure.sourceId(), failure.describe());
 *     }
 *   }
 * };
 * }</pre>
 */
public interface SyncListener {

  /** A flow run began. */
  default void runStarted(String flow) {}

  /** Work advanced: a page was captured or a batch written. */
  default void progress(Progress progress) {}

  /** A field changed on both sides (or a non-owner's edit was overridden) and was settled. */
  default void conflict(Conflict conflict) {}

  /** A record could not be synced: parked in quarantine, or kept to retry in a later run. */
  default void recordFailed(FailedRecord failure) {}

  /** A flow run ended, with its totals. */
  default void runFinished(RunReport report) {}
}
