package io.github.tandemsync.engine.internal;

import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.engine.state.Side;
import io.github.tandemsync.engine.state.InboxEntry;
import io.github.tandemsync.engine.state.Intent;
import io.github.tandemsync.engine.state.Lease;
import io.github.tandemsync.engine.state.LeaseLostException;
import io.github.tandemsync.engine.state.LinkRecord;
import io.github.tandemsync.engine.state.QuarantineEntry;
import io.github.tandemsync.engine.state.StagedChange;
import io.github.tandemsync.engine.state.StateChanges;
import io.github.tandemsync.engine.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** A state store in memory: for tests and dry runs. Everything is lost when the JVM stops. */
public final class InMemoryStateStore implements StateStore {

  private final Clock clock;
  private final Object lock = new Object();
  private final Map<String, FlowState> flows = new HashMap<>();
  private final Map<String, Lease> leases = new HashMap<>();
  private long nextSeq = 1;

  public InMemoryStateStore(Clock clock) {
    this.clock = clock;
  }

  private static final class FlowState {
    final Map<String, Watermark> watermarks = new HashMap<>();
    final NavigableMap<String, LinkRecord> linksByLeft = new TreeMap<>();
    final NavigableMap<String, String> leftByRight = new TreeMap<>();
    final NavigableMap<Long, InboxEntry> inbox = new TreeMap<>();
    final Map<String, Long> inboxSeqByKey = new HashMap<>();
    final Map<String, Intent> intents = new HashMap<>();
    final LinkedHashMap<String, QuarantineEntry> quarantine = new LinkedHashMap<>();
  }

  private FlowState flow(String name) {
    return flows.computeIfAbsent(name, n -> new FlowState());
  }

  private static String key(Side side, String id) {
    return side.name() + ":" + id;
  }

  @Override
  public Optional<Lease> acquireLease(String flow, String owner, Duration ttl) {
    synchronized (lock) {
      Instant now = clock.instant();
      Lease current = leases.get(flow);
      Lease next;
      if (current == null) {
        next = new Lease(flow, owner, 1, now.plus(ttl));
      } else if (current.owner().equals(owner) && current.expiresAt().isAfter(now)) {
        next = new Lease(flow, owner, current.token(), now.plus(ttl)); // still held: an extension
      } else if (!current.expiresAt().isAfter(now)) {
        next = new Lease(flow, owner, current.token() + 1, now.plus(ttl));
      } else {
        return Optional.empty();
      }
      leases.put(flow, next);
      return Optional.of(next);
    }
  }

  @Override
  public Optional<Lease> renewLease(Lease lease, Duration ttl) {
    synchronized (lock) {
      Lease current = leases.get(lease.flow());
      if (current == null || current.token() != lease.token() || !current.owner().equals(lease.owner())) {
        return Optional.empty();
      }
      Lease next = new Lease(lease.flow(), lease.owner(), lease.token(), clock.instant().plus(ttl));
      leases.put(lease.flow(), next);
      return Optional.of(next);
    }
  }

  @Override
  public void releaseLease(Lease lease) {
    synchronized (lock) {
      Lease current = leases.get(lease.flow());
      if (current != null && current.token() == lease.token() && current.owner().equals(lease.owner())) {
        // keep the token so the next holder's token is higher
        leases.put(lease.flow(), new Lease(lease.flow(), lease.owner(), lease.token(), Instant.EPOCH));
      }
    }
  }

  @Override
  public void commit(Lease lease, StateChanges changes) {
    synchronized (lock) {
      Lease current = leases.get(changes.flow());
      if (!changes.flow().equals(lease.flow()) || current == null || current.token() != lease.token()
          || !current.owner().equals(lease.owner())) {
        throw new LeaseLostException("lease of flow '" + changes.flow() + "' (token " + lease.token()
            + ", owner " + lease.owner() + ") is no longer current; commit rejected");
      }
      for (StateChanges.Operation op : changes.operations()) {
        check(changes.flow(), op); // all or nothing: refuse before applying anything
      }
      FlowState state = flow(changes.flow());
      Instant now = clock.instant();
      for (StateChanges.Operation op : changes.operations()) {
        apply(changes.flow(), state, op, now);
      }
    }
  }

  private static void check(String flow, StateChanges.Operation op) {
    String owner = op instanceof StateChanges.PutLink p ? p.link().flow()
        : op instanceof StateChanges.PutIntent i ? i.intent().flow()
        : op instanceof StateChanges.Quarantine q ? q.entry().flow() : flow;
    if (!owner.equals(flow)) {
      throw new IllegalArgumentException("an operation of flow '" + owner + "' in a commit of flow '" + flow + "'");
    }
  }

  private void apply(String flowName, FlowState state, StateChanges.Operation op, Instant now) {
    if (op instanceof StateChanges.PutWatermark w) {
      state.watermarks.put(w.stream(), w.watermark());
    } else if (op instanceof StateChanges.Stage s) {
      StagedChange change = s.change();
      String k = key(change.side(), change.nativeId());
      Long old = state.inboxSeqByKey.remove(k);
      if (old != null) {
        state.inbox.remove(old);
      }
      long seq = nextSeq++;
      state.inbox.put(seq, new InboxEntry(flowName, seq, change, 0, Optional.empty(), now));
      state.inboxSeqByKey.put(k, seq);
    } else if (op instanceof StateChanges.Unstage u) {
      String k = key(u.side(), u.nativeId());
      Long seq = state.inboxSeqByKey.get(k);
      if (seq != null && (u.seq() < 0 || seq == u.seq())) {
        state.inboxSeqByKey.remove(k);
        state.inbox.remove(seq);
      }
    } else if (op instanceof StateChanges.Defer d) {
      Long seq = state.inboxSeqByKey.get(key(d.side(), d.nativeId()));
      if (seq != null && (d.seq() < 0 || seq == d.seq())) {
        InboxEntry e = state.inbox.get(seq);
        state.inbox.put(seq, new InboxEntry(flowName, seq, e.change(), e.attempts() + 1, Optional.of(d.error()), e.stagedAt()));
      }
    } else if (op instanceof StateChanges.PutLink p) {
      LinkRecord link = p.link();
      removeLink(state, Side.LEFT, link.left().nativeId());
      removeLink(state, Side.RIGHT, link.right().nativeId());
      state.linksByLeft.put(link.left().nativeId(), link);
      state.leftByRight.put(link.right().nativeId(), link.left().nativeId());
    } else if (op instanceof StateChanges.RemoveLink r) {
      removeLink(state, r.side(), r.nativeId());
    } else if (op instanceof StateChanges.PutIntent i) {
      state.intents.put(key(i.intent().target(), i.intent().sourceId()), i.intent());
    } else if (op instanceof StateChanges.RemoveIntent r) {
      state.intents.remove(key(r.target(), r.sourceId()));
    } else if (op instanceof StateChanges.Quarantine q) {
      String k = key(q.entry().sourceSide(), q.entry().sourceId());
      state.quarantine.remove(k);
      state.quarantine.put(k, q.entry());
    } else if (op instanceof StateChanges.Release r) {
      state.quarantine.remove(key(r.sourceSide(), r.sourceId()));
    } else {
      throw new IllegalStateException("unknown operation " + op);
    }
  }

  private static void removeLink(FlowState state, Side side, String nativeId) {
    String leftId = side == Side.LEFT ? nativeId : state.leftByRight.get(nativeId);
    if (leftId == null) {
      return;
    }
    LinkRecord old = state.linksByLeft.remove(leftId);
    if (old != null) {
      state.leftByRight.remove(old.right().nativeId());
    }
  }

  @Override
  public Optional<Watermark> watermark(String flow, String stream) {
    synchronized (lock) {
      return Optional.ofNullable(flow(flow).watermarks.get(stream));
    }
  }

  @Override
  public Optional<LinkRecord> link(String flow, Side side, String nativeId) {
    synchronized (lock) {
      FlowState state = flow(flow);
      String leftId = side == Side.LEFT ? nativeId : state.leftByRight.get(nativeId);
      return leftId == null ? Optional.empty() : Optional.ofNullable(state.linksByLeft.get(leftId));
    }
  }

  @Override
  public List<LinkRecord> links(String flow, Side side, String afterNativeId, int limit) {
    synchronized (lock) {
      FlowState state = flow(flow);
      List<LinkRecord> out = new ArrayList<>();
      if (side == Side.LEFT) {
        for (LinkRecord link : state.linksByLeft.tailMap(afterNativeId, false).values()) {
          if (out.size() >= limit) {
            break;
          }
          out.add(link);
        }
      } else {
        for (String leftId : state.leftByRight.tailMap(afterNativeId, false).values()) {
          if (out.size() >= limit) {
            break;
          }
          out.add(state.linksByLeft.get(leftId));
        }
      }
      return out;
    }
  }

  @Override
  public List<InboxEntry> inbox(String flow, long afterSeq, int limit) {
    synchronized (lock) {
      List<InboxEntry> out = new ArrayList<>();
      for (InboxEntry e : flow(flow).inbox.tailMap(afterSeq, false).values()) {
        if (out.size() >= limit) {
          break;
        }
        out.add(e);
      }
      return out;
    }
  }

  @Override
  public Optional<InboxEntry> inboxEntry(String flow, Side side, String nativeId) {
    synchronized (lock) {
      FlowState state = flow(flow);
      Long seq = state.inboxSeqByKey.get(key(side, nativeId));
      return seq == null ? Optional.empty() : Optional.ofNullable(state.inbox.get(seq));
    }
  }

  @Override
  public long inboxSize(String flow) {
    synchronized (lock) {
      return flow(flow).inbox.size();
    }
  }

  @Override
  public Optional<Intent> intent(String flow, Side target, String sourceId) {
    synchronized (lock) {
      return Optional.ofNullable(flow(flow).intents.get(key(target, sourceId)));
    }
  }

  @Override
  public List<QuarantineEntry> quarantine(String flow, int offset, int limit) {
    synchronized (lock) {
      return flow(flow).quarantine.values().stream().skip(offset).limit(limit).toList();
    }
  }

  @Override
  public Optional<QuarantineEntry> quarantined(String flow, Side sourceSide, String sourceId) {
    synchronized (lock) {
      return Optional.ofNullable(flow(flow).quarantine.get(key(sourceSide, sourceId)));
    }
  }

  @Override
  public long quarantineSize(String flow) {
    synchronized (lock) {
      return flow(flow).quarantine.size();
    }
  }

  @Override
  public void close() {
    // nothing to release
  }
}
