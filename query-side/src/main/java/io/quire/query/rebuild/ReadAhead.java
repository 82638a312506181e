package io.quire.query.rebuild;

import io.quire.query.rebuild.HistoryPages.PositionedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Reads a rebuild's next page of history, and deserializes its events, on a thread and a connection
 * of its own while the rebuild applies the current page, so that reading and applying overlap.
 * Stamped events never change (positions are handed out once, and the events they point at are
 * never rewritten), so a page read on another connection, in another transaction, is the very page
 * the rebuild's own connection would read; it is applied in the rebuild's transaction as before.
 */
final class ReadAhead implements AutoCloseable {

  private final DataSource dataSource;
  private final HistoryPages history;
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "quire-rebuild-read");
            thread.setDaemon(true);
            return thread;
          });
  private Future<List<PositionedEvent>> next;
  private long nextFrom;
  private long nextTo;

  ReadAhead(DataSource dataSource, HistoryPages history) {
    this.dataSource = dataSource;
    this.history = history;
  }

  /**
   * The events at positions after {@code from} up to {@code upTo}: the page read ahead if it is
   * that one, else read now on {@code connection}.
   */
  List<PositionedEvent> page(Connection connection, long from, long upTo) throws SQLException {
    if (next != null && nextFrom == from && nextTo == upTo) {
      Future<List<PositionedEvent>> page = next;
      next = null;
      try {
        return page.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the history", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof SQLException sql) {
          throw sql;
        }
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(cause);
      }
    }
    forget();
    return history.read(connection, from, upTo);
  }

  /** Starts reading the page after {@code from} up to {@code upTo}. */
  void start(long from, long upTo) {
    forget();
    nextFrom = from;
    nextTo = upTo;
    next =
        reader.submit(
            () -> {
              try (Connection connection = dataSource.getConnection()) {
                return history.read(connection, from, upTo);
              }
            });
  }

  private void forget() {
    if (next != null) {
      next.cancel(false);
      next = null;
    }
  }

  @Override
  public void close() {
    forget();
    reader.shutdownNow();
  }
}
