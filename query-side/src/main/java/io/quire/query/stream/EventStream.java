package io.quire.query.stream;

import io.micrometer.core.instrument.Timer;
import io.quire.query.stream.Stamper.Head;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The exact event stream on this server: stamps committed events with their commit positions and
 * seals ({@link Stamper}), in the background and on demand.
 *
 * <ul>
 *   <li><b>In the background</b>, every {@code quire.stream.stamp-interval} (200 ms), a thread
 *       stamps what has committed since, unless another stamper (this server's readers, another
 *       server) holds the lock: then that one does it.
 *   <li><b>On demand</b>, {@link #catchUp()} (every read of the stream, the head and the verifier
 *       call it first) stamps every event committed before it was called, waiting for a stamper
 *       that holds the lock, so a read that starts after a write has answered shows that write.
 * </ul>
 *
 * <p>Stamping runs on a connection of its own, never in a caller's transaction, and commits at
 * once. On PostgreSQL its transaction carries {@code idle_in_transaction_session_timeout} and
 * {@code statement_timeout}: a stamper whose server is paused ({@code kill -STOP}) or cut off while
 * it holds the lock is ended by the database within seconds, its stamping rolls back, and the next
 * stamper takes over. A reader that cannot get the lock within {@code quire.stream.lock-wait} (15
 * s) answers from what is stamped, which is consistent but may be behind, and logs a warning.
 *
 * <p>None of this is a time guess: no position is ever given to an event that has not committed, so
 * nothing a reader has passed can appear behind it (see {@link Stamper}).
 */
@Component
public class EventStream implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  /** Events stamped per statement. */
  static final int BATCH = 500;

  private static final String ANY_UNSTAMPED =
      "SELECT global_index FROM audit_event WHERE position IS NULL LIMIT 1";

  private final DataSource dataSource;
  private final Duration interval;
  private final Duration lockWait;
  private final ReentrantLock localStamper = new ReentrantLock();
  private final Stamper stamper = new Stamper();
  private final StreamMetrics metrics;
  private volatile ScheduledExecutorService background;

  @Autowired
  public EventStream(
      DataSource dataSource,
      @Value("${quire.stream.stamp-interval:200ms}") Duration interval,
      @Value("${quire.stream.lock-wait:15s}") Duration lockWait,
      StreamMetrics metrics) {
    this.dataSource = dataSource;
    this.interval = interval;
    this.lockWait = lockWait;
    this.metrics = metrics;
  }

  /** A stream without meters (tests, tools). */
  public EventStream(DataSource dataSource, Duration interval, Duration lockWait) {
    this(dataSource, interval, lockWait, StreamMetrics.none());
  }

  /** A stream without background stamping (tests, tools): stamped by {@link #catchUp()} only. */
  public EventStream(DataSource dataSource) {
    this(dataSource, Duration.ZERO, Duration.ofSeconds(15));
  }

  /** The stream's meters, which its readers ({@code AuditQueries}, {@link Seals}) count on too. */
  public StreamMetrics metrics() {
    return metrics;
  }

  /**
   * Stamps every event committed before this call (waiting for another stamper, up to the lock
   * wait). Cheap when there is nothing to stamp: one index probe.
   */
  public void catchUp() {
    head();
  }

  /**
   * The newest position and its seal, after stamping what has committed (as {@link #catchUp()}).
   * The head and whether anything waits to be stamped are read in one statement, so a read with
   * nothing to stamp (the common case) costs one round trip.
   */
  public Head head() {
    try {
      StoredHead stored = storedHead();
      if (!stored.unstamped()) {
        return stored.head();
      }
      if (!stamp(false)) {
        LOG.warn(
            "The event stream could not be stamped within {}: another stamper holds the lock."
                + " Answering from the positions stamped so far.",
            lockWait);
      }
      return storedHead().head();
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the event stream's head failed", e);
    }
  }

  /** The stored head, and whether any committed event waits for a position. */
  private record StoredHead(Head head, boolean unstamped) {}

  private StoredHead storedHead() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement select = connection.createStatement();
        ResultSet row =
            select.executeQuery(
                "SELECT position, seal, EXISTS ("
                    + ANY_UNSTAMPED
                    + ") AS unstamped FROM event_stream_head")) {
      row.next();
      Head head = new Head(row.getLong("position"), row.getBytes("seal"));
      metrics.head(head.position());
      return new StoredHead(head, row.getBoolean("unstamped"));
    }
  }

  private boolean anyUnstamped() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement probe = connection.createStatement();
        ResultSet row = probe.executeQuery(ANY_UNSTAMPED)) {
      return row.next();
    }
  }

  /**
   * Stamps everything committed, in one transaction. In the background ({@code skipIfBusy}) it
   * gives up at once when another stamper is at work; a reader waits for it. Answers whether it
   * stamped (or found nothing to).
   */
  boolean stamp(boolean skipIfBusy) throws SQLException {
    Timer.Sample started = metrics.start();
    boolean locked;
    try {
      locked =
          skipIfBusy
              ? localStamper.tryLock()
              : localStamper.tryLock(lockWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      metrics.stamping(started, skipIfBusy, "busy", 0);
      return false;
    }
    if (!locked) {
      metrics.stamping(started, skipIfBusy, "busy", 0);
      return false;
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        Stamper.limitWaits(connection, lockWait);
        Optional<Head> lockedHead = Stamper.lockHead(connection, skipIfBusy);
        if (lockedHead.isEmpty()) {
          connection.rollback();
          metrics.stamping(started, skipIfBusy, "busy", 0);
          return false;
        }
        Head head = lockedHead.get();
        Head stamped = head;
        long after = 0;
        boolean more;
        do {
          Stamper.Batch batch = stamper.stampBatch(connection, stamped, after, BATCH);
          stamped = batch.head();
          after = batch.lastGlobalIndex();
          more = batch.stamped() == BATCH;
        } while (more);
        if (stamped.position() != head.position()) {
          Stamper.saveHead(connection, stamped);
        }
        connection.commit();
        metrics.stamping(started, skipIfBusy, "stamped", stamped.position() - head.position());
        metrics.head(stamped.position());
        return true;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        if (!skipIfBusy && SqlStates.isLockTimeout(e)) {
          metrics.stamping(started, skipIfBusy, "busy", 0);
          return false;
        }
        metrics.stamping(started, skipIfBusy, "failed", 0);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } finally {
      localStamper.unlock();
    }
  }

  private void stampInBackground() {
    try {
      if (anyUnstamped()) {
        stamp(true);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Stamping the event stream failed; trying again: {}", e.toString());
    }
  }

  @Override
  public void start() {
    try {
      // The head gauge starts at the stored head, not at 0.
      storedHead();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("The event stream's head could not be read at start: {}", e.toString());
    }
    if (interval.isZero() || interval.isNegative()) {
      return;
    }
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "event-stream-stamper");
              thread.setDaemon(true);
              return thread;
            });
    // stampInBackground catches and logs its own failures, so the schedule never ends on one; the
    // future would only tell of its cancellation at stop(), which shuts the executor down.
    ScheduledFuture<?> unused =
        executor.scheduleWithFixedDelay(
            this::stampInBackground,
            interval.toMillis(),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
    background = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = background;
    background = null;
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return background != null;
  }
}
