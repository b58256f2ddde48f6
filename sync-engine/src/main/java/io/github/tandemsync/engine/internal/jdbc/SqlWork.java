package io.github.tandemsync.engine.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A piece of work on one connection, inside whatever transaction the caller set up. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
