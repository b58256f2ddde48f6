package io.github.tandemsync.engine.state;

/** One of the two connectors of a flow, as ordered in {@code Flow.Builder.between(left, right)}. */
public enum Side {
  LEFT,
  RIGHT;

  /** The other side. */
  public Side other() {
    return this == LEFT ? RIGHT : LEFT;
  }
}
