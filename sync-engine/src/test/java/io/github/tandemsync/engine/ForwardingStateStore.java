package io.github.tandemsync.engine;

import io.github.tandemsync.engine.state.Side;
import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.engine.state.InboxEntry;
import io.github.tandemsync.engine.state.Intent;
import io.github.tandemsync.engine.state.Lease;
import io.github.tandemsync.engine.state.LinkRecord;
import io.github.tandemsync.engine.state.QuarantineEntry;
import io.github.tandemsync.engine.state.StateChanges;
import io.github.tandemsync.engine.state.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A store that forwards every call; tests override what they intercept. */
class ForwardingStateStore implements StateStore {
  final StateStore delegate;

  ForwardingStateStore(StateStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<Lease> acquireLease(String flow, String owner, Duration ttl) {
    return delegate.acquireLease(flow, owner, ttl);
  }

  @Override
  public Optional<Lease> renewLease(Lease lease, Duration ttl) {
    return delegate.renewLease(lease, ttl);
  }

  @Override
  public void releaseLease(Lease lease) {
    delegate.releaseLease(lease);
  }

  @Override
  public void commit(Lease lease, StateChanges changes) {
    delegate.commit(lease, changes);
  }

  @Override
  public Optional<Watermark> watermark(String flow, String stream) {
    return delegate.watermark(flow, stream);
  }

  @Override
  public Optional<LinkRecord> link(String flow, Side side, String nativeId) {
    return delegate.link(flow, side, nativeId);
  }

  @Override
  public List<LinkRecord> links(String flow, Side side, String afterNativeId, int limit) {
    return delegate.links(flow, side, afterNativeId, limit);
  }

  @Override
  public List<InboxEntry> inbox(String flow, long afterSeq, int limit) {
    return delegate.inbox(flow, afterSeq, limit);
  }

  @Override
  public Optional<InboxEntry> inboxEntry(String flow, Side side, String nativeId) {
    return delegate.inboxEntry(flow, side, nativeId);
  }

  @Override
  public long inboxSize(String flow) {
    return delegate.inboxSize(flow);
  }

  @Override
  public Optional<Intent> intent(String flow, Side target, String sourceId) {
    return delegate.intent(flow, target, sourceId);
  }

  @Override
  public List<QuarantineEntry> quarantine(String flow, int offset, int limit) {
    return delegate.quarantine(flow, offset, limit);
  }

  @Override
  public Optional<QuarantineEntry> quarantined(String flow, Side sourceSide, String sourceId) {
    return delegate.quarantined(flow, sourceSide, sourceId);
  }

  @Override
  public long quarantineSize(String flow) {
    return delegate.quarantineSize(flow);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
