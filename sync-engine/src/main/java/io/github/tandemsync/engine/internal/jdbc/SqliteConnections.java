package io.github.tandemsync.engine.internal.jdbc;

import io.github.tandemsync.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Connections to one SQLite file: a single writer connection that threads take turns on (SQLite
 * has one write lock per database anyway, so queueing in the JVM avoids busy-waiting on it), and
 * a few reader connections that WAL lets read the last committed state while a write is in flight.
 *
 * <p>A thread holds at most one of these at a time and no write ever needs a reader, so no thread
 * can wait for a connection that another waiting thread holds: no deadlock.
 */
final class SqliteConnections implements Connections {
  private static final Logger log = LoggerFactory.getLogger(SqliteConnections.class);

  /** How long a statement waits for another process's write lock before failing as busy. */
  static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private static final int MAX_READERS = 4;

  private final Path file;
  private final SqliteDialect dialect;
  private final UnaryOperator<Connection> decorator;
  private final String url;

  private final ReentrantLock writeLock = new ReentrantLock(true);
  private @Nullable Connection writer; // guarded by writeLock

  private final Semaphore readers = new Semaphore(MAX_READERS, true);
  private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();

  private volatile boolean closed;

  private SqliteConnections(Path file, SqliteDialect dialect, UnaryOperator<Connection> decorator) {
    this.file = file;
    this.dialect = dialect;
    this.decorator = decorator;
    this.url = "jdbc:sqlite:" + file;
  }

  /** Opens the file (creating it and its directory when missing) in WAL mode. */
  static SqliteConnections open(Path file, SqliteDialect dialect, UnaryOperator<Connection> decorator) {
    Path parent = file.getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new ConfigurationException("cannot create the directory of the SQLite state store " + file, e);
    }
    if (Files.isDirectory(file)) {
      throw new ConfigurationException("the SQLite state store file " + file + " is a directory");
    }
    SqliteConnections connections = new SqliteConnections(file, dialect, decorator);
    // the writer first: it creates the file and switches it to WAL before any reader opens it
    connections.write("open", connection -> null);
    return connections;
  }

  @Override
  public <T> T write(String what, SqlWork<T> work) {
    ensureOpen();
    writeLock.lock();
    try {
      Connection connection;
      try {
        connection = writer();
      } catch (SQLException e) {
        throw Failures.translate(dialect, what, e, true);
      }
      boolean committed = false;
      try {
        execute(connection, "BEGIN IMMEDIATE");
        T result = work.run(connection);
        execute(connection, "COMMIT");
        committed = true;
        return result;
      } catch (SQLException e) {
        throw Failures.translate(dialect, what, e, isClosed(connection));
      } finally {
        if (!committed) {
          rollback(connection);
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public <T> T read(String what, SqlWork<T> work) {
    ensureOpen();
    readers.acquireUninterruptibly();
    Connection connection = null;
    boolean reusable = false;
    try {
      connection = idleReaders.pollFirst();
      if (connection == null) {
        connection = openReader();
      }
      T result = work.run(connection);
      reusable = true;
      return result;
    } catch (SQLException e) {
      boolean lost = connection == null || isClosed(connection);
      reusable = !lost;
      throw Failures.translate(dialect, what, e, lost);
    } finally {
      if (connection != null) {
        if (reusable && !closed) {
          idleReaders.offerFirst(connection);
          if (closed) {
            closeIdleReaders(); // close() ran meanwhile
          }
        } else {
          closeQuietly(connection);
        }
      }
      readers.release();
    }
  }

  private Connection writer() throws SQLException {
    Connection current = writer;
    if (current == null || current.isClosed()) {
      current = open(false);
      writer = current;
    }
    return current;
  }

  private Connection openReader() throws SQLException {
    Connection connection = open(true);
    execute(connection, "PRAGMA query_only = ON");
    return connection;
  }

  private Connection open(boolean reader) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    if (!reader) {
      // WAL is a property of the file, set once by the writer; FULL syncs the WAL at every commit
      // so a committed watermark survives a power cut, not only a process crash
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    }
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    return decorator.apply(config.createConnection(url));
  }

  private void rollback(Connection connection) {
    try {
      if (!connection.isClosed()) {
        execute(connection, "ROLLBACK");
      }
    } catch (SQLException e) {
      // no transaction was open (BEGIN itself failed) or the connection is broken: start afresh
      log.debug("{}: rollback failed, reopening the write connection: {}", dialect.location(), e.getMessage());
      writer = null;
      closeQuietly(connection);
    }
    if (isClosed(connection)) {
      log.warn("{}: the write connection was lost; the next write reopens it", dialect.location());
      writer = null;
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing left to do with it
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the SQLite state store " + file + " is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    writeLock.lock();
    try {
      if (writer != null) {
        closeQuietly(writer);
        writer = null;
      }
    } finally {
      writeLock.unlock();
    }
    closeIdleReaders();
  }

  private void closeIdleReaders() {
    for (Connection connection; (connection = idleReaders.pollFirst()) != null; ) {
      closeQuietly(connection);
    }
  }
}
