package io.github.tandemsync.archfixture.engine.internal.wire;

import io.github.tandemsync.archfixture.engine.internal.InternalParser;

/** Clean: the other half of an internal-only cycle. */
public final class WireFormat {
  /** Formats what the parser hands over. */
  public String format(InternalParser parser) {
    return parser.getClass().getSimpleName();
  }
}
