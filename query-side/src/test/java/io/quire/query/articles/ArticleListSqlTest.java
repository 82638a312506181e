package io.quire.query.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.articles.ListPublishedArticlesQuery;
import io.quire.query.sql.SqlDialect;
import org.junit.jupiter.api.Test;

class ArticleListSqlTest {

  private static ListPublishedArticlesQuery everyFilter() {
    return new ListPublishedArticlesQuery("50%_off\\", "django", "Ada", 3, 20);
  }

  @Test
  void withoutFiltersOnlyPublishedArticlesAreListedNewestFirst() {
    ArticleListSql sql =
        ArticleListSql.of(
            new ListPublishedArticlesQuery(null, null, null, 1, 20), SqlDialect.POSTGRESQL);

    assertThat(sql.pageSql())
        .isEqualTo(
            """
            SELECT a.article_id, a.title, a.tags, a.status, a.author_id, u.username AS author_username,
                   a.created_at, a.updated_at, a.published_at, a.comment_count, a.version
            FROM article_view a
            LEFT JOIN user_directory u ON u.id = a.author_id
            WHERE a.status = 'published'
            ORDER BY a.published_at DESC, a.article_id DESC
            LIMIT :limit OFFSET :offset""");
    assertThat(sql.countSql())
        .isEqualTo("SELECT COUNT(*)\nFROM article_view a\nWHERE a.status = 'published'");
    assertThat(sql.params().getValues())
        .containsEntry("limit", 20)
        .containsEntry("offset", 0L)
        .doesNotContainKeys("tag", "author", "pattern");
  }

  @Test
  void everyFilterIsAConditionWithItsParameterOnPostgresql() {
    ArticleListSql sql = ArticleListSql.of(everyFilter(), SqlDialect.POSTGRESQL);

    String fromAndWhere =
        """
        JOIN article_tag t ON t.article_id = a.article_id
        LEFT JOIN user_directory u ON u.id = a.author_id
        WHERE a.status = 'published'
          AND t.tag = :tag
          AND t.published_at IS NOT NULL
          AND a.author_id = (SELECT d.id FROM user_directory d WHERE LOWER(d.username) = LOWER(:author) AND d.username <> '[erased]')
          AND (a.title ILIKE :pattern ESCAPE '\\' OR a.body ILIKE :pattern ESCAPE '\\')
        """;
    assertThat(sql.pageSql())
        .contains("FROM article_view a\n" + fromAndWhere)
        .endsWith("ORDER BY t.published_at DESC, t.article_id DESC\nLIMIT :limit OFFSET :offset");
    assertThat(sql.countSql())
        .isEqualTo(
            "SELECT COUNT(*)\nFROM article_view a\n"
                + fromAndWhere
                    .replace("LEFT JOIN user_directory u ON u.id = a.author_id\n", "")
                    .strip());
    assertThat(sql.params().getValues())
        .containsEntry("tag", "django")
        .containsEntry("author", "Ada")
        .containsEntry("pattern", "%50\\%\\_off\\\\%")
        .containsEntry("offset", 40L);
  }

  @Test
  void theTextConditionLowerCasesBothSidesOnH2() {
    ArticleListSql sql = ArticleListSql.of(everyFilter(), SqlDialect.STANDARD);

    assertThat(sql.pageSql())
        .contains(
            "(LOWER(a.title) LIKE LOWER(:pattern) ESCAPE '\\'"
                + " OR LOWER(a.body) LIKE LOWER(:pattern) ESCAPE '\\')");
  }

  @Test
  void aTagAloneIsCountedFromItsTagRowsWithoutTheArticles() {
    ArticleListSql sql =
        ArticleListSql.of(
            new ListPublishedArticlesQuery(null, "django", null, 1, 20), SqlDialect.POSTGRESQL);

    assertThat(sql.countSql())
        .isEqualTo(
            "SELECT COUNT(*)\nFROM article_tag t\nWHERE t.tag = :tag\n  AND t.published_at IS NOT NULL");
    assertThat(sql.pageSql()).contains("JOIN article_tag t ON t.article_id = a.article_id");
    assertThat(sql.params().getValues()).containsEntry("tag", "django");
  }

  @Test
  void emptyFiltersAreNoFilters() {
    ArticleListSql sql =
        ArticleListSql.of(new ListPublishedArticlesQuery("", "", "", 1, 20), SqlDialect.POSTGRESQL);

    assertThat(sql.countSql())
        .isEqualTo("SELECT COUNT(*)\nFROM article_view a\nWHERE a.status = 'published'");
  }
}
