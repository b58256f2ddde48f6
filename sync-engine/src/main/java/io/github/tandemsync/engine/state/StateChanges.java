package io.github.tandemsync.engine.state;

import io.github.tandemsync.core.spi.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A unit of work against the state of one flow, applied by {@link StateStore#commit} atomically:
 * all of it or nothing. Operations apply in the order they were added.
 *
 * @param flow the flow every operation belongs to
 * @param operations the operations in order
 */
public record StateChanges(String flow, List<Operation> operations) {

  public StateChanges {
    Objects.requireNonNull(flow, "flow");
    operations = List.copyOf(operations);
  }

  public static Builder forFlow(String flow) {
    return new Builder(flow);
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }

  /** One state change. */
  public sealed interface Operation {}

  /** Sets the watermark of a stream (a side's change stream, or an engine-internal stream). */
  public record PutWatermark(String stream, Watermark watermark) implements Operation {
    public PutWatermark {
      Objects.requireNonNull(stream, "stream");
      Objects.requireNonNull(watermark, "watermark");
    }
  }

  /** Stages a change in the inbox, replacing any entry for the same record; assigns a new seq. */
  public record Stage(StagedChange change) implements Operation {
    public Stage {
      Objects.requireNonNull(change, "change");
    }
  }

  /**
   * Removes a record's inbox entry if its seq is still {@code seq} (a newer staging survives);
   * {@code seq < 0} removes whatever is there.
   */
  public record Unstage(Side side, String nativeId, long seq) implements Operation {
    public Unstage {
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(nativeId, "nativeId");
    }
  }

  /** Keeps an inbox entry for a later run and counts the attempt. */
  public record Defer(Side side, String nativeId, long seq, String error) implements Operation {
    public Defer {
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(nativeId, "nativeId");
      Objects.requireNonNull(error, "error");
    }
  }

  /** Inserts or replaces the link of {@code link.left()} / {@code link.right()}. */
  public record PutLink(LinkRecord link) implements Operation {
    public PutLink {
      Objects.requireNonNull(link, "link");
    }
  }

  /** Removes the link a native id takes part in. */
  public record RemoveLink(Side side, String nativeId) implements Operation {
    public RemoveLink {
      Objects.requireNonNull(side, "side");
      Objects.requireNonNull(nativeId, "nativeId");
    }
  }

  /** Records a create intent (replacing one for the same target and source). */
  public record PutIntent(Intent intent) implements Operation {
    public PutIntent {
      Objects.requireNonNull(intent, "intent");
    }
  }

  /** Forgets a create intent once its outcome is durable. */
  public record RemoveIntent(Side target, String sourceId) implements Operation {
    public RemoveIntent {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(sourceId, "sourceId");
    }
  }

  /** Parks a record (replacing an earlier entry for the same source record). */
  public record Quarantine(QuarantineEntry entry) implements Operation {
    public Quarantine {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** Takes a record out of quarantine. */
  public record Release(Side sourceSide, String sourceId) implements Operation {
    public Release {
      Objects.requireNonNull(sourceSide, "sourceSide");
      Objects.requireNonNull(sourceId, "sourceId");
    }
  }

  /** Collects operations for one flow. */
  public static final class Builder {
    private final String flow;
    private final List<Operation> operations = new ArrayList<>();

    private Builder(String flow) {
      this.flow = Objects.requireNonNull(flow, "flow");
    }

    public Builder watermark(String stream, Watermark watermark) {
      operations.add(new PutWatermark(stream, watermark));
      return this;
    }

    public Builder stage(StagedChange change) {
      operations.add(new Stage(change));
      return this;
    }

    public Builder unstage(Side side, String nativeId, long seq) {
      operations.add(new Unstage(side, nativeId, seq));
      return this;
    }

    public Builder defer(Side side, String nativeId, long seq, String error) {
      operations.add(new Defer(side, nativeId, seq, error));
      return this;
    }

    public Builder putLink(LinkRecord link) {
      if (!link.flow().equals(flow)) {
        throw new IllegalArgumentException("link of flow " + link.flow() + " in changes of flow " + flow);
      }
      operations.add(new PutLink(link));
      return this;
    }

    public Builder removeLink(Side side, String nativeId) {
      operations.add(new RemoveLink(side, nativeId));
      return this;
    }

    public Builder putIntent(Intent intent) {
      if (!intent.flow().equals(flow)) {
        throw new IllegalArgumentException("intent of flow " + intent.flow() + " in changes of flow " + flow);
      }
      operations.add(new PutIntent(intent));
      return this;
    }

    public Builder removeIntent(Side target, String sourceId) {
      operations.add(new RemoveIntent(target, sourceId));
      return this;
    }

    public Builder quarantine(QuarantineEntry entry) {
      if (!entry.flow().equals(flow)) {
        throw new IllegalArgumentException("quarantine entry of flow " + entry.flow() + " in changes of flow " + flow);
      }
      operations.add(new Quarantine(entry));
      return this;
    }

    public Builder release(Side sourceSide, String sourceId) {
      operations.add(new Release(sourceSide, sourceId));
      return this;
    }

    public boolean isEmpty() {
      return operations.isEmpty();
    }

    public StateChanges build() {
      return new StateChanges(flow, operations);
    }
  }
}
