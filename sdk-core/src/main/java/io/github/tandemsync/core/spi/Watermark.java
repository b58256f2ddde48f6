package io.github.tandemsync.core.spi;

import java.util.Objects;

/**
 * A connector's opaque position in its own change stream, for example a
 * {@code (SystemModstamp, Id)} pair or an identity high-water mark. Only the connector that made it
 * interprets it; the engine stores it and hands it back.
 *
 * @param value the connector's serialised position; empty for "from the beginning"
 */
public record Watermark(String value) {
  private static final Watermark INITIAL = new Watermark("");

  public Watermark {
    Objects.requireNonNull(value, "value");
  }

  /** The position before any change: a full initial read. */
  public static Watermark initial() {
    return INITIAL;
  }

  public static Watermark of(String value) {
    return value.isEmpty() ? INITIAL : new Watermark(value);
  }

  public boolean isInitial() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return isInitial() ? "Watermark[initial]" : "Watermark[" + value + "]";
  }
}
