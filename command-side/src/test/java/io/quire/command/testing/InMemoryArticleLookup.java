package io.quire.command.testing;

import io.quire.command.articles.ArticleLookup;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticleStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ArticleLookup} the test fills by hand. */
public final class InMemoryArticleLookup implements ArticleLookup {

  private final Map<ArticleId, ArticleStatus> statuses = new ConcurrentHashMap<>();

  /** Makes the article exist in the status (replacing any status it had). */
  public InMemoryArticleLookup with(ArticleId articleId, ArticleStatus status) {
    statuses.put(articleId, status);
    return this;
  }

  @Override
  public Optional<ArticleStatus> statusOf(ArticleId articleId) {
    if (articleId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(statuses.get(articleId));
  }
}
