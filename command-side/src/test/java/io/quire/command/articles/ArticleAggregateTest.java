package io.quire.command.articles;

import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.command.common.PermissionDeniedException;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArchiveArticleCommand;
import io.quire.kernel.articles.ArticleArchivedEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePublishedEvent;
import io.quire.kernel.articles.ArticleRevisedEvent;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.kernel.articles.DraftArticleCommand;
import io.quire.kernel.articles.PublishArticleCommand;
import io.quire.kernel.articles.ReviseArticleCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cast: Alice writes the article; Bob is another user; staff act as Bob with the staff flag.
 * The article is "Event sourcing" / "Long text" tagged events and cqrs unless a test says
 * otherwise.
 */
class ArticleAggregateTest {

  private static final ArticleId ARTICLE = ArticleId.of("0d000000-0000-4000-8000-000000000001");
  private static final String TITLE = "Event sourcing";
  private static final String BODY = "Long text";
  private static final List<String> TAGS = List.of("events", "cqrs");

  private AggregateTestFixture<Article> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Article.class);
    fixture.registerInjectableResource(CLOCK);
  }

  // Drafting ----------------------------------------------------------------------------------

  @Test
  void anAuthorDraftsAnArticle() {
    fixture
        .givenNoPriorActivity()
        .when(new DraftArticleCommand(ARTICLE, TITLE, BODY, TAGS, ALICE))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new ArticleDraftedEvent(ARTICLE, TITLE, BODY, TAGS, ALICE, NOW))
        .expectState(article -> assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT));
  }

  @Test
  void theTitleIsStoredStripped() {
    fixture
        .givenNoPriorActivity()
        .when(new DraftArticleCommand(ARTICLE, "  " + TITLE + "\t", BODY, TAGS, ALICE))
        .expectEvents(new ArticleDraftedEvent(ARTICLE, TITLE, BODY, TAGS, ALICE, NOW));
  }

  @Test
  void anArticleWithoutTagsHasNone() {
    fixture
        .givenNoPriorActivity()
        .when(new DraftArticleCommand(ARTICLE, TITLE, BODY, null, ALICE))
        .expectEvents(new ArticleDraftedEvent(ARTICLE, TITLE, BODY, List.of(), ALICE, NOW));
  }

  @Test
  void theBodyMayBeEmpty() {
    fixture
        .givenNoPriorActivity()
        .when(new DraftArticleCommand(ARTICLE, TITLE, "", TAGS, ALICE))
        .expectEvents(new ArticleDraftedEvent(ARTICLE, TITLE, "", TAGS, ALICE, NOW));
  }

  @Test
  void aTitleOfTwoHundredCharactersIsLongEnough() {
    String title = "t".repeat(200);
    fixture
        .givenNoPriorActivity()
        .when(new DraftArticleCommand(ARTICLE, title, BODY, TAGS, ALICE))
        .expectEvents(new ArticleDraftedEvent(ARTICLE, title, BODY, TAGS, ALICE, NOW));
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    String title = "📝".repeat(200);
    String body = "📝".repeat(100_000);
    fixture
        .givenNoPriorActivity()
        .when(new DraftArticleCommand(ARTICLE, title, body, TAGS, ALICE))
        .expectEvents(new ArticleDraftedEvent(ARTICLE, title, body, TAGS, ALICE, NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "\u3000"})
  void anArticleNeedsATitle(String title) {
    draftRefused(new DraftArticleCommand(ARTICLE, title, BODY, TAGS, ALICE));
  }

  @Test
  void anArticleCannotBeDraftedWithoutATitle() {
    draftRefused(new DraftArticleCommand(ARTICLE, null, BODY, TAGS, ALICE));
  }

  @Test
  void aTitleLongerThanTwoHundredCharactersIsRefused() {
    draftRefused(new DraftArticleCommand(ARTICLE, "t".repeat(201), BODY, TAGS, ALICE));
  }

  @Test
  void anArticleCannotBeDraftedWithoutABody() {
    draftRefused(new DraftArticleCommand(ARTICLE, TITLE, null, TAGS, ALICE));
  }

  @Test
  void aBodyLongerThanAHundredThousandCharactersIsRefused() {
    draftRefused(new DraftArticleCommand(ARTICLE, TITLE, "b".repeat(100_001), TAGS, ALICE));
  }

  @Test
  void anArticleNeedsAnAuthor() {
    draftRefused(new DraftArticleCommand(ARTICLE, TITLE, BODY, TAGS, null));
  }

  @Test
  void tagsThatAreNotNormalisedAreRefused() {
    draftRefused(new DraftArticleCommand(ARTICLE, TITLE, BODY, List.of("Django"), ALICE));
  }

  @Test
  void duplicateTagsAreRefused() {
    draftRefused(new DraftArticleCommand(ARTICLE, TITLE, BODY, List.of("cqrs", "cqrs"), ALICE));
  }

  @Test
  void letterlessTagsAreRefused() {
    draftRefused(new DraftArticleCommand(ARTICLE, TITLE, BODY, List.of("ok", "-"), ALICE));
  }

  @Test
  void aNullTagIsRefused() {
    draftRefused(new DraftArticleCommand(ARTICLE, TITLE, BODY, Arrays.asList("ok", null), ALICE));
  }

  @Test
  void moreThanTwentyTagsAreRefused() {
    List<String> tags = IntStream.rangeClosed(1, 21).mapToObj(i -> "tag-" + i).toList();
    draftRefused(new DraftArticleCommand(ARTICLE, TITLE, BODY, tags, ALICE));
  }

  // Revising ----------------------------------------------------------------------------------

  @Test
  void theAuthorRevisesTheirArticleAndTheEventCarriesAllThreeFields() {
    draft()
        .when(revise(ALICE, false, "Event sourcing, revised", null, null))
        .expectEvents(
            new ArticleRevisedEvent(ARTICLE, "Event sourcing, revised", BODY, TAGS, ALICE, NOW));
  }

  @Test
  void staffReviseAnyArticle() {
    draft()
        .when(revise(BOB, true, null, "Shorter", null))
        .expectEvents(new ArticleRevisedEvent(ARTICLE, TITLE, "Shorter", TAGS, BOB, NOW));
  }

  @Test
  void someoneElseCannotReviseAnArticle() {
    draft()
        .when(revise(BOB, false, "Mine now", null, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void anActorWithoutAnIdCannotReviseAnArticle() {
    draft()
        .when(revise(null, false, "Mine now", null, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void tagsAreRevisedAlone() {
    draft()
        .when(revise(ALICE, false, null, null, List.of("cqrs", "axon")))
        .expectEvents(
            new ArticleRevisedEvent(ARTICLE, TITLE, BODY, List.of("cqrs", "axon"), ALICE, NOW));
  }

  @Test
  void allTagsCanBeRemoved() {
    draft()
        .when(revise(ALICE, false, null, null, List.of()))
        .expectEvents(new ArticleRevisedEvent(ARTICLE, TITLE, BODY, List.of(), ALICE, NOW));
  }

  @Test
  void reorderedTagsAreARevision() {
    draft()
        .when(revise(ALICE, false, null, null, List.of("cqrs", "events")))
        .expectEvents(
            new ArticleRevisedEvent(ARTICLE, TITLE, BODY, List.of("cqrs", "events"), ALICE, NOW));
  }

  @Test
  void aRevisionThatChangesNothingRecordsNothing() {
    draft()
        .when(revise(ALICE, false, TITLE, BODY, TAGS))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void anEmptyRevisionRecordsNothing() {
    draft()
        .when(revise(ALICE, false, null, null, null))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aTitleThatDiffersOnlyInSurroundingSpaceIsNoChange() {
    draft()
        .when(revise(ALICE, false, "  " + TITLE + " ", null, null))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aRevisionBuildsOnTheLatestRevision() {
    draft(new ArticleRevisedEvent(ARTICLE, "Second", "Other", List.of(), ALICE, NOW))
        .when(revise(ALICE, false, TITLE, null, null))
        .expectEvents(new ArticleRevisedEvent(ARTICLE, TITLE, "Other", List.of(), ALICE, NOW));
  }

  @Test
  void aPublishedArticleIsRevised() {
    draft(new ArticlePublishedEvent(ARTICLE, ALICE, NOW))
        .when(revise(ALICE, false, null, "Updated", null))
        .expectEvents(new ArticleRevisedEvent(ARTICLE, TITLE, "Updated", TAGS, ALICE, NOW));
  }

  @Test
  void anArchivedArticleCannotBeRevised() {
    draft(new ArticleArchivedEvent(ARTICLE, ALICE, NOW))
        .when(revise(ALICE, false, "Back again", null, null))
        .expectException(ArticleArchivedException.class)
        .expectNoEvents();
  }

  @Test
  void someoneElseIsRefusedPermissionOnAnArchivedArticleBeforeLearningItIsArchived() {
    draft(new ArticleArchivedEvent(ARTICLE, ALICE, NOW))
        .when(revise(BOB, false, "Back again", null, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void aRevisionCannotBlankTheTitle(String title) {
    draft()
        .when(revise(ALICE, false, title, null, null))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aRevisionCannotMakeTheTitleTooLong() {
    draft()
        .when(revise(ALICE, false, "t".repeat(201), null, null))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aRevisionCannotMakeTheBodyTooLong() {
    draft()
        .when(revise(ALICE, false, null, "b".repeat(100_001), null))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aRevisionWithTagsThatAreNotNormalisedIsRefused() {
    draft()
        .when(revise(ALICE, false, null, null, List.of("Event Sourcing")))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  // Publishing --------------------------------------------------------------------------------

  @Test
  void theAuthorPublishesTheirDraft() {
    draft()
        .when(new PublishArticleCommand(ARTICLE, ALICE, false, null))
        .expectEvents(new ArticlePublishedEvent(ARTICLE, ALICE, NOW))
        .expectState(article -> assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED));
  }

  @Test
  void staffPublishAnyDraft() {
    draft()
        .when(new PublishArticleCommand(ARTICLE, BOB, true, null))
        .expectEvents(new ArticlePublishedEvent(ARTICLE, BOB, NOW));
  }

  @Test
  void someoneElseCannotPublishAnArticle() {
    draft()
        .when(new PublishArticleCommand(ARTICLE, BOB, false, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void publishingAPublishedArticleRecordsNothing() {
    draft(new ArticlePublishedEvent(ARTICLE, ALICE, NOW))
        .when(new PublishArticleCommand(ARTICLE, ALICE, false, null))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void anArchivedArticleCannotBePublished() {
    draft(new ArticleArchivedEvent(ARTICLE, ALICE, NOW))
        .when(new PublishArticleCommand(ARTICLE, ALICE, false, null))
        .expectException(ArticleArchivedException.class)
        .expectNoEvents();
  }

  @Test
  void anArchivedPublishedArticleCannotBePublishedAgain() {
    draft(
            new ArticlePublishedEvent(ARTICLE, ALICE, NOW),
            new ArticleArchivedEvent(ARTICLE, ALICE, NOW))
        .when(new PublishArticleCommand(ARTICLE, BOB, true, null))
        .expectException(ArticleArchivedException.class)
        .expectNoEvents();
  }

  // Archiving ---------------------------------------------------------------------------------

  @Test
  void theAuthorArchivesTheirDraft() {
    draft()
        .when(new ArchiveArticleCommand(ARTICLE, ALICE, false, null))
        .expectEvents(new ArticleArchivedEvent(ARTICLE, ALICE, NOW))
        .expectState(article -> assertThat(article.status()).isEqualTo(ArticleStatus.ARCHIVED));
  }

  @Test
  void staffArchiveAPublishedArticle() {
    draft(new ArticlePublishedEvent(ARTICLE, ALICE, NOW))
        .when(new ArchiveArticleCommand(ARTICLE, BOB, true, null))
        .expectEvents(new ArticleArchivedEvent(ARTICLE, BOB, NOW));
  }

  @Test
  void someoneElseCannotArchiveAnArticle() {
    draft(new ArticlePublishedEvent(ARTICLE, ALICE, NOW))
        .when(new ArchiveArticleCommand(ARTICLE, BOB, false, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void archivingAnArchivedArticleRecordsNothing() {
    draft(new ArticleArchivedEvent(ARTICLE, ALICE, NOW))
        .when(new ArchiveArticleCommand(ARTICLE, ALICE, false, null))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void someoneElseCannotArchiveAnArchivedArticleEither() {
    draft(new ArticleArchivedEvent(ARTICLE, ALICE, NOW))
        .when(new ArchiveArticleCommand(ARTICLE, BOB, false, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  // -------------------------------------------------------------------------------------------

  private void draftRefused(DraftArticleCommand command) {
    fixture
        .givenNoPriorActivity()
        .when(command)
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  /** Alice's draft, followed by {@code then}. */
  private TestExecutor<Article> draft(Object... then) {
    List<Object> events = new ArrayList<>();
    events.add(new ArticleDraftedEvent(ARTICLE, TITLE, BODY, TAGS, ALICE, NOW));
    events.addAll(List.of(then));
    return fixture.given(events);
  }

  private static ReviseArticleCommand revise(
      UserId actor, boolean staff, String title, String body, List<String> tags) {
    return new ReviseArticleCommand(ARTICLE, title, body, tags, actor, staff, null);
  }
}
