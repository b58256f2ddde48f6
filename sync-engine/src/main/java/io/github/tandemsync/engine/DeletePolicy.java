package io.github.tandemsync.engine;

import java.util.Objects;

/** What a flow does when a linked record is deleted on one side. */
public sealed interface DeletePolicy {

  /**
   * Deletes the counterpart too — unless it changed since the last sync, in which case the link is
   * dropped, the counterpart kept, and a conflict reported.
   */
  static DeletePolicy propagate() {
    return Propagate.INSTANCE;
  }

  /** Leaves the counterpart as it is; later changes to it are not synced back. */
  static DeletePolicy ignore() {
    return Ignore.INSTANCE;
  }

  /**
   * Keeps the counterpart but sets {@code field} to {@code value} on it (e.g. {@code obsolete} =
   * {@code true}); later changes to it are not synced back.
   *
   * @param value a String, Boolean or BigDecimal/number
   */
  static DeletePolicy markInactive(String field, Object value) {
    return new MarkInactive(field, value);
  }

  /** See {@link DeletePolicy#propagate}. */
  enum Propagate implements DeletePolicy {
    INSTANCE
  }

  /** See {@link DeletePolicy#ignore}. */
  enum Ignore implements DeletePolicy {
    INSTANCE
  }

  /**
   * See {@link DeletePolicy#markInactive}.
   *
   * @param field the field path to set
   * @param value the value to set
   */
  record MarkInactive(String field, Object value) implements DeletePolicy {
    public MarkInactive {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }
  }
}
