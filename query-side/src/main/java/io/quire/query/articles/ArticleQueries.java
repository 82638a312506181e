package io.quire.query.articles;

import io.quire.kernel.articles.ArticlePage;
import io.quire.kernel.articles.ArticleView;
import io.quire.kernel.articles.FindArticleQuery;
import io.quire.kernel.articles.ListPublishedArticlesQuery;
import io.quire.query.sql.SqlDialect;
import io.quire.query.sql.SqlValues;
import io.quire.query.sql.VersionedPages;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the article list and the article detail from {@code article_view}, with the author's name
 * joined in from {@code user_directory} (an author missing from the directory shows with a null
 * username): a page is one statement plus one {@code COUNT}, whatever its size and filters (see
 * {@link ArticleListSql}); a detail is one statement. On PostgreSQL a page is kept by its question
 * and the list's version ({@code article_list_version}, bumped by triggers with every change to a
 * published article) and served again while the version stands: then one statement.
 */
@Component
public class ArticleQueries {

  private static final String DETAIL =
      """
      SELECT a.article_id, a.title, a.body, a.tags, a.status,
             a.author_id, u.username AS author_username,
             a.created_at, a.updated_at, a.published_at, a.comment_count, a.version
      FROM article_view a
      LEFT JOIN user_directory u ON u.id = a.author_id
      WHERE a.article_id = :articleId
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final SqlDialect dialect;

  /** Kept pages of the public list: at most 100,000 articles in all (without their bodies). */
  private final VersionedPages<ListPublishedArticlesQuery, ArticlePage> pages =
      new VersionedPages<>(100_000, page -> page.results().size());

  public ArticleQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.dialect = SqlDialect.of(jdbc.getJdbcOperations());
  }

  /**
   * A page of the published articles (newest {@code published_at} first, without bodies), filtered
   * as asked, and how many match.
   */
  @QueryHandler
  public ArticlePage handle(ListPublishedArticlesQuery query) {
    if (!dialect.keepsArticleListVersion()) {
      return compute(query);
    }
    // Read first: a page computed afterwards holds at least this version's state.
    Long version =
        jdbc.getJdbcOperations()
            .queryForObject("SELECT version FROM article_list_version", Long.class);
    return pages.page(query, version == null ? 0 : version, () -> compute(query));
  }

  private ArticlePage compute(ListPublishedArticlesQuery query) {
    ArticleListSql sql = ArticleListSql.of(query, dialect);
    Long count = jdbc.queryForObject(sql.countSql(), sql.params(), Long.class);
    return new ArticlePage(
        count == null ? 0 : count, jdbc.query(sql.pageSql(), sql.params(), ArticleRows.LIST_ITEM));
  }

  /** One article whatever its status, with its body; empty if there is no such article. */
  @QueryHandler
  public Optional<ArticleView> handle(FindArticleQuery query) {
    return SqlValues.atMostOne(
        jdbc.query(
            DETAIL,
            new MapSqlParameterSource("articleId", query.articleId().value()),
            ArticleRows.DETAIL));
  }
}
