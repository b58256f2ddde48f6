package io.github.tandemsync.core.spi;

import java.util.Objects;

/**
 * A connector's view of its system's reachability.
 *
 * @param status up, degraded or down
 * @param detail what was checked and what was found, free of secrets
 */
public record Health(Status status, String detail) {

  /** Coarse health. */
  public enum Status {
    UP,
    /** Reachable but limited, e.g. an API budget close to its reserve. */
    DEGRADED,
    DOWN
  }

  public Health {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  public static Health up(String detail) {
    return new Health(Status.UP, detail);
  }

  public static Health degraded(String detail) {
    return new Health(Status.DEGRADED, detail);
  }

  public static Health down(String detail) {
    return new Health(Status.DOWN, detail);
  }
}
