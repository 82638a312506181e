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
 * throughput can be compared with the stack floor read's ({@link StackFloor}); {@link #budgets()}
 * says what each mode must reach.
 */
enum ReadMode {
  /** A list page (50%), a search (25%) or a tag filter (25%), then one listed article's detail. */
  MIX {
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
  LIST {
    @Override
    ChainBuilder visit(LoadProfile profile) {
      return ArticleReads.listPage();
    }
  },
  /** A {@code ?q=} search. */
  SEARCH {
    @Override
    ChainBuilder visit(LoadProfile profile) {
      return ArticleReads.search();
    }
  },
  /** A {@code ?tag=} filter. */
  TAG {
    @Override
    ChainBuilder visit(LoadProfile profile) {
      return ArticleReads.tag();
    }
  },
  /** An article's detail; the ids come from the first 20 pages of 100 of the list. */
  DETAIL {
    @Override
    ChainBuilder visit(LoadProfile profile) {
      return feed(ArticleReads.column("articleId", ListedIds.firstPages(profile.baseUrl(), 20)))
          .exec(ArticleReads.detail());
    }
  };

  abstract ChainBuilder visit(LoadProfile profile);

  /**
   * This mode's budgets: the request it loads alone reaches its share of the stack floor read's
   * requests/s (60% for a list-like read, 80% for a detail), and every request's p95 is at most
   * twice the floor read's.
   */
  Budgets budgets() {
    Budgets budgets = new Budgets(Baselines.fromSystemProperties(Baselines.Needs.READ));
    return switch (this) {
      case MIX ->
          budgets
              .latencyOfFloorRead(ArticleReads.LIST, 2)
              .latencyOfFloorRead(ArticleReads.SEARCH, 2)
              .latencyOfFloorRead(ArticleReads.TAG, 2)
              .latencyOfFloorRead(ArticleReads.DETAIL, 2);
      case LIST -> alone(budgets, ArticleReads.LIST, 0.60);
      case SEARCH -> alone(budgets, ArticleReads.SEARCH, 0.60);
      case TAG -> alone(budgets, ArticleReads.TAG, 0.60);
      case DETAIL -> alone(budgets, ArticleReads.DETAIL, 0.80);
    };
  }

  private static Budgets alone(Budgets budgets, String request, double share) {
    return budgets.throughputOfFloorRead(request, share).latencyOfFloorRead(request, 2);
  }

  static ReadMode fromSystemProperties() {
    return valueOf(System.getProperty("quire.reads", "mix").toUpperCase(Locale.ROOT));
  }
}
