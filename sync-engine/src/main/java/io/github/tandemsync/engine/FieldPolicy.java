package io.github.tandemsync.engine;

import java.util.Objects;

/**
 * How a flow settles a field. A field changed on one side only since the last sync simply moves to
 * the other side — except under {@link OwnedBy}, where only the owner's edits count. A field
 * changed on both sides to different values is a conflict, settled by the policy.
 */
public sealed interface FieldPolicy {

  /**
   * The field belongs to {@code connector}: its value wins every conflict, and an edit made on the
   * other side is overwritten with the owner's value (reported as a conflict). For fields the other
   * system must not change, e.g. ERP balances.
   */
  static FieldPolicy ownedBy(String connector) {
    return new OwnedBy(connector);
  }

  /**
   * Edits on either side move across; when both sides changed the field, {@code connector}'s value
   * wins.
   */
  static FieldPolicy preferred(String connector) {
    return new Preferred(connector);
  }

  /**
   * Edits on either side move across; when both changed the field, the change with the later
   * source time wins (each side's own change time, e.g. SystemModstamp); equal or unknown times go
   * to {@code tieBreaker}. Beware of clock skew between the two systems.
   */
  static FieldPolicy lastWriterWins(String tieBreaker) {
    return new LastWriterWins(tieBreaker);
  }

  /** Edits on either side move across; a {@link ConflictResolver} settles conflicts. */
  static FieldPolicy resolvedBy(ConflictResolver resolver) {
    return new Custom(resolver);
  }

  /** See {@link FieldPolicy#ownedBy}. @param connector the owning connector's name */
  record OwnedBy(String connector) implements FieldPolicy {
    public OwnedBy {
      Objects.requireNonNull(connector, "connector");
    }
  }

  /** See {@link FieldPolicy#preferred}. @param connector the preferred connector's name */
  record Preferred(String connector) implements FieldPolicy {
    public Preferred {
      Objects.requireNonNull(connector, "connector");
    }
  }

  /** See {@link FieldPolicy#lastWriterWins}. @param tieBreaker the connector that wins ties */
  record LastWriterWins(String tieBreaker) implements FieldPolicy {
    public LastWriterWins {
      Objects.requireNonNull(tieBreaker, "tieBreaker");
    }
  }

  /** See {@link FieldPolicy#resolvedBy}. @param resolver the partner's resolver */
  record Custom(ConflictResolver resolver) implements FieldPolicy {
    public Custom {
      Objects.requireNonNull(resolver, "resolver");
    }
  }
}
