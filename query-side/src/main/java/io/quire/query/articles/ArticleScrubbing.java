package io.quire.query.articles;

import io.quire.kernel.accounts.UserPersonalDataErasedEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleRevisedEvent;
import io.quire.query.events.PersonalDataTraces;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scrubs {@code article_view} after an erasure, in the erasure's transaction: each article whose
 * title or body the erased person wrote gets both again from its events, where that person's text
 * now reads {@code "[erased]"}. The list's version moves with the row (the database's triggers), so
 * no kept page shows the text again. A rebuild needs none of this: it reads the events as they are.
 */
@Component
@ProcessingGroup(ArticleProjection.PROCESSING_GROUP)
public class ArticleScrubbing {

  private final NamedParameterJdbcTemplate jdbc;
  private final PersonalDataTraces traces;

  public ArticleScrubbing(NamedParameterJdbcTemplate jdbc, PersonalDataTraces traces) {
    this.jdbc = jdbc;
    this.traces = traces;
  }

  @EventHandler
  void on(UserPersonalDataErasedEvent event) {
    traces
        .eventsTouchedBy(event.userId(), ArticleDraftedEvent.class, ArticleRevisedEvent.class)
        .forEach(this::refold);
  }

  private void refold(String articleId, List<Object> events) {
    String title = null;
    String body = null;
    for (Object event : events) {
      if (event instanceof ArticleDraftedEvent drafted) {
        title = drafted.title();
        body = drafted.body();
      } else if (event instanceof ArticleRevisedEvent revised) {
        title = revised.title();
        body = revised.body();
      }
    }
    jdbc.update(
        "UPDATE article_view SET title = :title, body = :body WHERE article_id = :articleId",
        new MapSqlParameterSource("articleId", UUID.fromString(articleId))
            .addValue("title", title)
            .addValue("body", body));
  }
}
