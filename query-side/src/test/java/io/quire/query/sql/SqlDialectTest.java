package io.quire.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlDialectTest {

  @Test
  void postgresqlMatchesWithIlikeWhichItsTrigramIndexesServe() {
    assertThat(SqlDialect.ofProductName("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
    assertThat(SqlDialect.POSTGRESQL.likeIgnoringCase("t.title", "pattern"))
        .isEqualTo("t.title ILIKE :pattern ESCAPE '\\'");
  }

  @Test
  void h2AndOthersLowerCaseBothSides() {
    assertThat(SqlDialect.ofProductName("H2")).isEqualTo(SqlDialect.STANDARD);
    assertThat(SqlDialect.STANDARD.likeIgnoringCase("t.title", "pattern"))
        .isEqualTo("LOWER(t.title) LIKE LOWER(:pattern) ESCAPE '\\'");
  }

  @Test
  void onlyPostgresqlKeepsTaskCounts() {
    assertThat(SqlDialect.POSTGRESQL.keepsTaskListBookkeeping()).isTrue();
    assertThat(SqlDialect.STANDARD.keepsTaskListBookkeeping()).isFalse();
  }

  @Test
  void onlyPostgresqlKeepsTheArticleListVersion() {
    assertThat(SqlDialect.POSTGRESQL.keepsArticleListVersion()).isTrue();
    assertThat(SqlDialect.STANDARD.keepsArticleListVersion()).isFalse();
  }
}
