package io.quire.query.comments;

import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.comments.CommentApprovedEvent;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentPostedEvent;
import io.quire.kernel.comments.CommentRejectedEvent;
import io.quire.kernel.comments.CommentStatus;
import io.quire.query.sql.SqlValues;
import io.quire.query.sql.VersionedRows;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code comment_view} (one row per comment) from the comment aggregate's events, and keeps
 * {@code article_view.comment_count}, the number of the article's approved comments: a posted
 * comment is {@code pending} at version 1; an approval or rejection sets the status (and the
 * rejection's reason, cleared by an approval) and {@code version}. The count goes up by one when a
 * comment becomes approved (not when an approved one is approved again) and down by one when an
 * approved comment is rejected. The article's {@code version} and {@code updated_at} never change
 * here: they count and date the article's own events.
 *
 * <p>Runs in a subscribing processor: each handler runs in the transaction that appends the event,
 * so reads after a command see its effect, and a handler that throws rolls the command back. Each
 * event is applied once, in order, guarded by {@code comment_view.version} (see {@link
 * VersionedRows}): a replayed event changes neither the comment nor the count, a lost one is an
 * error, and so is a count change for an article {@code article_view} does not hold.
 */
@Component
@ProcessingGroup(CommentProjection.PROCESSING_GROUP)
public class CommentProjection {

  /** The processing group (and the read model's name in the projections admin API). */
  public static final String PROCESSING_GROUP = "comments";

  private final NamedParameterJdbcTemplate jdbc;
  private final VersionedRows comments;

  public CommentProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.comments = new VersionedRows(jdbc, "comment_view", "comment_id");
  }

  @EventHandler
  void on(CommentPostedEvent event, @SequenceNumber long sequence) {
    if (!comments.isNew(event.commentId().value())) {
      return;
    }
    jdbc.update(
        """
        INSERT INTO comment_view (comment_id, article_id, author_id, body, status,
                                  rejection_reason, created_at, version)
        VALUES (:commentId, :articleId, :authorId, :body, :status,
                NULL, :createdAt, :version)
        """,
        new MapSqlParameterSource("commentId", event.commentId().value())
            .addValue("articleId", event.articleId().value())
            .addValue("authorId", event.author().value())
            .addValue("body", event.body())
            .addValue("status", CommentStatus.PENDING.wireName())
            .addValue("createdAt", SqlValues.timestamp(event.postedAt()))
            .addValue("version", sequence + 1));
  }

  @EventHandler
  void on(CommentApprovedEvent event, @SequenceNumber long sequence) {
    moderate(event.commentId(), event.articleId(), sequence, CommentStatus.APPROVED, null);
  }

  @EventHandler
  void on(CommentRejectedEvent event, @SequenceNumber long sequence) {
    moderate(
        event.commentId(), event.articleId(), sequence, CommentStatus.REJECTED, event.reason());
  }

  /**
   * Empties the read model before a replay, and zeroes the counts it keeps in {@code article_view}
   * (the replay counts them again).
   */
  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("DELETE FROM comment_view");
    jdbc.getJdbcTemplate()
        .update("UPDATE article_view SET comment_count = 0 WHERE comment_count <> 0");
  }

  /**
   * Applies a moderation event: the new status and reason, then the count change of a move into or
   * out of {@code approved}. Nothing at all if the event was applied before.
   */
  private void moderate(
      CommentId commentId,
      ArticleId articleId,
      long sequence,
      CommentStatus status,
      String reason) {
    Optional<CommentStatus> before = statusBefore(commentId, articleId, sequence);
    if (before.isEmpty()) {
      return;
    }
    MapSqlParameterSource values = new MapSqlParameterSource("status", status.wireName());
    SqlValues.addText(values, "reason", reason);
    if (!comments.update(
        commentId.value(), sequence, "status = :status, rejection_reason = :reason", values)) {
      return;
    }
    int delta = approved(status) - approved(before.get());
    if (delta != 0) {
      changeCommentCount(articleId, delta, commentId);
    }
  }

  /**
   * The comment's status before event {@code sequence}; empty if that event was applied before.
   *
   * @throws IllegalStateException if the comment is missing, events before this one are missing, or
   *     the event names another article than the comment's
   */
  private Optional<CommentStatus> statusBefore(
      CommentId commentId, ArticleId articleId, long sequence) {
    List<CommentRow> rows =
        jdbc.query(
            "SELECT article_id, status, version FROM comment_view WHERE comment_id = :commentId",
            new MapSqlParameterSource("commentId", commentId.value()),
            (row, n) ->
                new CommentRow(
                    SqlValues.uuid(row, "article_id"),
                    CommentStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                    row.getLong("version")));
    Optional<CommentRow> row = SqlValues.atMostOne(rows);
    if (row.isEmpty()) {
      throw new IllegalStateException(
          "comment_view has no row "
              + commentId
              + " for its event "
              + sequence
              + ": events are missing");
    }
    CommentRow comment = row.get();
    if (!comment.articleId().equals(articleId.value())) {
      throw new IllegalStateException(
          "comment "
              + commentId
              + " is on article "
              + comment.articleId()
              + " but its event "
              + sequence
              + " names article "
              + articleId);
    }
    if (comment.version() > sequence) {
      return Optional.empty();
    }
    if (comment.version() < sequence) {
      throw new IllegalStateException(
          "comment_view row "
              + commentId
              + " is at version "
              + comment.version()
              + " but got event "
              + sequence
              + ": events are missing");
    }
    return Optional.of(comment.status());
  }

  /** Adds {@code delta} to the article's count of approved comments (its version stays). */
  private void changeCommentCount(ArticleId articleId, int delta, CommentId commentId) {
    int updated =
        jdbc.update(
            "UPDATE article_view SET comment_count = comment_count + :delta"
                + " WHERE article_id = :articleId",
            new MapSqlParameterSource("articleId", articleId.value()).addValue("delta", delta));
    if (updated != 1) {
      throw new IllegalStateException(
          "article_view has no row "
              + articleId
              + " to count comment "
              + commentId
              + " in: events are missing");
    }
  }

  private static int approved(CommentStatus status) {
    return status == CommentStatus.APPROVED ? 1 : 0;
  }

  /** What a moderation event needs to know of the comment's row. */
  private record CommentRow(UUID articleId, CommentStatus status, long version) {}
}
