package io.github.tandemsync.integration.internal;

import io.github.tandemsync.engine.state.Lease;
import io.github.tandemsync.engine.state.StateStore;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease on the state store that lets one node at a time run the integration's cycle, so its
 * flows keep their order across nodes (contacts never before their accounts). Taken at the start
 * of a cycle, renewed before each flow, given up at the end — or by {@link #close()}, which also
 * stops it being taken again, while the store is still open.
 */
public final class CycleLease {
  private static final Logger LOG = LoggerFactory.getLogger(CycleLease.class);
  /** The lease's name in the store. */
  public static final String NAME = "exchequer-salesforce.cycle";
  /** Renewed before each flow; a single flow outlasting it only lets another node start the flows after it. */
  static final Duration TTL = Duration.ofMinutes(15);

  private final StateStore store;
  private final String nodeId;
  private final Object lock = new Object();
  private @Nullable Lease held;
  private boolean closed;

  public CycleLease(StateStore store, String nodeId) {
    this.store = store;
    this.nodeId = nodeId;
  }

  /** Takes the lease for a cycle; false when another node holds it or this one is closing. */
  public boolean take() {
    synchronized (lock) { // taken and recorded together: close() either sees it and gives it up, or prevents it
      if (closed) {
        return false;
      }
      Optional<Lease> lease = store.acquireLease(NAME, nodeId, TTL);
      if (lease.isEmpty()) {
        LOG.info("another node is running the Exchequer-Salesforce cycle; this node skips it");
        return false;
      }
      held = lease.get();
      return true;
    }
  }

  /**
   * Renews the lease before {@code nextFlow}; false when it was given up, passed to another node or
   * could not be renewed — the cycle stops there, so later flows never run ahead of this one.
   */
  public boolean renew(String nextFlow) {
    synchronized (lock) {
      if (held == null) {
        return false;
      }
      Optional<Lease> renewed;
      try {
        renewed = store.renewLease(held, TTL);
      } catch (RuntimeException e) {
        LOG.warn("could not renew the cycle lease before {}; this node stops its cycle there: {}", nextFlow, e.toString());
        held = null;
        return false;
      }
      if (renewed.isEmpty()) {
        LOG.warn("the cycle lease passed to another node before {}; this node stops its cycle there", nextFlow);
      }
      held = renewed.orElse(null);
      return held != null;
    }
  }

  /** Gives the lease up, if this node holds it. */
  public void release() {
    Lease lease;
    synchronized (lock) {
      lease = held;
      held = null;
    }
    if (lease != null) {
      try {
        store.releaseLease(lease);
      } catch (RuntimeException e) {
        LOG.warn("could not release the cycle lease (it lapses in {}): {}", TTL, e.toString());
      }
    }
  }

  /** Gives the lease up and never takes it again: call before the store closes. */
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    release();
  }
}
