package io.quire.query.tasks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quire.kernel.tasks.ListTasksQuery;
import io.quire.kernel.tasks.TaskPage;
import java.util.function.Supplier;

/**
 * Pages of task lists, kept by the question asked and the version of the org's list they were
 * computed at ({@code task_list_versions}, which triggers bump in the transaction of every change
 * to one of the org's tasks). A page is served again only while its org's list still has that
 * version, so it is never stale: a write that has answered has bumped the version, and every read
 * that starts afterwards asks with the new one (read-your-writes). Pages of versions that have
 * passed are never asked for again and make room as the cache fills.
 *
 * <p>At most {@value #MAX_TASKS} tasks in all are kept (a page weighs its number of tasks, plus
 * one), a few tens of MiB of heap. Evictions run on the calling thread.
 */
final class TaskPageCache {

  static final long MAX_TASKS = 100_000;

  /** A list question and the version of the org's list its answer holds. */
  private record Key(ListTasksQuery query, long version) {}

  private final Cache<Key, TaskPage> pages;

  TaskPageCache(long maxTasks) {
    this.pages =
        Caffeine.newBuilder()
            .maximumWeight(maxTasks)
            .<Key, TaskPage>weigher((key, page) -> 1 + page.results().size())
            .executor(Runnable::run)
            .build();
  }

  /** The page for the question at this version of the org's list: kept, or computed and kept. */
  TaskPage page(ListTasksQuery query, long version, Supplier<TaskPage> compute) {
    return pages.get(new Key(query, version), key -> compute.get());
  }
}
