package io.quire.command.comments;

import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CAROL;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.testing.InMemoryArticleLookup;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.kernel.comments.ApproveCommentCommand;
import io.quire.kernel.comments.CommentApprovedEvent;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentPostedEvent;
import io.quire.kernel.comments.CommentRejectedEvent;
import io.quire.kernel.comments.CommentStatus;
import io.quire.kernel.comments.PostCommentCommand;
import io.quire.kernel.comments.RejectCommentCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cast: Bob comments on a published article; Alice is staff (the moderator), Carol is not.
 * Another article is a draft, a third archived, a fourth does not exist.
 */
class CommentAggregateTest {

  private static final CommentId COMMENT = CommentId.of("0e000000-0000-4000-8000-000000000001");
  private static final ArticleId PUBLISHED = ArticleId.of("0d000000-0000-4000-8000-000000000001");
  private static final ArticleId DRAFT = ArticleId.of("0d000000-0000-4000-8000-000000000002");
  private static final ArticleId ARCHIVED = ArticleId.of("0d000000-0000-4000-8000-000000000003");
  private static final ArticleId MISSING = ArticleId.of("0d000000-0000-4000-8000-000000000004");

  private final InMemoryArticleLookup articles =
      new InMemoryArticleLookup()
          .with(PUBLISHED, ArticleStatus.PUBLISHED)
          .with(DRAFT, ArticleStatus.DRAFT)
          .with(ARCHIVED, ArticleStatus.ARCHIVED);
  private AggregateTestFixture<Comment> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Comment.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(articles);
  }

  // Posting -----------------------------------------------------------------------------------

  @Test
  void aReaderCommentsOnAPublishedArticleAndTheCommentIsPending() {
    fixture
        .givenNoPriorActivity()
        .when(new PostCommentCommand(COMMENT, PUBLISHED, "Great read.", BOB))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new CommentPostedEvent(COMMENT, PUBLISHED, "Great read.", BOB, NOW))
        .expectState(comment -> assertThat(comment.status()).isEqualTo(CommentStatus.PENDING));
  }

  @Test
  void theBodyIsStoredStripped() {
    fixture
        .givenNoPriorActivity()
        .when(new PostCommentCommand(COMMENT, PUBLISHED, "\n  Great read. \t", BOB))
        .expectEvents(new CommentPostedEvent(COMMENT, PUBLISHED, "Great read.", BOB, NOW));
  }

  @Test
  void aBodyOfFiveThousandCharactersIsLongEnough() {
    String body = "💬".repeat(5_000);
    fixture
        .givenNoPriorActivity()
        .when(new PostCommentCommand(COMMENT, PUBLISHED, " " + body + " ", BOB))
        .expectEvents(new CommentPostedEvent(COMMENT, PUBLISHED, body, BOB, NOW));
  }

  @Test
  void aCommentOnAnArticleThatDoesNotExistIsRefusedAsNoSuchArticle() {
    fixture
        .givenNoPriorActivity()
        .when(new PostCommentCommand(COMMENT, MISSING, "Hello?", BOB))
        .expectException(
            Matchers.predicate(
                (ArticleNotOpenForCommentsException e) ->
                    !e.articleExists()
                        && e.articleStatus().isEmpty()
                        && e.articleId().equals(MISSING)))
        .expectNoEvents();
  }

  @Test
  void aCommentOnADraftIsRefusedAsNotPublished() {
    fixture
        .givenNoPriorActivity()
        .when(new PostCommentCommand(COMMENT, DRAFT, "Early bird.", BOB))
        .expectException(notPublished(ArticleStatus.DRAFT))
        .expectNoEvents();
  }

  @Test
  void aCommentOnAnArchivedArticleIsRefusedAsNotPublished() {
    fixture
        .givenNoPriorActivity()
        .when(new PostCommentCommand(COMMENT, ARCHIVED, "Too late.", BOB))
        .expectException(notPublished(ArticleStatus.ARCHIVED))
        .expectNoEvents();
  }

  @Test
  void aCommentWithoutAnArticleIdIsRefusedAsNoSuchArticle() {
    fixture
        .givenNoPriorActivity()
        .when(new PostCommentCommand(COMMENT, null, "Hello?", BOB))
        .expectException(
            Matchers.predicate((ArticleNotOpenForCommentsException e) -> !e.articleExists()))
        .expectNoEvents();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "\u3000"})
  void aCommentNeedsABody(String body) {
    postRefused(new PostCommentCommand(COMMENT, PUBLISHED, body, BOB));
  }

  @Test
  void aCommentCannotBePostedWithoutABody() {
    postRefused(new PostCommentCommand(COMMENT, PUBLISHED, null, BOB));
  }

  @Test
  void aBodyLongerThanFiveThousandCharactersIsRefused() {
    postRefused(new PostCommentCommand(COMMENT, PUBLISHED, "b".repeat(5_001), BOB));
  }

  @Test
  void aCommentNeedsAnAuthor() {
    postRefused(new PostCommentCommand(COMMENT, PUBLISHED, "Anonymous.", null));
  }

  // Approving ---------------------------------------------------------------------------------

  @Test
  void staffApproveAPendingComment() {
    posted()
        .when(new ApproveCommentCommand(COMMENT, ALICE, true))
        .expectEvents(new CommentApprovedEvent(COMMENT, PUBLISHED, ALICE, NOW))
        .expectState(comment -> assertThat(comment.status()).isEqualTo(CommentStatus.APPROVED));
  }

  @Test
  void staffApproveARejectedComment() {
    posted(new CommentRejectedEvent(COMMENT, PUBLISHED, ALICE, "Off topic", NOW))
        .when(new ApproveCommentCommand(COMMENT, ALICE, true))
        .expectEvents(new CommentApprovedEvent(COMMENT, PUBLISHED, ALICE, NOW));
  }

  @Test
  void approvingAnApprovedCommentRecordsNothing() {
    posted(new CommentApprovedEvent(COMMENT, PUBLISHED, ALICE, NOW))
        .when(new ApproveCommentCommand(COMMENT, ALICE, true))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void someoneWhoIsNotStaffCannotApproveAComment() {
    posted()
        .when(new ApproveCommentCommand(COMMENT, CAROL, false))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void theCommentsAuthorCannotApproveItEither() {
    posted()
        .when(new ApproveCommentCommand(COMMENT, BOB, false))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  // Rejecting ---------------------------------------------------------------------------------

  @Test
  void staffRejectAPendingCommentWithAReason() {
    posted()
        .when(new RejectCommentCommand(COMMENT, ALICE, true, "  Off topic. "))
        .expectEvents(new CommentRejectedEvent(COMMENT, PUBLISHED, ALICE, "Off topic.", NOW))
        .expectState(comment -> assertThat(comment.status()).isEqualTo(CommentStatus.REJECTED));
  }

  @Test
  void staffRejectACommentWithoutAReason() {
    posted()
        .when(new RejectCommentCommand(COMMENT, ALICE, true, null))
        .expectEvents(new CommentRejectedEvent(COMMENT, PUBLISHED, ALICE, null, NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void aBlankReasonIsNoReason(String reason) {
    posted()
        .when(new RejectCommentCommand(COMMENT, ALICE, true, reason))
        .expectEvents(new CommentRejectedEvent(COMMENT, PUBLISHED, ALICE, null, NOW));
  }

  @Test
  void aReasonOfFiveHundredCharactersIsLongEnough() {
    String reason = "r".repeat(500);
    posted()
        .when(new RejectCommentCommand(COMMENT, ALICE, true, reason + "  "))
        .expectEvents(new CommentRejectedEvent(COMMENT, PUBLISHED, ALICE, reason, NOW));
  }

  @Test
  void aReasonLongerThanFiveHundredCharactersIsRefused() {
    posted()
        .when(new RejectCommentCommand(COMMENT, ALICE, true, "r".repeat(501)))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void staffRejectAnApprovedComment() {
    posted(new CommentApprovedEvent(COMMENT, PUBLISHED, ALICE, NOW))
        .when(new RejectCommentCommand(COMMENT, ALICE, true, "Changed my mind"))
        .expectEvents(new CommentRejectedEvent(COMMENT, PUBLISHED, ALICE, "Changed my mind", NOW));
  }

  @Test
  void rejectingARejectedCommentRecordsNothing() {
    posted(new CommentRejectedEvent(COMMENT, PUBLISHED, ALICE, "Off topic", NOW))
        .when(new RejectCommentCommand(COMMENT, ALICE, true, "Another reason"))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void someoneWhoIsNotStaffCannotRejectAComment() {
    posted()
        .when(new RejectCommentCommand(COMMENT, CAROL, false, "Spam"))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void moderationDoesNotDependOnTheArticleStillBeingPublished() {
    articles.with(PUBLISHED, ArticleStatus.ARCHIVED);
    posted()
        .when(new ApproveCommentCommand(COMMENT, ALICE, true))
        .expectEvents(new CommentApprovedEvent(COMMENT, PUBLISHED, ALICE, NOW));
  }

  // -------------------------------------------------------------------------------------------

  private static org.hamcrest.Matcher<ArticleNotOpenForCommentsException> notPublished(
      ArticleStatus status) {
    return Matchers.predicate(
        (ArticleNotOpenForCommentsException e) ->
            e.articleExists() && e.articleStatus().equals(Optional.of(status)));
  }

  private void postRefused(PostCommentCommand command) {
    fixture
        .givenNoPriorActivity()
        .when(command)
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  /** Bob's comment on the published article, pending, followed by {@code then}. */
  private TestExecutor<Comment> posted(Object... then) {
    List<Object> events = new ArrayList<>();
    events.add(new CommentPostedEvent(COMMENT, PUBLISHED, "Great read.", BOB, NOW));
    events.addAll(List.of(then));
    return fixture.given(events);
  }
}
