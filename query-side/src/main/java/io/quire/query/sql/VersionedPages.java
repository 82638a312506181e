package io.quire.query.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Pages of a list, kept by the question asked and the version of the list they were computed at: a
 * number that a database trigger bumps in the transaction of every change to the rows the list
 * shows ({@code task_list_versions} per org, V6; {@code article_list_version}, V10). A page is
 * served again only while the list still has that version, so it is never stale: a write that has
 * answered has bumped the version, and every read that starts afterwards asks with the new one
 * (read-your-writes). The version must be read before the page is computed; a page computed then
 * holds at least that version's state. Pages of versions that have passed are never asked for again
 * and make room as the cache fills.
 *
 * <p>At most {@code maxItems} items in all are kept (a page weighs its number of items, plus one).
 * Evictions run on the calling thread.
 *
 * @param <Q> the question (a query record, compared by value)
 * @param <P> the page
 */
public final class VersionedPages<Q, P> {

  /** A question and the version of the list its answer holds. */
  private record Key<Q>(Q query, long version) {}

  private final Cache<Key<Q>, P> pages;

  /** At most {@code maxItems} items, a page weighing {@code items.applyAsInt(page)} + 1. */
  public VersionedPages(long maxItems, ToIntFunction<P> items) {
    this.pages =
        Caffeine.newBuilder()
            .maximumWeight(maxItems)
            .<Key<Q>, P>weigher((key, page) -> 1 + items.applyAsInt(page))
            .executor(Runnable::run)
            .build();
  }

  /** The page for the question at this version of the list: kept, or computed and kept. */
  public P page(Q query, long version, Supplier<P> compute) {
    return pages.get(new Key<>(query, version), key -> compute.get());
  }
}
