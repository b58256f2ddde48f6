package io.github.tandemsync.engine.state;

import io.github.tandemsync.core.spi.Watermark;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Durable state of the engine. Implementations are thread-safe; reads see every committed change.
 *
 * <p>Contract: {@link #commit} applies all operations or none, and only while the given lease is
 * the flow's current lease (same owner and fencing token) — otherwise it throws
 * {@link LeaseLostException} and changes nothing. Time for lease expiry comes from the store's own
 * clock (the database's, for shared stores), never from the callers' clocks.
 */
public interface StateStore extends AutoCloseable {

  // ---- leases ----

  /**
   * Takes the lease of {@code flow} for {@code owner} when it is free, expired or released, or
   * still held by {@code owner} (then it is extended and keeps its token). Taking a lease that is
   * not currently held — even back by its last owner — increments the token, so leases handed out
   * earlier can no longer commit.
   */
  Optional<Lease> acquireLease(String flow, String owner, Duration ttl);

  /** Extends a lease still held with the same token; empty when it was lost. */
  Optional<Lease> renewLease(Lease lease, Duration ttl);

  /** Gives a lease up if it is still held with the same token. */
  void releaseLease(Lease lease);

  /** Applies {@code changes} atomically, fenced by {@code lease}. */
  void commit(Lease lease, StateChanges changes);

  // ---- reads ----

  Optional<Watermark> watermark(String flow, String stream);

  /** The link a native id of {@code side} takes part in. */
  Optional<LinkRecord> link(String flow, Side side, String nativeId);

  /** Links ordered by {@code side}'s native id, after {@code afterNativeId} ("" for the start). */
  List<LinkRecord> links(String flow, Side side, String afterNativeId, int limit);

  /** Inbox entries with {@code seq > afterSeq}, in seq order. */
  List<InboxEntry> inbox(String flow, long afterSeq, int limit);

  Optional<InboxEntry> inboxEntry(String flow, Side side, String nativeId);

  long inboxSize(String flow);

  Optional<Intent> intent(String flow, Side target, String sourceId);

  /** Quarantined records of a flow, oldest first. */
  List<QuarantineEntry> quarantine(String flow, int offset, int limit);

  Optional<QuarantineEntry> quarantined(String flow, Side sourceSide, String sourceId);

  long quarantineSize(String flow);

  /** Releases connections and files. */
  @Override
  void close();
}
