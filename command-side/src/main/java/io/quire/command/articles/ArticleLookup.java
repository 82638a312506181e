package io.quire.command.articles;

import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticleStatus;
import java.util.Optional;

/**
 * Which articles exist, in which status, as the command side knows it: aggregates other than {@link
 * Article} (comments, for one) take it as a command handler parameter.
 *
 * <p>It is the table {@code article_lookup}, written by {@link ArticleLookupUpdater} in the
 * transaction that appends the article's events, so it is never behind them and never depends on
 * read models that operators may rebuild.
 */
public interface ArticleLookup {

  /** The article's status, empty when there is no such article (or the id is {@code null}). */
  Optional<ArticleStatus> statusOf(ArticleId articleId);
}
