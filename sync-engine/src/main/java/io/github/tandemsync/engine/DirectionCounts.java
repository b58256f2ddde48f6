package io.github.tandemsync.engine;

/**
 * What one direction of a flow run did.
 *
 * @param read changes read from the source
 * @param created records created on the target
 * @param updated records updated on the target
 * @param deleted records deleted (or marked inactive) on the target
 * @param unchanged writes the target reported as no-ops
 * @param skipped changes needing no write: echoes of our own writes, no mapped field changed,
 *     direction switched off, not eligible for creation
 * @param conflicts conflicting fields settled
 * @param failed records parked in quarantine
 * @param deferred records kept to retry in a later run after transient failures
 */
public record DirectionCounts(
    long read, long created, long updated, long deleted, long unchanged, long skipped, long conflicts, long failed, long deferred) {

  public static final DirectionCounts ZERO = new DirectionCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Creates, updates and deletes: the writes this direction cost. */
  public long writes() {
    return created + updated + deleted;
  }

  public DirectionCounts plus(DirectionCounts o) {
    return new DirectionCounts(read + o.read, created + o.created, updated + o.updated, deleted + o.deleted,
        unchanged + o.unchanged, skipped + o.skipped, conflicts + o.conflicts, failed + o.failed, deferred + o.deferred);
  }
}
