package io.github.tandemsync.archfixture.engine.internal;

import io.github.tandemsync.archfixture.engine.api.Widget;

/** Clean: the internal implementation of an API interface. */
public final class InternalWidget implements Widget {
  @Override
  public String name() {
    return "widget";
  }
}
