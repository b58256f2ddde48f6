package io.github.tandemsync.engine.internal;

import io.github.tandemsync.core.spi.Change;
import io.github.tandemsync.core.spi.SyncError;
import io.github.tandemsync.core.spi.WriteOutcome;
import io.github.tandemsync.core.spi.WriteRequest;
import io.github.tandemsync.engine.Conflict;
import io.github.tandemsync.engine.PlannedWrite;
import io.github.tandemsync.engine.state.Side;
import io.github.tandemsync.engine.state.InboxEntry;
import io.github.tandemsync.engine.state.LinkRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One record pair processed together in a batch: the staged change(s) of the pair, its link (if
 * any), the decisions made for it and the writes they need.
 */
final class Unit<T> {

  /** A write the unit needs. */
  static final class Op<T> {
    final Side target;
    final Side source;
    final PlannedWrite.Operation kind;
    final @Nullable T value;
    final Set<String> fields;
    final FieldValues expectedAfter;
    final boolean followUp;
    @Nullable WriteRequest<T> request;
    @Nullable WriteOutcome<T> outcome;
    boolean newIntent;

    Op(Side target, Side source, PlannedWrite.Operation kind, @Nullable T value, Set<String> fields, FieldValues expectedAfter, boolean followUp) {
      this.target = target;
      this.source = source;
      this.kind = kind;
      this.value = value;
      this.fields = Set.copyOf(fields);
      this.expectedAfter = expectedAfter;
      this.followUp = followUp;
    }

    boolean succeeded() {
      return outcome != null && outcome.isSuccess();
    }

    boolean failedPermanently() {
      return outcome != null && !outcome.isSuccess() && !outcome.error().map(SyncError::retryable).orElse(false);
    }

    boolean deferred() {
      return outcome == null || (!outcome.isSuccess() && outcome.error().map(SyncError::retryable).orElse(false));
    }
  }

  final Optional<LinkRecord> link;
  final EnumMap<Side, InboxEntry> entries = new EnumMap<>(Side.class);
  final EnumMap<Side, T> values = new EnumMap<>(Side.class);
  final EnumMap<Side, FieldValues> current = new EnumMap<>(Side.class);
  final EnumMap<Side, FieldValues> base = new EnumMap<>(Side.class);
  final EnumMap<Side, Optional<Instant>> times = new EnumMap<>(Side.class);
  final EnumMap<Side, String> ids = new EnumMap<>(Side.class);
  final EnumMap<Side, Boolean> deleted = new EnumMap<>(Side.class);
  /** The side whose record was found by a natural-key lookup, when matched. */
  @Nullable Side matchedSide;
  @Nullable Change<T> matched;
  boolean absorbed;
  boolean removeLink;
  final List<Op<T>> ops = new ArrayList<>();
  final List<Conflict> conflicts = new ArrayList<>();
  @Nullable SyncError failure;
  @Nullable Side failureSource;
  @Nullable String skipReason;

  Unit(Optional<LinkRecord> link) {
    this.link = link;
    for (Side side : Side.values()) {
      times.put(side, Optional.empty());
      deleted.put(side, false);
      link.ifPresent(l -> {
        ids.put(side, l.side(side).nativeId());
        deleted.put(side, l.side(side).deleted());
        times.put(side, l.side(side).sourceTime());
      });
    }
  }

  boolean isLinked() {
    return link.isPresent();
  }

  /** The only staged side, for unlinked units that were not matched. */
  Side onlySide() {
    return entries.keySet().iterator().next();
  }

  boolean hasUpsert(Side side) {
    InboxEntry e = entries.get(side);
    return e != null && e.change().kind() == Change.Kind.UPSERT;
  }

  boolean hasDelete(Side side) {
    InboxEntry e = entries.get(side);
    return e != null && e.change().kind() == Change.Kind.DELETE;
  }

  Optional<String> id(Side side) {
    return Optional.ofNullable(ids.get(side));
  }

  /** Any staged side, preferring {@code preferred}, for quarantine bookkeeping. */
  Optional<Map.Entry<Side, InboxEntry>> entryFor(Side preferred) {
    InboxEntry e = entries.get(preferred);
    if (e != null) {
      return Optional.of(Map.entry(preferred, e));
    }
    return entries.entrySet().stream().findFirst();
  }
}
