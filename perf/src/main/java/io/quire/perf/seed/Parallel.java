package io.quire.perf.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs the seeders' units of work on a fixed pool; the first failure stops the rest. */
final class Parallel {

  private Parallel() {}

  /**
   * Runs the tasks on the pool and answers their results in the tasks' order. The first failure
   * cancels the rest and is thrown (a {@link RuntimeException} as it was, anything else as a {@link
   * SeedFailure}).
   */
  static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks)
      throws InterruptedException {
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(task));
    }
    List<T> results = new ArrayList<>(tasks.size());
    for (Future<T> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        throw e.getCause() instanceof RuntimeException runtime
            ? runtime
            : new SeedFailure("a task failed", e.getCause());
      }
    }
    return results;
  }
}
