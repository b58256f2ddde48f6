package io.github.tandemsync.engine.state;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool, standing in for the partner's (HikariCP and the like): connections
 * are reused, and one handed back in a dirty state (auto-commit off, a transaction open) is
 * recorded as a violation, which is what a real pool would silently pass on to its next user.
 */
final class TestPool implements DataSource, AutoCloseable {
  private final DataSource physical;
  private final UnaryOperator<Connection> decorator;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final List<Connection> all = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();

  TestPool(DataSource physical) {
    this(physical, UnaryOperator.identity());
  }

  TestPool(DataSource physical, UnaryOperator<Connection> decorator) {
    this.physical = physical;
    this.decorator = decorator;
  }

  /** What the store left behind on connections it handed back. */
  List<String> violations() {
    return violations;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = idle.pollFirst();
    while (connection != null && connection.isClosed()) {
      connection = idle.pollFirst();
    }
    if (connection == null) {
      connection = decorator.apply(physical.getConnection());
      all.add(connection);
    }
    Connection pooled = connection;
    return (Connection) Proxy.newProxyInstance(TestPool.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            giveBack(pooled);
            return null;
          }
          try {
            return method.invoke(pooled, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private void giveBack(Connection connection) throws SQLException {
    if (connection.isClosed()) {
      return;
    }
    if (!connection.getAutoCommit()) {
      violations.add("a connection came back with auto-commit off");
      connection.rollback();
      connection.setAutoCommit(true);
    }
    idle.offerFirst(connection);
  }

  @Override
  public Connection getConnection(String username, String password) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {
    for (Connection connection : all) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already gone
      }
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return new PrintWriter(Writer.nullWriter());
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
