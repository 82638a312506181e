package io.quire.api.testing;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements the current thread sends through the application's data source.
 * Counting is per thread, so tests running at the same time do not disturb each other; run the code
 * under test on the calling thread (query handlers run on the caller's thread).
 */
public final class StatementCounter {

  private static final ThreadLocal<List<Sent>> SENT = new ThreadLocal<>();

  private StatementCounter() {}

  /** Runs {@code work} and answers how many statements it sent, with its result. */
  public static <T> Counted<T> count(Supplier<T> work) {
    List<Sent> sent = new ArrayList<>();
    SENT.set(sent);
    try {
      T result = work.get();
      return new Counted<>(result, List.copyOf(sent));
    } finally {
      SENT.remove();
    }
  }

  /**
   * A result and the statements that produced it, in order.
   *
   * @param sent each statement's SQL, and whether its connection was in autocommit mode (no
   *     transaction around it)
   */
  public record Counted<T>(T result, List<Sent> sent) {

    /** How many statements produced the result. */
    public int statements() {
      return sent.size();
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
