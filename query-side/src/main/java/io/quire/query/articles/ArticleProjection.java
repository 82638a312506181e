package io.quire.query.articles;

import io.quire.kernel.articles.ArticleArchivedEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePublishedEvent;
import io.quire.kernel.articles.ArticleRevisedEvent;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.query.sql.SqlValues;
import io.quire.query.sql.VersionedRows;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code article_view} (one row per article, any status) and {@code article_tag} (one row
 * per tag of an article, for {@code ?tag=}) from the article aggregate's events: a drafted article
 * is a {@code draft} at version 1; a revision replaces title, body and tags; publishing sets {@code
 * published_at}; archiving keeps it. Each sets {@code updated_at} (the event's own time) and {@code
 * version} (its sequence number + 1). {@code article_tag.published_at} mirrors the article's while
 * it is published and is null otherwise, so the tag filter walks one index in list order.
 *
 * <p>{@code comment_count} is {@link io.quire.query.comments.CommentProjection}'s: the article's
 * events never change it, except that a new row starts with the approved comments already in {@code
 * comment_view} (none, unless this read model is rebuilt on its own), so a rebuild of the articles
 * keeps the counts.
 *
 * <p>Runs in a subscribing processor: each handler runs in the transaction that appends the event,
 * so reads after a command see its effect, and a handler that throws rolls the command back. Each
 * event is applied once, in order, guarded by {@code article_view.version} (see {@link
 * VersionedRows}): a replayed event changes nothing, a lost one is an error.
 */
@Component
@ProcessingGroup(ArticleProjection.PROCESSING_GROUP)
public class ArticleProjection {

  /** The processing group (and the read model's name in the projections admin API). */
  public static final String PROCESSING_GROUP = "articles";

  /** One tag; its {@code published_at} is the article's if the article is published. */
  private static final String INSERT_TAG =
      """
      INSERT INTO article_tag (article_id, tag, position, published_at)
      VALUES (:articleId, :tag, :position,
              (SELECT a.published_at FROM article_view a
               WHERE a.article_id = :articleId AND a.status = 'published'))
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final VersionedRows articles;

  public ArticleProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.articles = new VersionedRows(jdbc, "article_view", "article_id");
  }

  @EventHandler
  void on(ArticleDraftedEvent event, @SequenceNumber long sequence) {
    if (!articles.isNew(event.articleId().value())) {
      return;
    }
    jdbc.update(
        """
        INSERT INTO article_view (article_id, author_id, title, body, tags, status, created_at,
                                  updated_at, published_at, comment_count, version)
        VALUES (:articleId, :authorId, :title, :body, :tags, :status, :createdAt,
                :createdAt, NULL,
                (SELECT COUNT(*) FROM comment_view c
                 WHERE c.article_id = :articleId AND c.status = 'approved'),
                :version)
        """,
        article(event.articleId())
            .addValue("authorId", event.author().value())
            .addValue("title", event.title())
            .addValue("body", event.body())
            .addValue("tags", ArticleTags.join(event.tags()))
            .addValue("status", ArticleStatus.DRAFT.wireName())
            .addValue("createdAt", SqlValues.timestamp(event.createdAt()))
            .addValue("version", sequence + 1));
    insertTags(event.articleId(), event.tags());
  }

  @EventHandler
  void on(ArticleRevisedEvent event, @SequenceNumber long sequence) {
    if (!change(
        event.articleId(),
        sequence,
        event.revisedAt(),
        "title = :title, body = :body, tags = :tags",
        new MapSqlParameterSource("title", event.title())
            .addValue("body", event.body())
            .addValue("tags", ArticleTags.join(event.tags())))) {
      return;
    }
    jdbc.update(
        "DELETE FROM article_tag WHERE article_id = :articleId", article(event.articleId()));
    insertTags(event.articleId(), event.tags());
  }

  @EventHandler
  void on(ArticlePublishedEvent event, @SequenceNumber long sequence) {
    MapSqlParameterSource publishedAt =
        new MapSqlParameterSource("publishedAt", SqlValues.timestamp(event.publishedAt()))
            .addValue("status", ArticleStatus.PUBLISHED.wireName());
    if (!change(
        event.articleId(),
        sequence,
        event.publishedAt(),
        "status = :status, published_at = :publishedAt",
        publishedAt)) {
      return;
    }
    jdbc.update(
        "UPDATE article_tag SET published_at = :publishedAt WHERE article_id = :articleId",
        article(event.articleId()).addValues(publishedAt.getValues()));
  }

  @EventHandler
  void on(ArticleArchivedEvent event, @SequenceNumber long sequence) {
    if (!change(
        event.articleId(),
        sequence,
        event.archivedAt(),
        "status = :status",
        new MapSqlParameterSource("status", ArticleStatus.ARCHIVED.wireName()))) {
      return;
    }
    jdbc.update(
        "UPDATE article_tag SET published_at = NULL WHERE article_id = :articleId",
        article(event.articleId()));
  }

  /** Empties the read model before a replay. */
  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("DELETE FROM article_tag");
    jdbc.getJdbcTemplate().update("DELETE FROM article_view");
  }

  /** Applies event {@code sequence} to the article's row; false if it was applied before. */
  private boolean change(
      ArticleId articleId,
      long sequence,
      Instant occurredAt,
      String assignments,
      MapSqlParameterSource values) {
    return articles.update(
        articleId.value(),
        sequence,
        assignments + ", updated_at = :updatedAt",
        values.addValue("updatedAt", SqlValues.timestamp(occurredAt)));
  }

  /** The article's tags as rows, in one batch. */
  private void insertTags(ArticleId articleId, List<String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        INSERT_TAG,
        IntStream.range(0, tags.size())
            .mapToObj(i -> article(articleId).addValue("tag", tags.get(i)).addValue("position", i))
            .toArray(MapSqlParameterSource[]::new));
  }

  private static MapSqlParameterSource article(ArticleId articleId) {
    return new MapSqlParameterSource("articleId", articleId.value());
  }
}
