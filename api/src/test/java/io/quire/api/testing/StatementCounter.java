package io.quire.api.testing;

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

  private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

  private StatementCounter() {}

  /** Runs {@code work} and answers how many statements it sent, with its result. */
  public static <T> Counted<T> count(Supplier<T> work) {
    int[] count = {0};
    COUNT.set(count);
    try {
      T result = work.get();
      return new Counted<>(result, count[0]);
    } finally {
      COUNT.remove();
    }
  }

  /** A result and the number of statements that produced it. */
  public record Counted<T>(T result, int statements) {}

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
                int[] count = COUNT.get();
                if (count != null) {
                  count[0] += queryInfoList.size();
                }
              }
            })
        .build();
  }
}
