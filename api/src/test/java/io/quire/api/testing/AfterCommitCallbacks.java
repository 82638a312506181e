package io.quire.api.testing;

import io.quire.api.transactions.AfterCommit;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures the work that transactions of the calling thread schedule to run after they commit
 * ({@link AfterCommit}), in the spirit of Django's {@code captureOnCommitCallbacks}: only work of
 * transactions that commit is captured (a rolled back one schedules nothing), other threads (the
 * server's request threads, other tests) are not affected, and {@link #execute()} runs the captured
 * work in this thread, with whatever that work schedules in turn, until none is left.
 *
 * <pre>{@code
 * try (AfterCommitCallbacks callbacks = AfterCommitCallbacks.capture()) {
 *   transactions.executeWithoutResult(tx -> commands.sendAndWait(command));
 *   assertThat(callbacks.captured()).hasSize(1);
 *   callbacks.execute();
 * }
 * }</pre>
 *
 * Or in one call: {@link #captureOnCommit(boolean, Runnable)}.
 */
public final class AfterCommitCallbacks implements AutoCloseable {

  private final List<Runnable> pending = new ArrayList<>();
  private final List<Runnable> captured = new ArrayList<>();
  private final AfterCommit.Interception interception;

  private AfterCommitCallbacks() {
    this.interception =
        AfterCommit.interceptInThisThread(
            work -> {
              pending.add(work);
              captured.add(work);
            });
  }

  /** Starts capturing this thread's after-commit work, until {@link #close()}. */
  public static AfterCommitCallbacks capture() {
    return new AfterCommitCallbacks();
  }

  /**
   * Runs {@code body} capturing its after-commit work and, if {@code execute}, runs that work (and
   * what it schedules in turn) afterwards; answers everything captured.
   */
  public static List<Runnable> captureOnCommit(boolean execute, Runnable body) {
    try (AfterCommitCallbacks callbacks = capture()) {
      body.run();
      if (execute) {
        callbacks.execute();
      }
      return callbacks.captured();
    }
  }

  /** All work captured so far, in the order its transactions committed (executed or not). */
  public List<Runnable> captured() {
    return List.copyOf(captured);
  }

  /**
   * Runs the captured work that has not run yet, in this thread, and then the work that it captures
   * in turn, until none is left.
   *
   * @return how many pieces of work ran
   */
  public int execute() {
    int ran = 0;
    while (!pending.isEmpty()) {
      pending.remove(0).run();
      ran++;
    }
    return ran;
  }

  /** Stops capturing; work captured and not executed is dropped. */
  @Override
  public void close() {
    interception.close();
  }
}
