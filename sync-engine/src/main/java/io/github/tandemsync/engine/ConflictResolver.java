package io.github.tandemsync.engine;

/**
 * A partner's rule for fields changed on both sides (see {@link FieldPolicy#resolvedBy}). Called
 * once per conflicting field; must be fast and free of side effects.
 */
@FunctionalInterface
public interface ConflictResolver {

  /** Picks the connector whose value the field takes. */
  Winner resolve(FieldConflict<?> conflict);

  /** Which side's value wins. */
  enum Winner {
    LEFT,
    RIGHT
  }
}
