package io.quire.query.articles;

import static io.quire.query.testing.ReadModelWorld.ARTICLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePage;
import io.quire.kernel.articles.ArticleRevisedEvent;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.kernel.articles.ArticleView;
import io.quire.kernel.articles.FindArticleQuery;
import io.quire.kernel.articles.ListPublishedArticlesQuery;
import io.quire.query.testing.ReadModelWorld;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArticleReadModelTest {

  private final ReadModelWorld world = new ReadModelWorld();
  private final ArticleQueries queries = world.articleQueries();
  private final UserId ada = world.user("Ada_Lovelace");
  private final UserId bob = world.user("bob");

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void aDraftIsStoredAtVersionOneWithItsBodyAndTagsButIsNotListed() {
    Instant createdAt = world.moments().peek();
    ArticleId article =
        world.article(ada).title("On engines").body("Analytical.").tags("math", "engines").draft();

    assertThat(find(article))
        .contains(
            new ArticleView(
                article,
                "On engines",
                "Analytical.",
                List.of("math", "engines"),
                ArticleStatus.DRAFT,
                new UserSummary(ada, "Ada_Lovelace"),
                createdAt,
                createdAt,
                null,
                0,
                1));
    assertThat(list(query())).isEqualTo(new ArticlePage(0, List.of()));
    assertThat(list(query().tag("math")).count()).isZero();
  }

  @Test
  void publishingSetsTheStatusThePublicationTimeAndTheVersion() {
    Instant createdAt = world.moments().peek();
    ArticleId article = world.article(ada).draft();
    Instant publishedAt = world.moments().peek();

    world.publish(article, ada);

    assertThat(find(article))
        .hasValueSatisfying(
            view -> {
              assertThat(view.status()).isEqualTo(ArticleStatus.PUBLISHED);
              assertThat(view.createdAt()).isEqualTo(createdAt);
              assertThat(view.publishedAt()).isEqualTo(publishedAt);
              assertThat(view.updatedAt()).isEqualTo(publishedAt);
              assertThat(view.version()).isEqualTo(2);
            });
  }

  @Test
  void listItemsAreThePublishedArticlesWithoutBodiesNewestPublishedFirst() {
    ArticleId first = world.article(ada).title("First").tags("b", "a").draft();
    ArticleId second = world.article(bob).title("Second").draft();
    ArticleId third = world.article(ada).title("Third").draft();
    world.article(ada).title("Still a draft").draft();
    world.publish(second, bob);
    world.publish(third, ada);
    world.publish(first, ada);

    ArticlePage page = list(query());

    assertThat(page.count()).isEqualTo(3);
    assertThat(ids(page)).containsExactly(first, third, second);
    assertThat(page.results()).allSatisfy(item -> assertThat(item.body()).isNull());
    ArticleView item = page.results().get(0);
    assertThat(item)
        .isEqualTo(
            find(first)
                .map(
                    detail ->
                        new ArticleView(
                            detail.id(),
                            detail.title(),
                            null,
                            detail.tags(),
                            detail.status(),
                            detail.author(),
                            detail.createdAt(),
                            detail.updatedAt(),
                            detail.publishedAt(),
                            detail.commentCount(),
                            detail.version()))
                .orElseThrow());
    assertThat(item.tags()).containsExactly("b", "a");
    assertThat(item.author()).isEqualTo(new UserSummary(ada, "Ada_Lovelace"));
  }

  @Test
  void anArchivedArticleLeavesTheListButKeepsItsPublicationTime() {
    ArticleId kept = world.article(ada).tags("news").publish();
    ArticleId archived = world.article(ada).tags("news").publish();
    Instant publishedAt = find(archived).orElseThrow().publishedAt();
    Instant archivedAt = world.moments().peek();

    world.archive(archived, ada);

    assertThat(ids(list(query()))).containsExactly(kept);
    assertThat(ids(list(query().tag("news")))).containsExactly(kept);
    assertThat(list(query().tag("news")).count()).isEqualTo(1);
    assertThat(find(archived))
        .hasValueSatisfying(
            view -> {
              assertThat(view.status()).isEqualTo(ArticleStatus.ARCHIVED);
              assertThat(view.publishedAt()).isEqualTo(publishedAt);
              assertThat(view.updatedAt()).isEqualTo(archivedAt);
              assertThat(view.version()).isEqualTo(3);
            });
  }

  @Test
  void aRevisionReplacesTitleBodyAndTagsEverywhere() {
    ArticleId article =
        world.article(ada).title("Old").body("Old body").tags("old", "kept").draft();
    world.publish(article, ada);
    Instant revisedAt = world.moments().peek();

    world.revise(article, "New", "New body", List.of("kept", "new"), ada);

    assertThat(find(article))
        .hasValueSatisfying(
            view -> {
              assertThat(view.title()).isEqualTo("New");
              assertThat(view.body()).isEqualTo("New body");
              assertThat(view.tags()).containsExactly("kept", "new");
              assertThat(view.updatedAt()).isEqualTo(revisedAt);
              assertThat(view.status()).isEqualTo(ArticleStatus.PUBLISHED);
              assertThat(view.version()).isEqualTo(3);
            });
    assertThat(ids(list(query().tag("new")))).containsExactly(article);
    assertThat(ids(list(query().tag("kept")))).containsExactly(article);
    assertThat(list(query().tag("old")).count()).isZero();
    assertThat(ids(list(query().text("new body")))).containsExactly(article);
    assertThat(list(query().text("old")).count()).isZero();
  }

  @Test
  void aDraftRevisedWithANewTagIsListedUnderItOncePublished() {
    ArticleId article = world.article(ada).tags("first").draft();
    world.revise(article, "Title", "Body", List.of("second"), ada);

    assertThat(list(query().tag("second")).count()).isZero();
    world.publish(article, ada);

    assertThat(ids(list(query().tag("second")))).containsExactly(article);
  }

  @Test
  void anArticleCanLoseAllItsTags() {
    ArticleId article = world.article(ada).tags("a", "b").publish();

    world.revise(article, "Title", "Body", List.of(), ada);

    assertThat(find(article)).hasValueSatisfying(view -> assertThat(view.tags()).isEmpty());
    assertThat(list(query().tag("a")).count()).isZero();
    assertThat(world.db().rows("article_tag")).isZero();
  }

  @Test
  void theTextMatchesTitleOrBodyInAnyLetterCase() {
    ArticleId inTitle = world.article(ada).title("Quarterly REPORT").publish();
    ArticleId inBody = world.article(ada).title("Other").body("the report is late").publish();
    world.article(ada).title("Unrelated").body("nothing here").publish();
    world.article(ada).title("A draft report").draft();

    assertThat(ids(list(query().text("rEpOrT")))).containsExactlyInAnyOrder(inTitle, inBody);
    assertThat(list(query().text("rEpOrT")).count()).isEqualTo(2);
  }

  @Test
  void theTextIsMatchedLiterallyWithoutWildcards() {
    ArticleId percent = world.article(ada).title("100% done").publish();
    ArticleId underscore = world.article(ada).title("Other").body("snake_case").publish();
    ArticleId backslash = world.article(ada).title("C:\\temp").publish();
    world.article(ada).title("1000 done").publish();
    world.article(ada).title("Other").body("snakeXcase").publish();
    world.article(ada).title("C:temp").publish();

    assertThat(ids(list(query().text("0% D")))).containsExactly(percent);
    assertThat(ids(list(query().text("E_C")))).containsExactly(underscore);
    assertThat(ids(list(query().text(":\\t")))).containsExactly(backslash);
  }

  @Test
  void theTagFilterMatchesOnlyPublishedArticlesWithThatTag() {
    ArticleId django = world.article(ada).tags("python", "django").publish();
    ArticleId python = world.article(bob).tags("python").publish();
    world.article(ada).tags("django").draft();
    world.article(ada).tags("djangos").publish();

    assertThat(ids(list(query().tag("django")))).containsExactly(django);
    assertThat(ids(list(query().tag("python")))).containsExactly(python, django);
    assertThat(list(query().tag("python")).count()).isEqualTo(2);
    assertThat(list(query().tag("rust"))).isEqualTo(new ArticlePage(0, List.of()));
  }

  @Test
  void aTagsCountIsTheNumberOfItsListedArticlesWhateverHappenedToThem() {
    world.article(ada).tags("news", "python").publish();
    world.article(bob).tags("news").draft();
    world.archive(world.article(ada).tags("news", "python").publish(), ada);
    ArticleId retagged = world.article(bob).tags("news").publish();
    world.revise(retagged, "Retagged", "Body", List.of("python"), bob);
    ArticleId draftedThenPublished = world.article(ada).tags("draft-tag").draft();
    world.revise(draftedThenPublished, "Later", "Body", List.of("news", "later"), ada);
    world.publish(draftedThenPublished, ada);

    for (String tag : List.of("news", "python", "draft-tag", "later", "none")) {
      ArticlePage page = list(query().tag(tag).page(1, 100));
      assertThat(page.count()).as(tag).isEqualTo(page.results().size());
    }
    assertThat(list(query().tag("news")).count()).isEqualTo(2);
    assertThat(list(query().tag("python")).count()).isEqualTo(2);
  }

  @Test
  void theAuthorFilterMatchesTheUsernameInAnyLetterCaseAndNothingElse() {
    ArticleId adas = world.article(ada).publish();
    world.article(bob).publish();
    world.article(ada).draft();
    world.user("Ada_Lovelace2");

    for (String author : List.of("Ada_Lovelace", "ada_lovelace", "ADA_LOVELACE")) {
      assertThat(ids(list(query().author(author)))).as(author).containsExactly(adas);
      assertThat(list(query().author(author)).count()).as(author).isEqualTo(1);
    }
    assertThat(list(query().author("Ada")).count()).isZero();
    assertThat(list(query().author("Ada%")).count()).isZero();
    assertThat(list(query().author("nobody")).count()).isZero();
  }

  @Test
  void emptyFiltersAreNoFilters() {
    ArticleId article = world.article(ada).publish();

    assertThat(ids(list(new ListPublishedArticlesQuery("", "", "", 1, 20))))
        .containsExactly(article);
  }

  @Test
  void filtersCombineAndTheCountCountsEveryMatchNotJustThePage() {
    for (int i = 0; i < 5; i++) {
      world.article(ada).title("Report " + i).tags("news").publish();
    }
    world.article(ada).title("Report draft").tags("news").draft();
    world.article(ada).title("Report untagged").publish();
    world.article(bob).title("Report by bob").tags("news").publish();
    world.article(ada).title("Other").tags("news").publish();

    ArticlePage page = list(query().text("REPORT").tag("news").author("ADA_lovelace").page(2, 2));

    assertThat(page.count()).isEqualTo(5);
    assertThat(page.results())
        .extracting(ArticleView::title)
        .containsExactly("Report 2", "Report 1");
  }

  @Test
  void articlesPublishedAtTheSameTimeAreOrderedByIdSoPagesNeverOverlap() {
    Instant sameTime = world.moments().next();
    List<ArticleId> articles =
        IntStream.range(0, 9)
            .mapToObj(
                i -> {
                  ArticleId article = world.article(i % 2 == 0 ? ada : bob).tags("same").draft();
                  world.publish(article, ada, sameTime);
                  return article;
                })
            .toList();
    List<ArticleId> newestFirst =
        articles.stream().sorted(Comparator.comparing(ArticleId::toString).reversed()).toList();

    for (ListQuery query : List.of(query(), query().tag("same"))) {
      List<ArticleId> walked = new ArrayList<>();
      for (int page = 1; page <= 5; page++) {
        walked.addAll(ids(list(query.page(page, 2))));
      }
      assertThat(walked).containsExactlyElementsOf(newestFirst);
    }
  }

  @Test
  void aPagePastTheEndIsEmptyWithTheCount() {
    world.article(ada).publish();

    assertThat(list(query().page(2, 20))).isEqualTo(new ArticlePage(1, List.of()));
  }

  @Test
  void anAuthorMissingFromTheUserDirectoryIsShownWithoutAUsername() {
    UserId stranger = new UserId(UUID.randomUUID());
    ArticleId article = world.article(stranger).publish();

    assertThat(find(article))
        .hasValueSatisfying(
            view -> assertThat(view.author()).isEqualTo(new UserSummary(stranger, null)));
    assertThat(list(query()).results())
        .singleElement()
        .satisfies(item -> assertThat(item.author()).isEqualTo(new UserSummary(stranger, null)));
  }

  @Test
  void theListIsOneStatementForThePageAndOneForTheCountWhateverThePageAndFilters() {
    for (int i = 0; i < 30; i++) {
      world
          .article(i % 2 == 0 ? ada : bob)
          .title("article " + i)
          .tags("news", "tag-" + i)
          .publish();
    }

    for (int pageSize : new int[] {1, 10, 100}) {
      for (ListPublishedArticlesQuery query :
          List.of(
              query().page(1, pageSize).build(),
              query().page(1, pageSize).text("ARTICLE").tag("news").author("bob").build())) {
        int[] shown = new int[1];
        assertThat(
                world
                    .db()
                    .statementsDuring(() -> shown[0] = queries.handle(query).results().size()))
            .isEqualTo(2);
        assertThat(shown[0])
            .isEqualTo(Math.min(pageSize, query.authorUsername() == null ? 30 : 15));
      }
    }
    assertThat(
            world
                .db()
                .statementsDuring(() -> queries.handle(new FindArticleQuery(ArticleId.random()))))
        .isEqualTo(1);
  }

  @Test
  void anUnknownArticleIsNotFound() {
    assertThat(find(ArticleId.random())).isEmpty();
  }

  @Test
  void aRedeliveredEventIsNotAppliedTwice() {
    ArticleId article = world.article(ada).tags("one").draft();
    DomainEventMessage<?> revised =
        world
            .events()
            .publish(
                ARTICLE,
                article,
                new ArticleRevisedEvent(
                    article, "Second", "Body", List.of("two"), ada, world.moments().next()));
    world.revise(article, "Third", "Body", List.of("three"), ada);

    world.events().redeliver(revised);

    assertThat(find(article))
        .hasValueSatisfying(
            view -> {
              assertThat(view.title()).isEqualTo("Third");
              assertThat(view.tags()).containsExactly("three");
              assertThat(view.version()).isEqualTo(3);
            });
    assertThat(world.db().rows("article_tag")).isEqualTo(1);
  }

  @Test
  void aRedeliveredDraftChangesNothing() {
    ArticleId article = ArticleId.random();
    DomainEventMessage<?> drafted =
        world
            .events()
            .publish(
                ARTICLE,
                article,
                new ArticleDraftedEvent(
                    article, "Title", "Body", List.of("a"), ada, world.moments().next()));
    world.publish(article, ada);

    world.events().redeliver(drafted);

    assertThat(find(article))
        .hasValueSatisfying(view -> assertThat(view.status()).isEqualTo(ArticleStatus.PUBLISHED));
    assertThat(world.db().rows("article_tag")).isEqualTo(1);
  }

  @Test
  void replayingEveryEventAfterAResetRebuildsTheSameReadModel() {
    ArticleId article = world.article(ada).tags("a", "b").publish();
    world.revise(article, "Revised", "Body", List.of("b", "c"), ada);
    ArticleId archived = world.article(bob).tags("a").publish();
    world.archive(archived, bob);
    world.article(ada).tags("c").draft();
    world.article(bob).tags("c").publish();
    ArticlePage before = list(query());
    ArticlePage taggedBefore = list(query().tag("c"));
    Optional<ArticleView> archivedBefore = find(archived);

    world.events().replayAll();

    assertThat(list(query())).isEqualTo(before);
    assertThat(list(query().tag("c"))).isEqualTo(taggedBefore);
    assertThat(find(archived)).isEqualTo(archivedBefore);
  }

  @Test
  void aResetEmptiesTheArticleTables() {
    world.article(ada).tags("a").publish();

    world.events().reset();

    assertThat(world.db().rows("article_view")).isZero();
    assertThat(world.db().rows("article_tag")).isZero();
  }

  @Test
  void aChangeAfterMissingEventsFails() {
    ArticleId article = world.article(ada).draft();

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .deliver(
                        ARTICLE,
                        article,
                        2,
                        new ArticleRevisedEvent(
                            article, "Lost", "Body", List.of(), ada, world.moments().next())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("events are missing");
  }

  @Test
  void aChangeToAnArticleTheReadModelDoesNotKnowFails() {
    ArticleId unknown = ArticleId.random();

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .deliver(
                        ARTICLE,
                        unknown,
                        1,
                        new ArticleRevisedEvent(
                            unknown, "Lost", "Body", List.of(), ada, world.moments().next())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTagThatIsNotASlugFails() {
    assertThatThrownBy(() -> world.article(ada).tags("a,b").draft())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> world.article(ada).tags("").draft())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Optional<ArticleView> find(ArticleId article) {
    return queries.handle(new FindArticleQuery(article));
  }

  private ArticlePage list(ListPublishedArticlesQuery query) {
    return queries.handle(query);
  }

  private ArticlePage list(ListQuery query) {
    return list(query.build());
  }

  private static ListQuery query() {
    return new ListQuery();
  }

  private static List<ArticleId> ids(ArticlePage page) {
    return page.results().stream().map(ArticleView::id).toList();
  }

  /** A {@link ListPublishedArticlesQuery}: no filters, first page of 20. */
  private static final class ListQuery {
    private String text;
    private String tag;
    private String author;
    private int page = 1;
    private int pageSize = 20;

    ListQuery text(String text) {
      this.text = text;
      return this;
    }

    ListQuery tag(String tag) {
      this.tag = tag;
      return this;
    }

    ListQuery author(String author) {
      this.author = author;
      return this;
    }

    ListQuery page(int page, int pageSize) {
      this.page = page;
      this.pageSize = pageSize;
      return this;
    }

    ListPublishedArticlesQuery build() {
      return new ListPublishedArticlesQuery(text, tag, author, page, pageSize);
    }
  }
}
