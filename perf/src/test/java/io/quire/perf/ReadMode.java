package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;

import io.gatling.javaapi.core.ChainBuilder;
import java.util.Locale;

/**
 * What one {@link PublicReader} visit does, chosen with {@code -Dquire.reads=} (default {@code
 * mix}). {@code mix} is the realistic reader; the others load one endpoint alone, so that its
 * throughput can be compared with the trivial endpoint's ({@link Baseline}). Each mode has its own
 * default budgets: regression guards at about 1.5x the p95 and p99 and 0.8x the requests/s measured
 * on the reference machine on 2026-11-22 with 20,000 articles (docs/performance.md).
 */
enum ReadMode {
  /** A list page (50%), a search (25%) or a tag filter (25%), then one listed article's detail. */
  MIX(new Budgets(600, 1500, 200)) {
    @Override
    ChainBuilder visit(LoadProfile profile) {
      return exec(randomSwitch()
              .on(
                  percent(50.0).then(ArticleReads.listPage()),
                  percent(25.0).then(ArticleReads.search()),
                  percent(25.0).then(ArticleReads.tag())))
          .exec(ArticleReads.detailOfListed());
    }
  },
  /** A page of the published list, pages 1 to 5. */
  LIST(new Budgets(60, 120, 650)) {
    @Override
    ChainBuilder visit(LoadProfile profile) {
      return ArticleReads.listPage();
    }
  },
  /** A {@code ?q=} search. */
  SEARCH(new Budgets(1500, 2000, 35)) {
    @Override
    ChainBuilder visit(LoadProfile profile) {
      return ArticleReads.search();
    }
  },
  /** A {@code ?tag=} filter. */
  TAG(new Budgets(70, 120, 450)) {
    @Override
    ChainBuilder visit(LoadProfile profile) {
      return ArticleReads.tag();
    }
  },
  /** An article's detail; the ids come from the first 20 pages of 100 of the list. */
  DETAIL(new Budgets(10, 20, 2900)) {
    @Override
    ChainBuilder visit(LoadProfile profile) {
      return feed(ArticleReads.column("articleId", ListedIds.firstPages(profile.baseUrl(), 20)))
          .exec(ArticleReads.detail());
    }
  };

  private final Budgets defaultBudgets;

  ReadMode(Budgets defaultBudgets) {
    this.defaultBudgets = defaultBudgets;
  }

  abstract ChainBuilder visit(LoadProfile profile);

  Budgets budgets() {
    return defaultBudgets.overriddenBySystemProperties();
  }

  static ReadMode fromSystemProperties() {
    return valueOf(System.getProperty("quire.reads", "mix").toUpperCase(Locale.ROOT));
  }
}
