package io.github.tandemsync.engine.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections borrowed from the partner's {@link DataSource} (normally a pool), one per call and
 * handed back as they came: auto-commit restored, no transaction left open.
 */
final class DataSourceConnections implements Connections {
  private static final Logger log = LoggerFactory.getLogger(DataSourceConnections.class);

  private final DataSource dataSource;
  private final Dialect dialect;
  private volatile boolean closed;

  DataSourceConnections(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  @Override
  public <T> T write(String what, SqlWork<T> work) {
    ensureOpen();
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      boolean committed = false;
      try {
        T result = work.run(connection);
        connection.commit();
        committed = true;
        return result;
      } finally {
        if (!committed) {
          rollback(connection);
        }
        if (autoCommit) {
          restoreAutoCommit(connection);
        }
      }
    } catch (SQLException e) {
      throw Failures.translate(dialect, what, e, connection == null || isClosed(connection));
    } finally {
      close(connection);
    }
  }

  @Override
  public <T> T read(String what, SqlWork<T> work) {
    ensureOpen();
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      try {
        return work.run(connection);
      } finally {
        if (!connection.isClosed() && !connection.getAutoCommit()) {
          rollback(connection); // a pool without auto-commit: end the read transaction we opened
        }
      }
    } catch (SQLException e) {
      throw Failures.translate(dialect, what, e, connection == null || isClosed(connection));
    } finally {
      close(connection);
    }
  }

  private void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.debug("{}: rollback failed: {}", dialect.location(), e.getMessage());
    }
  }

  private void restoreAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // must not mask the failure being thrown; a pool discards a broken connection anyway
      log.debug("{}: restoring auto-commit failed: {}", dialect.location(), e.getMessage());
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  private void close(@Nullable Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("{}: closing a connection failed: {}", dialect.location(), e.getMessage());
      }
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the " + dialect.location() + " state store is closed");
    }
  }

  /** Stops using the data source; the partner owns it and closes it. */
  @Override
  public void close() {
    closed = true;
  }
}
