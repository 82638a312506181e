package io.quire.query.articles;

import io.quire.kernel.articles.ListPublishedArticlesQuery;
import io.quire.kernel.privacy.PersonalData;
import io.quire.query.sql.LikePattern;
import io.quire.query.sql.PageWindow;
import io.quire.query.sql.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The two statements of one page of the published articles: the page ({@link #pageSql}, without
 * bodies, with the authors' names joined in) and the total ({@link #countSql}), with their
 * parameters. Only the filters given appear in the SQL (no {@code :x IS NULL OR ...}); a null or
 * empty filter is no filter. Pure: renders SQL, runs nothing.
 *
 * <p>Newest {@code published_at} first, ties by {@code article_id} descending, so the order is
 * total and pages never overlap or skip an article. {@code status = 'published'} is a literal, so
 * PostgreSQL can use the partial indexes that hold published articles only:
 *
 * <ul>
 *   <li>no filter: {@code article_view_published_idx}, read backwards;
 *   <li>{@code ?tag=}: a join on {@code article_tag}, ordered by its copy of {@code published_at}
 *       ({@code article_tag_published_idx} is in list order for one tag); a tag alone is counted
 *       from {@code article_tag} only ({@link #TAG_COUNT});
 *   <li>{@code ?author=}: the author's id, looked up once in {@code user_directory} by {@code
 *       lower(username)} (a scalar subquery: usernames are unique in any letter case, and an
 *       unknown one matches nothing), then {@code article_view_author_published_idx} in list order,
 *       so even an author of thousands of articles costs a page, not a sort;
 *   <li>{@code ?q=}: title or body, case-insensitive and literal ({@link LikePattern}), by the
 *       trigram indexes on PostgreSQL ({@link SqlDialect}).
 * </ul>
 */
record ArticleListSql(String pageSql, String countSql, MapSqlParameterSource params) {

  /** The columns of a list item: everything but the body, as {@link ArticleRows} maps them. */
  static final String LIST_ITEM_COLUMNS =
      """
      SELECT a.article_id, a.title, a.tags, a.status, a.author_id, u.username AS author_username,
             a.created_at, a.updated_at, a.published_at, a.comment_count, a.version
      """;

  /**
   * The count of a tag alone, from {@code article_tag} without {@code article_view}: a tag row's
   * {@code published_at} is set exactly while its article is published ({@link ArticleProjection}),
   * so its published entries are the tag's published articles. One index range of the tag instead
   * of a join with every published article (22 ms -> a few ms for a tag of 39,000 of 100,000
   * articles; docs/performance.md).
   */
  static final String TAG_COUNT =
      "SELECT COUNT(*)\nFROM article_tag t\nWHERE t.tag = :tag\n  AND t.published_at IS NOT NULL";

  static ArticleListSql of(ListPublishedArticlesQuery query, SqlDialect dialect) {
    PageWindow window = PageWindow.of(query.page(), query.pageSize());
    MapSqlParameterSource params = new MapSqlParameterSource();
    String tagJoin = "";
    String orderBy = "a.published_at DESC, a.article_id DESC";
    List<String> conditions = new ArrayList<>();
    conditions.add("a.status = 'published'");
    if (given(query.tag())) {
      tagJoin = "JOIN article_tag t ON t.article_id = a.article_id\n";
      conditions.add("t.tag = :tag");
      conditions.add("t.published_at IS NOT NULL");
      orderBy = "t.published_at DESC, t.article_id DESC";
      params.addValue("tag", query.tag());
    }
    if (given(query.authorUsername())) {
      conditions.add(
          "a.author_id = (SELECT d.id FROM user_directory d"
              + " WHERE LOWER(d.username) = LOWER(:author) AND d.username <> '"
              + PersonalData.ERASED
              + "')");
      params.addValue("author", query.authorUsername());
    }
    if (given(query.text())) {
      conditions.add(
          "("
              + dialect.likeIgnoringCase("a.title", "pattern")
              + " OR "
              + dialect.likeIgnoringCase("a.body", "pattern")
              + ")");
      params.addValue("pattern", LikePattern.containing(query.text()));
    }
    String where = "WHERE " + String.join("\n  AND ", conditions) + "\n";
    params.addValue("limit", window.limit()).addValue("offset", window.offset());
    boolean tagOnly = given(query.tag()) && !given(query.authorUsername()) && !given(query.text());
    String countSql =
        tagOnly ? TAG_COUNT : "SELECT COUNT(*)\nFROM article_view a\n" + tagJoin + where.strip();
    return new ArticleListSql(
        LIST_ITEM_COLUMNS
            + "FROM article_view a\n"
            + tagJoin
            + "LEFT JOIN user_directory u ON u.id = a.author_id\n"
            + where
            + "ORDER BY "
            + orderBy
            + "\nLIMIT :limit OFFSET :offset",
        countSql,
        params);
  }

  private static boolean given(String filter) {
    return filter != null && !filter.isEmpty();
  }
}
