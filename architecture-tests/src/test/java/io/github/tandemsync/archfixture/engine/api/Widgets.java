package io.github.tandemsync.archfixture.engine.api;

import io.github.tandemsync.archfixture.engine.internal.InternalWidget;

/** Clean: an API factory creating its internal implementation (API to internal and back is no cycle). */
public final class Widgets {
  private Widgets() {}

  /** A new widget. */
  public static Widget create() {
    return new InternalWidget();
  }
}
