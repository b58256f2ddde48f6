package io.github.tandemsync.engine.internal;

import io.github.tandemsync.core.spi.Watermark;
import io.github.tandemsync.engine.state.Side;
import io.github.tandemsync.engine.state.InboxEntry;
import io.github.tandemsync.engine.state.Intent;
import io.github.tandemsync.engine.state.Lease;
import io.github.tandemsync.engine.state.LinkRecord;
import io.github.tandemsync.engine.state.QuarantineEntry;
import io.github.tandemsync.engine.state.StateChanges;
import io.github.tandemsync.engine.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A copy-on-write view of a store for dry runs: reads see the real store, commits go to memory
 * only and are thrown away with the view. Never writes to the real store.
 */
final class OverlayStateStore implements StateStore {
  private static final long OVERLAY_SEQ_START = Long.MAX_VALUE / 2;

  private final StateStore base;
  private final Clock clock;
  private final Object lock = new Object();
  private final Map<String, Watermark> watermarks = new HashMap<>();
  private final TreeMap<String, LinkRecord> linksByLeft = new TreeMap<>();
  private final TreeMap<String, String> leftByRight = new TreeMap<>();
  private final Set<String> hiddenBaseLinks = new HashSet<>();
  private final Map<String, InboxEntry> inbox = new HashMap<>();
  private final Set<String> hiddenBaseInbox = new HashSet<>();
  private long hiddenBaseInboxCount;
  private final Map<String, Intent> intents = new HashMap<>();
  private final Set<String> hiddenIntents = new HashSet<>();
  private final LinkedHashMap<String, QuarantineEntry> quarantine = new LinkedHashMap<>();
  private final Set<String> hiddenQuarantine = new HashSet<>();
  private long nextSeq = OVERLAY_SEQ_START;

  OverlayStateStore(StateStore base, Clock clock) {
    this.base = base;
    this.clock = clock;
  }

  private static String key(Side side, String id) {
    return side.name() + ":" + id;
  }

  @Override
  public Optional<Lease> acquireLease(String flow, String owner, Duration ttl) {
    return Optional.of(new Lease(flow, owner, 0, clock.instant().plus(ttl)));
  }

  @Override
  public Optional<Lease> renewLease(Lease lease, Duration ttl) {
    return Optional.of(new Lease(lease.flow(), lease.owner(), lease.token(), clock.instant().plus(ttl)));
  }

  @Override
  public void releaseLease(Lease lease) {
    // the overlay's lease is private to the dry run
  }

  @Override
  public void commit(Lease lease, StateChanges changes) {
    synchronized (lock) {
      String flow = changes.flow();
      for (StateChanges.Operation op : changes.operations()) {
        if (op instanceof StateChanges.PutWatermark w) {
          watermarks.put(w.stream(), w.watermark());
        } else if (op instanceof StateChanges.Stage s) {
          String k = key(s.change().side(), s.change().nativeId());
          hideBaseInbox(flow, s.change().side(), s.change().nativeId());
          inbox.put(k, new InboxEntry(flow, nextSeq++, s.change(), 0, Optional.empty(), clock.instant()));
        } else if (op instanceof StateChanges.Unstage u) {
          Optional<InboxEntry> current = inboxEntry(flow, u.side(), u.nativeId());
          if (current.isPresent() && (u.seq() < 0 || current.get().seq() == u.seq())) {
            inbox.remove(key(u.side(), u.nativeId()));
            hideBaseInbox(flow, u.side(), u.nativeId());
          }
        } else if (op instanceof StateChanges.Defer d) {
          Optional<InboxEntry> current = inboxEntry(flow, d.side(), d.nativeId());
          if (current.isPresent() && (d.seq() < 0 || current.get().seq() == d.seq())) {
            InboxEntry e = current.get();
            hideBaseInbox(flow, d.side(), d.nativeId());
            inbox.put(key(d.side(), d.nativeId()), new InboxEntry(flow, e.seq(), e.change(), e.attempts() + 1, Optional.of(d.error()), e.stagedAt()));
          }
        } else if (op instanceof StateChanges.PutLink p) {
          removeLink(flow, Side.LEFT, p.link().left().nativeId());
          removeLink(flow, Side.RIGHT, p.link().right().nativeId());
          linksByLeft.put(p.link().left().nativeId(), p.link());
          leftByRight.put(p.link().right().nativeId(), p.link().left().nativeId());
        } else if (op instanceof StateChanges.RemoveLink r) {
          removeLink(flow, r.side(), r.nativeId());
        } else if (op instanceof StateChanges.PutIntent i) {
          String k = key(i.intent().target(), i.intent().sourceId());
          intents.put(k, i.intent());
          hiddenIntents.remove(k);
        } else if (op instanceof StateChanges.RemoveIntent r) {
          String k = key(r.target(), r.sourceId());
          intents.remove(k);
          hiddenIntents.add(k);
        } else if (op instanceof StateChanges.Quarantine q) {
          String k = key(q.entry().sourceSide(), q.entry().sourceId());
          quarantine.remove(k);
          quarantine.put(k, q.entry());
          hiddenQuarantine.add(k);
        } else if (op instanceof StateChanges.Release r) {
          String k = key(r.sourceSide(), r.sourceId());
          quarantine.remove(k);
          hiddenQuarantine.add(k);
        }
      }
    }
  }

  private void hideBaseInbox(String flow, Side side, String id) {
    String k = key(side, id);
    if (!hiddenBaseInbox.contains(k) && base.inboxEntry(flow, side, id).isPresent()) {
      hiddenBaseInbox.add(k);
      hiddenBaseInboxCount++;
    }
  }

  private void removeLink(String flow, Side side, String id) {
    Optional<LinkRecord> current = link(flow, side, id);
    if (current.isEmpty()) {
      return;
    }
    String leftId = current.get().left().nativeId();
    LinkRecord mine = linksByLeft.remove(leftId);
    if (mine != null) {
      leftByRight.remove(mine.right().nativeId());
    }
    base.link(flow, Side.LEFT, leftId).ifPresent(b -> hiddenBaseLinks.add(b.left().nativeId()));
    base.link(flow, Side.RIGHT, current.get().right().nativeId()).ifPresent(b -> hiddenBaseLinks.add(b.left().nativeId()));
  }

  @Override
  public Optional<Watermark> watermark(String flow, String stream) {
    synchronized (lock) {
      Watermark w = watermarks.get(stream);
      return w != null ? Optional.of(w) : base.watermark(flow, stream);
    }
  }

  @Override
  public Optional<LinkRecord> link(String flow, Side side, String nativeId) {
    synchronized (lock) {
      String leftId = side == Side.LEFT ? (linksByLeft.containsKey(nativeId) ? nativeId : null) : leftByRight.get(nativeId);
      if (leftId != null) {
        return Optional.of(linksByLeft.get(leftId));
      }
      return base.link(flow, side, nativeId).filter(this::visible);
    }
  }

  private boolean visible(LinkRecord baseLink) {
    return !hiddenBaseLinks.contains(baseLink.left().nativeId()) && !linksByLeft.containsKey(baseLink.left().nativeId())
        && !leftByRight.containsKey(baseLink.right().nativeId());
  }

  @Override
  public List<LinkRecord> links(String flow, Side side, String afterNativeId, int limit) {
    synchronized (lock) {
      TreeMap<String, LinkRecord> merged = new TreeMap<>();
      for (LinkRecord l : linksByLeft.values()) {
        String id = l.side(side).nativeId();
        if (id.compareTo(afterNativeId) > 0) {
          merged.put(id, l);
        }
      }
      String cursor = afterNativeId;
      int taken = 0;
      while (taken < limit) {
        List<LinkRecord> page = base.links(flow, side, cursor, limit);
        if (page.isEmpty()) {
          break;
        }
        for (LinkRecord l : page) {
          if (visible(l)) {
            merged.put(l.side(side).nativeId(), l);
            taken++;
          }
        }
        cursor = page.get(page.size() - 1).side(side).nativeId();
      }
      return merged.values().stream().limit(limit).toList();
    }
  }

  @Override
  public List<InboxEntry> inbox(String flow, long afterSeq, int limit) {
    synchronized (lock) {
      List<InboxEntry> out = new ArrayList<>();
      long cursor = afterSeq;
      while (out.size() < limit) {
        List<InboxEntry> page = base.inbox(flow, cursor, limit);
        if (page.isEmpty()) {
          break;
        }
        for (InboxEntry e : page) {
          String k = key(e.change().side(), e.change().nativeId());
          if (!hiddenBaseInbox.contains(k) && !inbox.containsKey(k)) {
            out.add(e);
          }
        }
        cursor = page.get(page.size() - 1).seq();
      }
      for (InboxEntry e : inbox.values()) {
        if (e.seq() > afterSeq) {
          out.add(e);
        }
      }
      out.sort(Comparator.comparingLong(InboxEntry::seq));
      return out.stream().limit(limit).toList();
    }
  }

  @Override
  public Optional<InboxEntry> inboxEntry(String flow, Side side, String nativeId) {
    synchronized (lock) {
      String k = key(side, nativeId);
      InboxEntry mine = inbox.get(k);
      if (mine != null) {
        return Optional.of(mine);
      }
      return hiddenBaseInbox.contains(k) ? Optional.empty() : base.inboxEntry(flow, side, nativeId);
    }
  }

  @Override
  public long inboxSize(String flow) {
    synchronized (lock) {
      return base.inboxSize(flow) - hiddenBaseInboxCount + inbox.size();
    }
  }

  @Override
  public Optional<Intent> intent(String flow, Side target, String sourceId) {
    synchronized (lock) {
      String k = key(target, sourceId);
      Intent mine = intents.get(k);
      if (mine != null) {
        return Optional.of(mine);
      }
      return hiddenIntents.contains(k) ? Optional.empty() : base.intent(flow, target, sourceId);
    }
  }

  @Override
  public List<QuarantineEntry> quarantine(String flow, int offset, int limit) {
    synchronized (lock) {
      List<QuarantineEntry> all = new ArrayList<>();
      int page = 500;
      for (int from = 0; ; from += page) {
        List<QuarantineEntry> chunk = base.quarantine(flow, from, page);
        for (QuarantineEntry q : chunk) {
          if (!hiddenQuarantine.contains(key(q.sourceSide(), q.sourceId()))) {
            all.add(q);
          }
        }
        if (chunk.size() < page) {
          break;
        }
      }
      all.addAll(quarantine.values());
      return all.stream().skip(offset).limit(limit).toList();
    }
  }

  @Override
  public Optional<QuarantineEntry> quarantined(String flow, Side sourceSide, String sourceId) {
    synchronized (lock) {
      String k = key(sourceSide, sourceId);
      QuarantineEntry mine = quarantine.get(k);
      if (mine != null) {
        return Optional.of(mine);
      }
      return hiddenQuarantine.contains(k) ? Optional.empty() : base.quarantined(flow, sourceSide, sourceId);
    }
  }

  @Override
  public long quarantineSize(String flow) {
    synchronized (lock) {
      long hiddenExisting = hiddenQuarantine.stream().filter(k -> {
        int colon = k.indexOf(':');
        return base.quarantined(flow, Side.valueOf(k.substring(0, colon)), k.substring(colon + 1)).isPresent();
      }).count();
      return base.quarantineSize(flow) - hiddenExisting + quarantine.size();
    }
  }

  @Override
  public void close() {
    // the real store is closed by its owner
  }
}
