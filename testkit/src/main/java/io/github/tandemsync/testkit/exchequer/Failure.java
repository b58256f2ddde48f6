package io.github.tandemsync.testkit.exchequer;

/**
 * Internal control flow: a Toolkit call stops with a result code. Caught at the edge of every
 * emulated Toolkit call, where the work is rolled back and the code returned as a
 * {@link ToolkitResult}; never escapes the sandbox.
 */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ToolkitResult result;

  private Failure(ToolkitResult result) {
    super(result.message(), null, false, false);
    this.result = result;
  }

  static Failure of(int code, String message) {
    return new Failure(ToolkitResult.error(code, message));
  }

  static Failure of(int code, String message, String field) {
    return new Failure(ToolkitResult.error(code, message, field));
  }

  /** A failure on a property; {@code line} 0 means a header or account property. */
  static Failure of(int code, String message, String field, int line) {
    return new Failure(line > 0 ? ToolkitResult.error(code, message, field, line) : ToolkitResult.error(code, message, field));
  }

  ToolkitResult result() {
    return result;
  }
}
