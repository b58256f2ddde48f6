package io.github.tandemsync.engine.state;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection at the JDBC level: wraps connections so that the n-th data-changing statement
 * ({@code PreparedStatement.executeUpdate}) after {@link #arm} fails, kills its connection, or
 * blocks until released — the ways a commit can die half-way in production.
 */
final class Faults {

  enum Action {
    /** The statement fails with an SQLException (say, a constraint or an I/O error). */
    THROW,
    /** The connection is closed under the transaction (a crash, a network cut), then the statement fails. */
    KILL,
    /** The statement waits (holding the transaction open) until {@link #release()}. */
    BLOCK
  }

  private final AtomicInteger remaining = new AtomicInteger(-1);
  private volatile Action action = Action.THROW;
  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  /** The {@code nth} (1-based) data-changing statement from now on triggers {@code action}, once. */
  Faults arm(int nth, Action action) {
    this.action = action;
    remaining.set(nth);
    return this;
  }

  /** Waits until a blocked statement is being held. */
  boolean awaitBlocked(long seconds) throws InterruptedException {
    return reached.await(seconds, TimeUnit.SECONDS);
  }

  void release() {
    released.countDown();
  }

  Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Faults.class.getClassLoader(), new Class<?>[] {Connection.class},
        new ConnectionHandler(connection));
  }

  private final class ConnectionHandler implements InvocationHandler {
    private final Connection target;

    ConnectionHandler(Connection target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Object result = call(target, method, args);
      if (result instanceof PreparedStatement statement) {
        return Proxy.newProxyInstance(Faults.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
            new StatementHandler(target, statement));
      }
      return result;
    }
  }

  private final class StatementHandler implements InvocationHandler {
    private final Connection connection;
    private final PreparedStatement target;

    StatementHandler(Connection connection, PreparedStatement target) {
      this.connection = connection;
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("executeUpdate") && (args == null || args.length == 0)
          && remaining.get() > 0 && remaining.decrementAndGet() == 0) {
        switch (action) {
          case THROW -> throw new SQLException("injected failure", "XX000");
          case KILL -> {
            connection.close();
            throw new SQLException("injected: connection lost", "08006");
          }
          case BLOCK -> {
            reached.countDown();
            if (!released.await(30, TimeUnit.SECONDS)) {
              throw new SQLException("injected block was never released");
            }
          }
        }
      }
      return call(target, method, args);
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
