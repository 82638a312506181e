package io.quire.command.articles;

import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.NOW;
import static io.quire.kernel.articles.ArticleStatus.ARCHIVED;
import static io.quire.kernel.articles.ArticleStatus.DRAFT;
import static io.quire.kernel.articles.ArticleStatus.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.command.testing.H2Database;
import io.quire.kernel.articles.ArticleArchivedEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePublishedEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The article lookup's SQL, on H2 in PostgreSQL mode with the shipped migration. */
class ArticleLookupUpdaterTest {

  private static final ArticleId ONE = ArticleId.of("0d000000-0000-4000-8000-000000000001");
  private static final ArticleId TWO = ArticleId.of("0d000000-0000-4000-8000-000000000002");

  private final H2Database database = H2Database.withMigration("V4");
  private final ArticleLookupTable lookup = new ArticleLookupTable(database.jdbc());
  private final ArticleLookupUpdater updater = new ArticleLookupUpdater(lookup);

  @AfterEach
  void dropDatabase() {
    database.shutdown();
  }

  @Test
  void aDraftedArticleIsFoundAsADraft() {
    updater.on(drafted(ONE));

    assertThat(lookup.statusOf(ONE)).contains(DRAFT);
  }

  @Test
  void aPublishedArticleIsFoundAsPublished() {
    updater.on(drafted(ONE));

    updater.on(new ArticlePublishedEvent(ONE, ALICE, NOW));

    assertThat(lookup.statusOf(ONE)).contains(PUBLISHED);
  }

  @Test
  void anArchivedArticleIsFoundAsArchived() {
    updater.on(drafted(ONE));
    updater.on(new ArticlePublishedEvent(ONE, ALICE, NOW));

    updater.on(new ArticleArchivedEvent(ONE, BOB, NOW));

    assertThat(lookup.statusOf(ONE)).contains(ARCHIVED);
  }

  @Test
  void aDraftIsArchivedWithoutBeingPublished() {
    updater.on(drafted(ONE));

    updater.on(new ArticleArchivedEvent(ONE, ALICE, NOW));

    assertThat(lookup.statusOf(ONE)).contains(ARCHIVED);
  }

  @Test
  void anUnknownArticleIsNotFound() {
    updater.on(drafted(ONE));

    assertThat(lookup.statusOf(TWO)).isEmpty();
    assertThat(lookup.statusOf(null)).isEmpty();
  }

  @Test
  void articlesHaveTheirOwnStatus() {
    updater.on(drafted(ONE));
    updater.on(drafted(TWO));

    updater.on(new ArticlePublishedEvent(TWO, BOB, NOW));

    assertThat(lookup.statusOf(ONE)).contains(DRAFT);
    assertThat(lookup.statusOf(TWO)).contains(PUBLISHED);
  }

  @Test
  void handlingTheSameEventsTwiceLeavesTheSameRows() {
    Runnable history =
        () -> {
          updater.on(drafted(ONE));
          updater.on(new ArticlePublishedEvent(ONE, ALICE, NOW));
          updater.on(drafted(TWO));
          updater.on(new ArticleArchivedEvent(TWO, BOB, NOW));
        };
    history.run();

    history.run();

    assertThat(lookup.statusOf(ONE)).contains(PUBLISHED);
    assertThat(lookup.statusOf(TWO)).contains(ARCHIVED);
    assertThat(rows()).isEqualTo(2);
  }

  @Test
  void aPublicationWithoutAnEarlierRowStillRecordsTheStatus() {
    updater.on(new ArticlePublishedEvent(ONE, ALICE, NOW));

    assertThat(lookup.statusOf(ONE)).contains(PUBLISHED);
  }

  @Test
  void aResetForgetsEveryArticle() {
    updater.on(drafted(ONE));
    updater.on(drafted(TWO));

    updater.reset();

    assertThat(rows()).isZero();
  }

  private static ArticleDraftedEvent drafted(ArticleId id) {
    return new ArticleDraftedEvent(id, "Title", "Body", List.of("events"), ALICE, NOW);
  }

  private int rows() {
    return database.jdbc().queryForObject("select count(*) from article_lookup", Integer.class);
  }
}
