package io.github.tandemsync.engine;

/** One of the two connectors of a flow, as ordered in {@link Flow.Builder#between}. */
public enum Side {
  LEFT,
  RIGHT;

  /** The other side. */
  public Side other() {
    return this == LEFT ? RIGHT : LEFT;
  }
}
