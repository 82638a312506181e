package io.quire.command.articles;

import io.quire.kernel.articles.ArticleArchivedEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticlePublishedEvent;
import io.quire.kernel.articles.ArticleStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code article_lookup} in step with the articles' events. Meant to run in a subscribing
 * processor (processing group {@value #PROCESSING_GROUP}), so each write commits or rolls back with
 * the events that caused it; {@link ArticleLookupConfiguration} makes its failures fail the command
 * instead of being logged and skipped. Every write is idempotent, so handling an event twice (a
 * replay) leaves the same rows.
 */
@Component
@ProcessingGroup(ArticleLookupUpdater.PROCESSING_GROUP)
public class ArticleLookupUpdater {

  public static final String PROCESSING_GROUP = "article-lookup";

  private final ArticleLookupTable table;

  ArticleLookupUpdater(ArticleLookupTable table) {
    this.table = table;
  }

  @EventHandler
  void on(ArticleDraftedEvent event) {
    table.put(event.articleId(), ArticleStatus.DRAFT);
  }

  @EventHandler
  void on(ArticlePublishedEvent event) {
    table.put(event.articleId(), ArticleStatus.PUBLISHED);
  }

  @EventHandler
  void on(ArticleArchivedEvent event) {
    table.put(event.articleId(), ArticleStatus.ARCHIVED);
  }

  @ResetHandler
  void reset() {
    table.clear();
  }
}
