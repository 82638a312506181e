package io.quire.command.articles;

import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticleStatus;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code article_lookup} table: {@link ArticleLookup}'s reads and the idempotent writes of
 * {@link ArticleLookupUpdater}. Plain SQL that PostgreSQL and H2 (in PostgreSQL mode) both run; it
 * joins whatever transaction is open, JPA's included.
 */
@Component
class ArticleLookupTable implements ArticleLookup {

  private final JdbcTemplate jdbc;

  ArticleLookupTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ArticleStatus> statusOf(ArticleId articleId) {
    if (articleId == null) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select status from article_lookup where article_id = ?",
            (rs, row) -> ArticleStatus.valueOf(rs.getString("status")),
            articleId.value())
        .stream()
        .findFirst();
  }

  /** Records the article's status, whether or not a row for it exists. */
  void put(ArticleId articleId, ArticleStatus status) {
    int updated =
        jdbc.update(
            "update article_lookup set status = ? where article_id = ?",
            status.name(),
            articleId.value());
    if (updated == 0) {
      jdbc.update(
          "insert into article_lookup (article_id, status) values (?, ?)",
          articleId.value(),
          status.name());
    }
  }

  /** Forgets every article. */
  void clear() {
    jdbc.update("delete from article_lookup");
  }
}
