package io.github.tandemsync.core.spi;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The canonical fields a reader fills or a writer stores, as field paths: a record component
 * ({@code "phone"}), a component of a nested value ({@code "billingAddress.town"}), a whole nested
 * value ({@code "billingAddress"} covers every {@code billingAddress.*} path), or a bespoke field
 * ({@code "extensions.Region__c"}).
 *
 * <p>The engine compares and merges only the fields both sides care about: a field a reader does
 * not fill is never taken as "cleared", and a field a writer does not store is never counted as
 * written.
 *
 * @param coversAll whether every field of the record is covered
 * @param paths the covered paths when not {@code coversAll}
 */
public record FieldSet(boolean coversAll, Set<String> paths) {
  private static final FieldSet ALL = new FieldSet(true, Set.of());

  public FieldSet {
    paths = Set.copyOf(new TreeSet<>(paths));
    if (coversAll && !paths.isEmpty()) {
      throw new IllegalArgumentException("a field set covering all fields lists no paths");
    }
  }

  /** Every field of the record. */
  public static FieldSet all() {
    return ALL;
  }

  /** Exactly the given paths (and everything below them). */
  public static FieldSet of(String... paths) {
    return new FieldSet(false, Set.of(paths));
  }

  /** Exactly the given paths (and everything below them). */
  public static FieldSet of(Collection<String> paths) {
    return new FieldSet(false, Set.copyOf(paths));
  }

  /** Whether {@code path} is covered: listed itself, or below a listed path. */
  public boolean contains(String path) {
    if (coversAll || paths.contains(path)) {
      return true;
    }
    for (String covered : paths) {
      if (path.startsWith(covered) && path.length() > covered.length() && path.charAt(covered.length()) == '.') {
        return true;
      }
    }
    return false;
  }

  /** This set plus {@code more}. */
  public FieldSet plus(Collection<String> more) {
    if (coversAll || more.isEmpty()) {
      return this;
    }
    Set<String> union = new TreeSet<>(paths);
    union.addAll(more);
    return new FieldSet(false, union);
  }
}
