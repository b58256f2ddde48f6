package io.github.tandemsync.engine.internal.jdbc;

/**
 * Where a store gets its connections from, and how it brackets work in transactions. A write
 * transaction either commits as a whole or is rolled back; any exception thrown by the work
 * (including {@link java.sql.SQLException}s, translated by the dialect) propagates after the
 * rollback.
 */
interface Connections extends AutoCloseable {

  /** Runs {@code work} in one write transaction; {@code what} names it in error messages. */
  <T> T write(String what, SqlWork<T> work);

  /** Runs {@code work} as a read; every statement sees committed data only. */
  <T> T read(String what, SqlWork<T> work);

  @Override
  void close();
}
