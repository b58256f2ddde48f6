package io.github.tandemsync.engine.internal.jdbc;

import io.github.tandemsync.core.PermanentException;
import io.github.tandemsync.core.RetryableException;
import io.github.tandemsync.core.TandemException;
import java.sql.SQLException;

/** Turns driver exceptions into Tandem's retryable / permanent failures. */
final class Failures {
  private Failures() {}

  /**
   * @param connectionLost whether the connection died with the failure; the same work on a fresh
   *     connection may then succeed
   */
  static TandemException translate(Dialect dialect, String what, SQLException failure, boolean connectionLost) {
    String message = dialect.location() + ": " + what + " failed: " + describe(failure);
    return connectionLost || dialect.isTransient(failure)
        ? new RetryableException(message, failure)
        : new PermanentException(message, failure);
  }

  private static String describe(SQLException failure) {
    String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return failure.getSQLState() == null ? text : text + " (SQLState " + failure.getSQLState() + ")";
  }
}
