package io.quire.query.rebuild;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The connection a rebuild's projections write through, which can send their writes to PostgreSQL
 * in JDBC batches (one round trip for many statements) while the handlers still see, statement by
 * statement, what they would see without it.
 *
 * <p>When {@linkplain #batching(boolean) batching}, a write ({@code INSERT}, {@code UPDATE} or
 * {@code DELETE} prepared with its SQL alone) is not run when the handler runs it: it is added to a
 * batch and reported as having changed exactly one row, which is what every handler's write does
 * when the events are in order and applied once. The batch is sent before anything else reaches the
 * database through this connection (a query, another statement's SQL, a commit, anything not a
 * parameter setter), so every read sees every earlier write and statements run in the order the
 * handlers ran them. When it is sent, each statement's real count is checked against the one
 * reported: any difference, or any error, throws {@link PresumptionFailedException} (or the error)
 * and the caller must roll the transaction back and apply the same events again without batching,
 * which reproduces exactly what the handlers do live. A batch whose counts all match did what the
 * same statements run one by one would have done, since each handler saw the counts it would have
 * seen and each read saw the same rows.
 *
 * <p>Not thread-safe: one rebuild's thread uses it.
 */
final class BatchedWrites {

  /** A batched write changed another number of rows than reported to its handler. */
  static final class PresumptionFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PresumptionFailedException(String message) {
      super(message);
    }
  }

  /** How many writes are sent in one batch at most. */
  private static final int MAX_BATCH = 2_000;

  private final Connection real;
  private final Connection proxy;
  private final Map<String, PreparedStatement> writes = new HashMap<>();
  private final Map<String, PreparedStatement> proxies = new HashMap<>();
  private boolean batching;
  private PreparedStatement pending;
  private String pendingSql;
  private int pendingCount;
  private long sent;

  BatchedWrites(Connection real) {
    this.real = real;
    this.proxy =
        (Connection)
            Proxy.newProxyInstance(
                BatchedWrites.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                this::onConnection);
  }

  /** The connection for the projections' JDBC access. */
  Connection connection() {
    return proxy;
  }

  /** Turns batching on or off; what is pending must have been sent or discarded first. */
  void batching(boolean on) {
    if (pending != null) {
      throw new IllegalStateException("writes are pending");
    }
    batching = on;
  }

  /** Batches sent so far. */
  long batchesSent() {
    return sent;
  }

  /** Sends the pending writes, checking their counts. */
  void flush() throws SQLException {
    if (pending == null) {
      return;
    }
    PreparedStatement statement = pending;
    String sql = pendingSql;
    int count = pendingCount;
    pending = null;
    pendingSql = null;
    pendingCount = 0;
    int[] counts = statement.executeBatch();
    sent++;
    if (counts.length != count) {
      throw new PresumptionFailedException(
          "a batch of " + count + " writes answered " + counts.length + " counts: " + sql);
    }
    for (int changed : counts) {
      if (changed != 1) {
        throw new PresumptionFailedException(
            "a batched write changed " + changed + " rows, not 1: " + sql);
      }
    }
  }

  /** Forgets the pending writes (before a rollback). */
  void discard() {
    if (pending != null) {
      try {
        pending.clearBatch();
      } catch (SQLException ignored) {
        // the statement is closed below with the others; the transaction is rolled back anyway
      }
    }
    pending = null;
    pendingSql = null;
    pendingCount = 0;
  }

  /** Closes the statements kept for batching. */
  void close() {
    discard();
    for (PreparedStatement statement : writes.values()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // closing the connection closes it too
      }
    }
    writes.clear();
    proxies.clear();
  }

  private Object onConnection(Object self, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "prepareStatement" -> {
        if (batching && args.length == 1 && isWrite((String) args[0])) {
          return write((String) args[0]);
        }
        flush();
      }
      case "rollback" -> discard();
      case "close" -> {
        // the rebuild closes its own connection
        return null;
      }
      case "isClosed",
          "getAutoCommit",
          "getMetaData",
          "getTransactionIsolation",
          "unwrap",
          "isWrapperFor",
          "toString",
          "hashCode",
          "equals",
          "getWarnings",
          "clearWarnings" -> {
        if (method.getName().equals("equals")) {
          return self == args[0];
        }
        if (method.getName().equals("hashCode")) {
          return System.identityHashCode(self);
        }
      }
      default -> flush();
    }
    return invoke(real, method, args);
  }

  private static boolean isWrite(String sql) {
    String start = sql.stripLeading();
    int end = 0;
    while (end < start.length() && Character.isLetter(start.charAt(end))) {
      end++;
    }
    String verb = start.substring(0, end).toUpperCase(Locale.ROOT);
    return verb.equals("INSERT") || verb.equals("UPDATE") || verb.equals("DELETE");
  }

  /**
   * A statement whose {@code executeUpdate} adds to the batch: one real statement and one proxy for
   * each SQL text, made on its first use and handed out again for every later write of it.
   */
  private PreparedStatement write(String sql) throws SQLException {
    PreparedStatement proxy = proxies.get(sql);
    if (proxy == null) {
      PreparedStatement target = real.prepareStatement(sql);
      writes.put(sql, target);
      proxy =
          (PreparedStatement)
              Proxy.newProxyInstance(
                  BatchedWrites.class.getClassLoader(),
                  new Class<?>[] {PreparedStatement.class},
                  (self, method, args) -> onStatement(sql, target, self, method, args));
      proxies.put(sql, proxy);
    }
    return proxy;
  }

  private Object onStatement(
      String sql, PreparedStatement target, Object self, Method method, Object[] args)
      throws Throwable {
    String name = method.getName();
    switch (name) {
      case "executeUpdate", "executeLargeUpdate" -> {
        if (args == null || args.length == 0) {
          if (pending != null && pending != target) {
            flush();
          }
          target.addBatch();
          pending = target;
          pendingSql = sql;
          pendingCount++;
          if (pendingCount >= MAX_BATCH) {
            flush();
          }
          return name.equals("executeUpdate") ? (Object) 1 : (Object) 1L;
        }
        flush();
      }
      case "close" -> {
        // kept for the next write of the same SQL; closed with the rebuild
        return null;
      }
      case "isClosed" -> {
        return false;
      }
      case "getWarnings" -> {
        return null;
      }
      case "getParameterMetaData", "toString" -> {
        // describes the statement, runs nothing
      }
      case "hashCode" -> {
        return System.identityHashCode(self);
      }
      case "equals" -> {
        return self == args[0];
      }
      default -> {
        // Parameter setters only pass values on; anything else may reach the database.
        if (!name.startsWith("set") && !name.equals("clearParameters")) {
          flush();
        }
      }
    }
    return invoke(target, method, args);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
