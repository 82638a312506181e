package io.quire.command.common;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a command is retried. Within one process Axon locks an aggregate while a command runs, so
 * two edits of one task take turns. Across processes, both may load the same version and the second
 * to append hits the event store's unique (aggregate, sequence) key: a {@link
 * ConcurrencyException}, after which its whole transaction (events and read models) has rolled
 * back. Such a command is sent again, up to {@value #MAX_RETRIES} times, and then sees the other's
 * events, so neither edit is lost. A transaction PostgreSQL chose as the victim of a deadlock or of
 * a serialization failure has rolled back entirely too, and is sent again the same way. Nothing
 * else is retried: a refusal (permission, last admin, a stale {@code If-Match}) is an answer, not a
 * failure.
 *
 * <p>The retry decision is this class's own ({@link #scheduler}), not Axon's {@code
 * IntervalRetryScheduler} with a predicate: Axon applies its non-transient predicate to every cause
 * of a failure as well, and the duplicate-key error under a real {@code ConcurrencyException} (no
 * {@code ConcurrencyException} itself) counted as "non-transient", so a lost race was never retried
 * and answered 500. {@code CommandRetriesTest} throws it with such a cause.
 */
public final class CommandRetries {

  static final int MAX_RETRIES = 3;
  static final int INTERVAL_MILLIS = 20;

  /** PostgreSQL's (and the SQL standard's) serialization failure, and deadlock detected. */
  private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01");

  private CommandRetries() {}

  /**
   * True for failures that a second attempt can cure: lost races to append an event, and
   * transactions rolled back as a deadlock's or a serialization failure's victim.
   */
  public static boolean isRetryable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConcurrencyException) {
        return true;
      }
      if (t instanceof SQLException sql && RETRYABLE_SQL_STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Retries {@linkplain #isRetryable retryable} failures on {@code executor}, up to {@value
   * #MAX_RETRIES} times, {@value #INTERVAL_MILLIS} ms times the attempt apart, in the logging
   * context of the first attempt ({@link LoggingContext}): a retry's log lines, and the request id
   * its command is given from that context, are the first attempt's.
   */
  public static RetryScheduler scheduler(ScheduledExecutorService executor) {
    return (command, lastFailure, failures, dispatch) -> {
      if (!isRetryable(lastFailure) || failures.size() > MAX_RETRIES) {
        return false;
      }
      try {
        // The retry's outcome reaches the sender through the command's callback, not this future.
        ScheduledFuture<?> unused =
            executor.schedule(
                LoggingContext.carriedTo(dispatch),
                (long) INTERVAL_MILLIS * failures.size(),
                TimeUnit.MILLISECONDS);
        return true;
      } catch (RejectedExecutionException shuttingDown) {
        return false;
      }
    };
  }

  /**
   * A gateway that never retries, for commands sent inside a transaction that something else owns
   * (a unit of work or a {@code TransactionTemplate}): a retry would run on the retry thread, in a
   * transaction of its own, and could commit while the caller's transaction rolls back. Such a
   * caller lets the lost race fail its whole transaction and tries it all again itself.
   */
  public static CommandGateway withoutRetries(CommandBus commandBus) {
    return DefaultCommandGateway.builder().commandBus(commandBus).build();
  }

  /**
   * Runs {@code work} in a transaction of the caller's own (whose commands go through {@link
   * #withoutRetries}), and runs that whole transaction again while it fails as a lost race or a
   * deadlock's victim would: it has rolled back entirely then, so running it again is safe, up to
   * {@value #MAX_RETRIES} more times.
   */
  public static <T> T inTransactionRetried(TransactionTemplate transaction, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> work.get());
      } catch (RuntimeException e) {
        if (attempt > MAX_RETRIES || !isRetryable(e)) {
          throw e;
        }
        pause((long) INTERVAL_MILLIS * attempt);
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to run a transaction again", e);
    }
  }

  /** The command gateway everything sends commands through. */
  public static CommandGateway gateway(CommandBus commandBus, ScheduledExecutorService executor) {
    return DefaultCommandGateway.builder()
        .commandBus(commandBus)
        .retryScheduler(scheduler(executor))
        .build();
  }
}
