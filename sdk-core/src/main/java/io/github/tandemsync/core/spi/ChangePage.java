package io.github.tandemsync.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * One page of changes in source order.
 *
 * @param changes the changes, oldest first; may be empty
 * @param next where the following read starts; at or after the position of the last change
 * @param hasMore whether another read right away would return more changes; only this flag ends a
 *     read loop, never a short page
 * @param <T> the canonical record type
 */
public record ChangePage<T>(List<Change<T>> changes, Watermark next, boolean hasMore) {
  public ChangePage {
    changes = List.copyOf(changes);
    Objects.requireNonNull(next, "next");
  }

  /** A page with no changes: the reader is caught up at {@code position}. */
  public static <T> ChangePage<T> empty(Watermark position) {
    return new ChangePage<>(List.of(), position, false);
  }
}
