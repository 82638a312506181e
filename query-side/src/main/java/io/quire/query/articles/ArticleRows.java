package io.quire.query.articles;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.kernel.articles.ArticleView;
import io.quire.query.sql.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps rows of {@code article_view} joined to the author's {@code user_directory} row to {@link
 * ArticleView}s: list items (no {@code body} column, a null body) and details.
 */
final class ArticleRows {

  /** A row of {@link ArticleListSql#LIST_ITEM_COLUMNS}: the body is null. */
  static final RowMapper<ArticleView> LIST_ITEM = (row, n) -> view(row, null);

  /** A row of {@link ArticleQueries}' detail: the list item's columns and {@code body}. */
  static final RowMapper<ArticleView> DETAIL = (row, n) -> view(row, row.getString("body"));

  private ArticleRows() {}

  /** A status from its wire name ({@code published}). */
  static ArticleStatus status(String wireName) {
    return ArticleStatus.valueOf(wireName.toUpperCase(Locale.ROOT));
  }

  private static ArticleView view(ResultSet row, String body) throws SQLException {
    return new ArticleView(
        new ArticleId(SqlValues.uuid(row, "article_id")),
        row.getString("title"),
        body,
        ArticleTags.split(row.getString("tags")),
        status(row.getString("status")),
        new UserSummary(
            new UserId(SqlValues.uuid(row, "author_id")), row.getString("author_username")),
        SqlValues.instant(row, "created_at"),
        SqlValues.instant(row, "updated_at"),
        SqlValues.instant(row, "published_at"),
        row.getLong("comment_count"),
        row.getLong("version"));
  }
}
