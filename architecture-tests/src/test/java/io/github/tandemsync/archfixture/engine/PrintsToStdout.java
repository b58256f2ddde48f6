package io.github.tandemsync.archfixture.engine;

/** Violation: System.out. */
public final class PrintsToStdout {
  void print() {
    System.out.println("hello");
  }
}
