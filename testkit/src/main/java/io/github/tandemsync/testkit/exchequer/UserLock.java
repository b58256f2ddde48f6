package io.github.tandemsync.testkit.exchequer;

/**
 * A record or file held by a scripted Exchequer user, as when someone has an account open for
 * editing. While it is held, Toolkit writers touching it get Btrieve 84 (record locked) or 85
 * (file locked). It ends when released or when its duration has passed (measured in real time,
 * not on the sandbox clock, so a fixed test clock cannot hold it forever).
 */
public interface UserLock extends AutoCloseable {
  /**
   * What is locked, e.g. {@code account ABAP01}, {@code document SOR000123}, {@code file CUSTSUPP}.
   *
   * @return a short description of the locked record or file
   */
  String target();

  /**
   * Whether the lock still holds.
   *
   * @return true until released or expired
   */
  boolean held();

  /** Releases the lock; calling it again has no effect. */
  void release();

  /** Same as {@link #release()}. */
  @Override
  default void close() {
    release();
  }
}
