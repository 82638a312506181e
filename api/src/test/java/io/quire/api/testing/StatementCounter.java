package io.quire.api.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements the current thread sends through the application's data source.
 * Counting is per thread, so tests running at the same time do not disturb each other; run the code
 * under test on the calling thread (query handlers run on the caller's thread).
 */
public final class StatementCounter {

  private static final ThreadLocal<List<Sent>> SENT = new ThreadLocal<>();
  private static final ThreadLocal<List<String>> ENDED = new ThreadLocal<>();
  private static final Map<String, Counted<Void>> BY_REQUEST = new ConcurrentHashMap<>();

  private StatementCounter() {}

  /** Runs {@code work} and answers how many statements it sent, with its result. */
  public static <T> Counted<T> count(Supplier<T> work) {
    List<Sent> sent = new ArrayList<>();
    List<String> ended = new ArrayList<>();
    SENT.set(sent);
    ENDED.set(ended);
    try {
      T result = work.get();
      return new Counted<>(result, List.copyOf(sent), List.copyOf(ended));
    } finally {
      SENT.remove();
      ENDED.remove();
    }
  }

  /**
   * What the HTTP request sent with {@value StatementCountingConfiguration#HEADER}{@code : key} ran
   * on its request thread (recorded by {@link StatementCountingConfiguration}'s filter).
   */
  public static Counted<Void> ofRequest(String key) {
    Counted<Void> counted = BY_REQUEST.remove(key);
    if (counted == null) {
      throw new IllegalStateException("No request counted under " + key);
    }
    return counted;
  }

  static void recordRequest(String key, Counted<Void> counted) {
    BY_REQUEST.put(key, counted);
  }

  /**
   * A result and the statements that produced it, in order.
   *
   * @param sent each statement's SQL, and whether its connection was in autocommit mode (no
   *     transaction around it)
   */
  public record Counted<T>(T result, List<Sent> sent, List<String> ended) {

    /** How many statements produced the result. */
    public int statements() {
      return sent.size();
    }

    /**
     * How many database transactions: each commit or rollback ends one, and each statement run in
     * autocommit mode is one of its own.
     */
    public int transactions() {
      return ended.size() + (int) sent.stream().filter(Sent::autoCommit).count();
    }
  }

  /** One statement sent: its SQL, and whether it ran outside a transaction. */
  public record Sent(String sql, boolean autoCommit) {}

  /** The data source, wrapped so that statements are counted. */
  static DataSource counting(DataSource dataSource) {
    return ProxyDataSourceBuilder.create(dataSource)
        .name("counted")
        .listener(
            new QueryExecutionListener() {
              @Override
              public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {}

              @Override
              public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                List<Sent> sent = SENT.get();
                if (sent != null) {
                  boolean autoCommit = autoCommit(execInfo);
                  queryInfoList.forEach(q -> sent.add(new Sent(q.getQuery(), autoCommit)));
                }
              }
            })
        .methodListener(
            new MethodExecutionListener() {
              @Override
              public void beforeMethod(MethodExecutionContext context) {}

              @Override
              public void afterMethod(MethodExecutionContext context) {
                List<String> ended = ENDED.get();
                String method = context.getMethod().getName();
                if (ended != null
                    && context.getTarget() instanceof Connection
                    && (method.equals("commit") || method.equals("rollback"))) {
                  ended.add(method);
                }
              }
            })
        .build();
  }

  private static boolean autoCommit(ExecutionInfo execInfo) {
    try {
      return execInfo.getStatement().getConnection().getAutoCommit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
