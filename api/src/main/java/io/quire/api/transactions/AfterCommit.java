package io.quire.api.transactions;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules work to run after the current transaction commits: never before, and never if it rolls
 * back. All after-commit work in the application goes through {@link #run}, which registers a
 * Spring {@link TransactionSynchronization}; outside a transaction it refuses (an {@link
 * IllegalStateException}), so nobody starts work whose cause might still roll back.
 *
 * <p>The work runs in the committing thread, after the commit; an exception it throws is logged and
 * does not reach the committer (whose transaction has committed already). Work should be quick,
 * such as handing a job to an executor.
 *
 * <p>Tests capture the work instead of running it: {@link #interceptInThisThread} (used by the api
 * test-jar's {@code AfterCommitCallbacks}) hands the work that the calling thread schedules to a
 * sink at commit, in place of running it; other threads are not affected.
 */
public final class AfterCommit {

  private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);
  private static final ThreadLocal<Consumer<Runnable>> INTERCEPTOR = new ThreadLocal<>();

  private AfterCommit() {}

  /**
   * Runs {@code work} once the current transaction has committed.
   *
   * @throws IllegalStateException if no transaction is active in this thread
   */
  public static void run(Runnable work) {
    Objects.requireNonNull(work, "work");
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException(
          "After-commit work can only be scheduled inside a transaction");
    }
    Consumer<Runnable> interceptor = INTERCEPTOR.get();
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            if (interceptor != null) {
              interceptor.accept(work);
              return;
            }
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.error("After-commit work failed", e);
            }
          }
        });
  }

  /**
   * For tests: until the returned handle is closed, work scheduled by this thread is handed to
   * {@code sink} when its transaction commits, instead of being run (work of a rolled back
   * transaction still reaches nobody).
   */
  public static Interception interceptInThisThread(Consumer<Runnable> sink) {
    Objects.requireNonNull(sink, "sink");
    if (INTERCEPTOR.get() != null) {
      throw new IllegalStateException("This thread's after-commit work is intercepted already");
    }
    INTERCEPTOR.set(sink);
    return INTERCEPTOR::remove;
  }

  /** An interception in progress; closing it ends it. */
  @FunctionalInterface
  public interface Interception extends AutoCloseable {
    @Override
    void close();
  }
}
