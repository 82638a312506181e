package io.quire.query.comments;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentPage;
import io.quire.kernel.comments.CommentStatus;
import io.quire.kernel.comments.CommentView;
import io.quire.kernel.comments.FindCommentQuery;
import io.quire.kernel.comments.ListApprovedCommentsQuery;
import io.quire.kernel.comments.ListCommentsForModerationQuery;
import io.quire.query.sql.PageWindow;
import io.quire.query.sql.SqlValues;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the comment queries from {@code comment_view}, with the author's name joined in from
 * {@code user_directory} (an author missing from the directory shows with a null username). Every
 * list is one statement for the page plus one {@code COUNT}, whatever the page size, oldest first
 * with ties broken by {@code comment_id}, so pages never overlap.
 */
@Component
public class CommentQueries {

  private static final String COMMENTS =
      """
      SELECT c.comment_id, c.article_id, c.body, c.author_id, u.username AS author_username,
             c.status, c.rejection_reason, c.created_at
      FROM comment_view c
      LEFT JOIN user_directory u ON u.id = c.author_id
      """;

  private static final String OLDEST_FIRST =
      "\nORDER BY c.created_at ASC, c.comment_id ASC LIMIT :limit OFFSET :offset";

  private static final RowMapper<CommentView> COMMENT_VIEW =
      (row, n) ->
          new CommentView(
              new CommentId(SqlValues.uuid(row, "comment_id")),
              new ArticleId(SqlValues.uuid(row, "article_id")),
              row.getString("body"),
              new UserSummary(
                  new UserId(SqlValues.uuid(row, "author_id")), row.getString("author_username")),
              CommentStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
              row.getString("rejection_reason"),
              SqlValues.instant(row, "created_at"));

  private final NamedParameterJdbcTemplate jdbc;

  public CommentQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A page of the article's approved comments, oldest first, and how many it has (none for an
   * unknown article).
   */
  @QueryHandler
  public CommentPage handle(ListApprovedCommentsQuery query) {
    String where = "WHERE c.article_id = :articleId AND c.status = 'approved'";
    return page(
        where,
        new MapSqlParameterSource("articleId", query.articleId().value()),
        PageWindow.of(query.page(), query.pageSize()));
  }

  /**
   * A page of the comments in one moderation state (every comment for a null status), oldest first,
   * and how many there are.
   */
  @QueryHandler
  public CommentPage handle(ListCommentsForModerationQuery query) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String where = "";
    if (query.status() != null) {
      where = "WHERE c.status = :status";
      params.addValue("status", query.status().wireName());
    }
    return page(where, params, PageWindow.of(query.page(), query.pageSize()));
  }

  /** One comment, whatever its status; empty if there is no such comment. */
  @QueryHandler
  public Optional<CommentView> handle(FindCommentQuery query) {
    return SqlValues.atMostOne(
        jdbc.query(
            COMMENTS + "WHERE c.comment_id = :commentId",
            new MapSqlParameterSource("commentId", query.commentId().value()),
            COMMENT_VIEW));
  }

  private CommentPage page(String where, MapSqlParameterSource params, PageWindow window) {
    params.addValue("limit", window.limit()).addValue("offset", window.offset());
    Long count =
        jdbc.queryForObject("SELECT COUNT(*) FROM comment_view c " + where, params, Long.class);
    return new CommentPage(
        count == null ? 0 : count,
        jdbc.query(COMMENTS + where + OLDEST_FIRST, params, COMMENT_VIEW));
  }
}
