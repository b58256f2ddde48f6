package io.github.tandemsync.engine;

import java.util.Objects;

/**
 * One way of a flow, from one connector to the other.
 *
 * @param from the connector changes are read from
 * @param to the connector they are written to
 */
public record Direction(String from, String to) {
  public Direction {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public String toString() {
    return from + " -> " + to;
  }
}
