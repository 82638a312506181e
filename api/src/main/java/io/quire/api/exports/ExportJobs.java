package io.quire.api.exports;

import io.quire.command.common.CommandRetries;
import io.quire.command.common.LoggingContext;
import io.quire.kernel.exports.CompleteExportCommand;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportStatus;
import io.quire.kernel.exports.ExportView;
import io.quire.kernel.exports.FailExportCommand;
import io.quire.kernel.exports.StartExportCommand;
import io.quire.query.exports.ExportFileException;
import io.quire.query.exports.ExportFiles;
import io.quire.query.exports.ExportQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background jobs that write export files, on a small bounded pool of threads ({@code
 * quire.exports.threads}, {@code quire.exports.queue-capacity}).
 *
 * <p>A job ({@link #run}) sends {@link StartExportCommand}; then, in one transaction, it streams
 * the export's rows through the file writer into {@code export_chunks}, sends {@link
 * CompleteExportCommand} with the row count and deletes the rows. If anything in that transaction
 * fails, it all rolls back and the job sends {@link FailExportCommand} with a reason people can
 * read (never a stack trace; the log has the details). {@link CompleteExportCommand} goes through a
 * gateway without retries ({@link CommandRetries#withoutRetries}), so that it commits with the file
 * or not at all; a lost race leaves the export running for the next sweep.
 *
 * <p>A requested export is never lost: its request commits it as {@code pending} before it is
 * dispatched ({@link ExportJobDispatcher}), and {@link #recover()} dispatches every export that is
 * still pending or running again, once when the application is ready and then every {@code
 * quire.exports.sweep-interval}. That covers a restart (a job that was running starts again from
 * the beginning, and first deletes the chunks its earlier run left), a full queue and a dispatch
 * lost in a crash between commit and dispatch. One server never runs two jobs of one export at
 * once.
 *
 * <p>With two or more servers, each one's sweep also finds the exports the others are writing. A
 * job locks the export's {@code export_view} row ({@code SELECT ... FOR UPDATE}) for its write
 * transaction, so jobs of one export write its file one after the other, never interleaved; a job
 * that gets the lock after another finished the file sees the export done and does nothing. The
 * cost: such a second job holds one of its server's threads, waiting, until the first commits, and
 * the export may record a second {@code ExportStartedEvent}. An export whose server died while it
 * was running is picked up by another server's next sweep.
 */
@Component
@EnableConfigurationProperties(ExportProperties.class)
public class ExportJobs implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ExportJobs.class);

  private final CommandGateway inTheWriteTransaction;
  private final ExportQueries queries;
  private final ExportFiles files;
  private final TransactionTemplate transactions;
  private final ExportProperties properties;
  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService sweeper;
  private final Set<ExportId> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;
  private volatile boolean running;

  ExportJobs(
      CommandBus commandBus,
      ExportQueries queries,
      ExportFiles files,
      PlatformTransactionManager transactionManager,
      ExportProperties properties) {
    this.inTheWriteTransaction = CommandRetries.withoutRetries(commandBus);
    this.queries = queries;
    this.files = files;
    this.transactions = new TransactionTemplate(transactionManager);
    this.properties = properties;
    this.executor =
        new ThreadPoolExecutor(
            properties.threads(),
            properties.threads(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(properties.queueCapacity()),
            threads("export-job-"));
    this.sweeper = Executors.newSingleThreadScheduledExecutor(threads("export-sweep-"));
  }

  /** Once the application is ready: recovers what a restart left, then sweeps periodically. */
  @EventListener(ApplicationReadyEvent.class)
  void startSweeping() {
    // As every later sweep: a failure (the database away for a moment) is logged and the next
    // sweep tries again, instead of ending the application's start.
    sweep();
    long interval = properties.sweepInterval().toMillis();
    // sweep() catches and logs its own failures, so the schedule never ends on one; the future
    // would only tell of its cancellation at stop(), which shuts the sweeper down.
    ScheduledFuture<?> unused =
        sweeper.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
  }

  /**
   * Dispatches every export that is pending or running and not being written by this server.
   *
   * @return how many were dispatched
   */
  public int recover() {
    int dispatched = 0;
    for (ExportId export : queries.unfinished()) {
      if (dispatch(export)) {
        dispatched++;
      }
    }
    return dispatched;
  }

  /**
   * Hands the export's job to the pool, unless this server is writing it already or the queue is
   * full (then a later sweep dispatches it).
   *
   * @return whether the job was handed over
   */
  public boolean dispatch(ExportId export) {
    if (stopping || !inFlight.add(export)) {
      return false;
    }
    try {
      // In the logging context of the dispatcher: the job of an export a request asked for logs,
      // and stamps its commands, with that request's id.
      executor.execute(
          LoggingContext.carriedTo(
              () -> {
                try {
                  run(export);
                } finally {
                  inFlight.remove(export);
                }
              }));
      return true;
    } catch (RejectedExecutionException e) {
      inFlight.remove(export);
      LOG.warn("Export {} stays pending: the export queue is full", export);
      return false;
    }
  }

  /** The job of one export, in the calling thread (see the class comment). */
  void run(ExportId export) {
    Optional<ExportView> view = queries.find(export);
    if (view.isEmpty() || finished(view.get().status())) {
      return;
    }
    try {
      underItsLock(export, new StartExportCommand(export));
    } catch (RuntimeException e) {
      if (!queries.find(export).map(v -> finished(v.status())).orElse(true)) {
        LOG.warn("Export {} could not start; the next sweep tries again", export, e);
      }
      return;
    }
    try {
      transactions.executeWithoutResult(
          tx -> {
            if (queries.lockStatus(export).orElse(null) != ExportStatus.RUNNING) {
              return;
            }
            long rows =
                files.write(export, view.get().format(), (int) properties.chunkSize().toBytes());
            inTheWriteTransaction.sendAndWait(new CompleteExportCommand(export, rows));
            files.discardRows(export);
          });
    } catch (RuntimeException e) {
      if (stopping) {
        LOG.info("Export {} was interrupted by the shutdown; it runs again at start-up", export);
        return;
      }
      if (CommandRetries.isRetryable(e)) {
        // Another server's job appended to this export at the same moment: nothing of this
        // transaction remains, and the next sweep runs the job again.
        LOG.info("Export {} lost a race with another server's job; the next sweep runs it", export);
        return;
      }
      LOG.warn("Export {} failed", export, e);
      try {
        underItsLock(export, new FailExportCommand(export, reason(e)));
      } catch (RuntimeException failing) {
        LOG.warn("Export {} could not be marked failed; the next sweep runs it again", export);
      }
    }
  }

  /**
   * Sends a command of the export's in a transaction that first locks its {@code export_view} row,
   * as the write transaction does, so that every transaction of an export takes the row before it
   * appends an event. Otherwise a start on one server appended its event and then waited for the
   * row that another server's write held, while that write's completion waited for the start's
   * uncommitted event at the same sequence number: a deadlock, ended by PostgreSQL after a second.
   */
  private void underItsLock(ExportId export, Object command) {
    CommandRetries.inTransactionRetried(
        transactions,
        () -> {
          queries.lockStatus(export);
          return inTheWriteTransaction.sendAndWait(command);
        });
  }

  /** Why a job failed, for the people who requested it: no stack trace, no SQL. */
  static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ExportFileException file) {
        return "The file could not be written: " + file.getMessage();
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessException) {
        return "The file could not be written: the database reported an error.";
      }
    }
    return "The file could not be written: an unexpected error occurred on the server.";
  }

  private static boolean finished(ExportStatus status) {
    return status == ExportStatus.DONE || status == ExportStatus.FAILED;
  }

  private void sweep() {
    try {
      recover();
    } catch (RuntimeException e) {
      LOG.warn("The export sweep failed; it runs again in {}", properties.sweepInterval(), e);
    }
  }

  @Override
  public void start() {
    // Jobs are dispatched once the application is ready (startSweeping) and after commits.
    running = true;
  }

  /**
   * Stops the jobs before anything else stops ({@link #getPhase()}): above all before Axon, whose
   * shutdown unsubscribes the subscribing projections while a command could still commit events, so
   * that an export completed in that moment was done in its events and "running" in its read model
   * for good. Jobs not started yet stay pending (the next start-up dispatches them); running ones
   * may finish for a while, then are interrupted, and their transactions roll back.
   */
  @Override
  public void stop() {
    stopping = true;
    sweeper.shutdownNow();
    executor.shutdown();
    List<Runnable> notStarted = new ArrayList<>();
    executor.getQueue().drainTo(notStarted);
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
        // Blocking JDBC calls do not heed the interrupt: a job still running may yet send its
        // commands, and Axon must still be up for them, so this waits for as long as it takes
        // (an orchestrator's kill ends it sooner, and a killed job's transaction rolls back).
        while (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warn("Export jobs are still running; the shutdown waits for them");
        }
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      running = false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** The highest phase: stopped first, while the web server, Axon and the database still run. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
