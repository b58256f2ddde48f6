package io.github.tandemsync.archfixture.engine.internal;

import io.github.tandemsync.archfixture.engine.internal.wire.WireFormat;

/** Clean: internal packages may depend on each other both ways (not checked for cycles). */
public final class InternalParser {
  /** Parses with the wire format. */
  public String parse() {
    return new WireFormat().format(this);
  }
}
