package io.quire.command.common;

import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * When a command is retried. Within one process Axon locks an aggregate while a command runs, so
 * two edits of one task take turns. Across processes, both may load the same version and the second
 * to append hits the event store's unique (aggregate, sequence) key: a {@link
 * ConcurrencyException}, after which its whole transaction (events and read models) has rolled
 * back. Such a command is sent again, up to {@value #MAX_RETRIES} times, and then sees the other's
 * events, so neither edit is lost. Nothing else is retried: a refusal (permission, last admin, a
 * stale {@code If-Match}) is an answer, not a failure.
 */
public final class CommandRetries {

  static final int MAX_RETRIES = 3;
  static final int INTERVAL_MILLIS = 20;

  private CommandRetries() {}

  /** True for failures that a second attempt can cure: lost races to append an event. */
  public static boolean isRetryable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConcurrencyException) {
        return true;
      }
    }
    return false;
  }

  /** Retries {@linkplain #isRetryable retryable} failures on {@code executor}. */
  public static RetryScheduler scheduler(ScheduledExecutorService executor) {
    return IntervalRetryScheduler.builder()
        .retryExecutor(executor)
        .maxRetryCount(MAX_RETRIES)
        .retryInterval(INTERVAL_MILLIS)
        .nonTransientFailurePredicate(failure -> !isRetryable(failure))
        .build();
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

  /** The command gateway everything sends commands through. */
  public static CommandGateway gateway(CommandBus commandBus, ScheduledExecutorService executor) {
    return DefaultCommandGateway.builder()
        .commandBus(commandBus)
        .retryScheduler(scheduler(executor))
        .build();
  }
}
