package io.github.tandemsync.engine.internal.jdbc;

import io.github.tandemsync.core.InvalidRecordException;
import io.github.tandemsync.engine.state.Intent;
import io.github.tandemsync.engine.state.LinkRecord;
import io.github.tandemsync.engine.state.QuarantineEntry;
import io.github.tandemsync.engine.state.SideState;
import io.github.tandemsync.engine.state.StagedChange;
import io.github.tandemsync.engine.state.StateChanges;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a whole {@link StateChanges} before a store touches the database, so a bad operation
 * fails the commit with a message naming the operation, the record and the field — and nothing
 * of the commit is applied.
 *
 * <p>Beyond nulls (which the operation records do not all reject) and operations of another flow,
 * it refuses the NUL character (U+0000): PostgreSQL text cannot hold it, and SQLite refuses it
 * too so that a store behaves the same in development and in production.
 */
final class OperationChecks {
  private OperationChecks() {}

  static boolean hasNul(String text) {
    return text.indexOf('\u0000') >= 0;
  }

  /** Throws {@link InvalidRecordException} when {@code value} holds a NUL character. */
  static void text(String flow, String record, @Nullable String value, String field) {
    if (value != null && hasNul(value)) {
      throw new InvalidRecordException("state of flow '" + printable(flow) + "'", printable(record), field,
          "contains the NUL character (U+0000), which the state store cannot keep");
    }
  }

  static void text(String flow, String record, Optional<String> value, String field) {
    text(flow, record, value.orElse(null), field);
  }

  static void check(StateChanges changes) {
    String flow = changes.flow();
    text(flow, "changes", flow, "flow");
    List<StateChanges.Operation> operations = changes.operations();
    for (int i = 0; i < operations.size(); i++) {
      StateChanges.Operation operation = operations.get(i);
      String at = "operation " + i;
      Objects.requireNonNull(operation, () -> at + " of the commit to flow '" + flow + "' is null");
      String name = at + " (" + operation.getClass().getSimpleName() + ")";
      if (operation instanceof StateChanges.PutWatermark put) {
        String stream = required(put.stream(), name, "stream");
        required(put.watermark(), name, "watermark");
        String record = name + " of stream " + stream;
        text(flow, record, stream, "stream");
        text(flow, record, put.watermark().value(), "watermark");
      } else if (operation instanceof StateChanges.Stage stage) {
        change(flow, name, required(stage.change(), name, "change"));
      } else if (operation instanceof StateChanges.Unstage unstage) {
        required(unstage.side(), name, "side");
        text(flow, name, required(unstage.nativeId(), name, "nativeId"), "nativeId");
      } else if (operation instanceof StateChanges.Defer defer) {
        required(defer.side(), name, "side");
        String record = name + " of " + defer.side() + " " + required(defer.nativeId(), name, "nativeId");
        text(flow, record, defer.nativeId(), "nativeId");
        text(flow, record, required(defer.error(), name, "error"), "error");
      } else if (operation instanceof StateChanges.PutLink put) {
        LinkRecord link = required(put.link(), name, "link");
        sameFlow(flow, link.flow(), name);
        String record = name + " of LEFT " + link.left().nativeId() + " / RIGHT " + link.right().nativeId();
        side(flow, record, link.left(), "left");
        side(flow, record, link.right(), "right");
      } else if (operation instanceof StateChanges.RemoveLink remove) {
        required(remove.side(), name, "side");
        text(flow, name, required(remove.nativeId(), name, "nativeId"), "nativeId");
      } else if (operation instanceof StateChanges.PutIntent put) {
        Intent intent = required(put.intent(), name, "intent");
        sameFlow(flow, intent.flow(), name);
        String record = name + " for " + intent.target() + " of " + intent.sourceId();
        text(flow, record, intent.sourceId(), "sourceId");
        text(flow, record, intent.idempotencyKey(), "idempotencyKey");
      } else if (operation instanceof StateChanges.RemoveIntent remove) {
        required(remove.target(), name, "target");
        text(flow, name, required(remove.sourceId(), name, "sourceId"), "sourceId");
      } else if (operation instanceof StateChanges.Quarantine park) {
        QuarantineEntry entry = required(park.entry(), name, "entry");
        sameFlow(flow, entry.flow(), name);
        String record = name + " of " + entry.sourceSide() + " " + entry.sourceId();
        text(flow, record, entry.sourceId(), "sourceId");
        text(flow, record, entry.targetId(), "targetId");
        text(flow, record, entry.code(), "code");
        text(flow, record, entry.message(), "message");
        text(flow, record, entry.field(), "field");
        entry.change().ifPresent(change -> change(flow, record + " change", change));
      } else if (operation instanceof StateChanges.Release release) {
        required(release.sourceSide(), name, "sourceSide");
        text(flow, name, required(release.sourceId(), name, "sourceId"), "sourceId");
      }
    }
  }

  private static void change(String flow, String name, StagedChange change) {
    String record = name + " of " + change.side() + " " + change.nativeId();
    text(flow, record, change.nativeId(), "nativeId");
    text(flow, record, change.valueJson(), "valueJson");
    text(flow, record, change.sourceVersion(), "sourceVersion");
    text(flow, record, change.origin(), "origin");
  }

  private static void side(String flow, String record, SideState side, String which) {
    text(flow, record, side.nativeId(), which + ".nativeId");
    text(flow, record, side.snapshot(), which + ".snapshot");
    text(flow, record, side.hash(), which + ".hash");
  }

  private static void sameFlow(String flow, String operationFlow, String name) {
    if (!flow.equals(operationFlow)) {
      throw new IllegalArgumentException(name + " belongs to flow '" + printable(operationFlow)
          + "' but is in a commit to flow '" + printable(flow) + "'");
    }
  }

  private static <T> T required(@Nullable T value, String name, String field) {
    if (value == null) {
      throw new NullPointerException(name + ": " + field + " is null");
    }
    return value;
  }

  /** The text with NUL characters shown as an escape, fit for a message. */
  private static String printable(String text) {
    return text.replace("\u0000", "\\u0000");
  }
}
