package io.quire.query.comments;

import static io.quire.query.testing.ReadModelWorld.COMMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePage;
import io.quire.kernel.articles.ArticleView;
import io.quire.kernel.articles.FindArticleQuery;
import io.quire.kernel.articles.ListPublishedArticlesQuery;
import io.quire.kernel.comments.CommentApprovedEvent;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentPage;
import io.quire.kernel.comments.CommentPostedEvent;
import io.quire.kernel.comments.CommentRejectedEvent;
import io.quire.kernel.comments.CommentStatus;
import io.quire.kernel.comments.CommentView;
import io.quire.kernel.comments.FindCommentQuery;
import io.quire.kernel.comments.ListApprovedCommentsQuery;
import io.quire.kernel.comments.ListCommentsForModerationQuery;
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

class CommentReadModelTest {

  private final ReadModelWorld world = new ReadModelWorld();
  private final CommentQueries queries = world.commentQueries();
  private final UserId ada = world.user("ada");
  private final UserId bob = world.user("bob");
  private final UserId moderator = world.user("mod");
  private final ArticleId article = world.article(ada).title("Commented").publish();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void aPostedCommentIsPendingInTheQueueButNotShownOnTheArticle() {
    Instant postedAt = world.moments().peek();
    CommentId comment = world.comment(article, bob, "Nice!");

    CommentView pending =
        new CommentView(
            comment,
            article,
            "Nice!",
            new UserSummary(bob, "bob"),
            CommentStatus.PENDING,
            null,
            postedAt);
    assertThat(find(comment)).contains(pending);
    assertThat(queue(CommentStatus.PENDING)).isEqualTo(new CommentPage(1, List.of(pending)));
    assertThat(approved(article)).isEqualTo(new CommentPage(0, List.of()));
    assertThat(commentCount(article)).isZero();
  }

  @Test
  void anApprovedCommentIsShownAndCountedWithoutChangingTheArticlesVersion() {
    ArticleView before = article(article);
    CommentId comment = world.comment(article, bob, "Nice!");

    world.approve(comment, moderator);

    assertThat(find(comment))
        .hasValueSatisfying(view -> assertThat(view.status()).isEqualTo(CommentStatus.APPROVED));
    assertThat(ids(approved(article))).containsExactly(comment);
    assertThat(article(article))
        .satisfies(
            after -> {
              assertThat(after.commentCount()).isEqualTo(1);
              assertThat(after.version()).isEqualTo(before.version());
              assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
            });
    assertThat(listed(article).commentCount()).isEqualTo(1);
  }

  @Test
  void rejectingAnApprovedCommentUncountsIt() {
    CommentId comment = world.comment(article, bob, "Nice!");
    world.approve(comment, moderator);

    world.reject(comment, moderator, "On second thought");

    assertThat(find(comment))
        .hasValueSatisfying(
            view -> {
              assertThat(view.status()).isEqualTo(CommentStatus.REJECTED);
              assertThat(view.rejectionReason()).isEqualTo("On second thought");
            });
    assertThat(approved(article).count()).isZero();
    assertThat(commentCount(article)).isZero();
  }

  @Test
  void rejectingAPendingCommentCountsNothingAndTheReasonMayBeMissing() {
    CommentId withReason = world.comment(article, bob, "Spam");
    CommentId withoutReason = world.comment(article, bob, "More spam");

    world.reject(withReason, moderator, "Spam");
    world.reject(withoutReason, moderator, null);

    assertThat(commentCount(article)).isZero();
    assertThat(find(withReason))
        .hasValueSatisfying(view -> assertThat(view.rejectionReason()).isEqualTo("Spam"));
    assertThat(find(withoutReason))
        .hasValueSatisfying(
            view -> {
              assertThat(view.status()).isEqualTo(CommentStatus.REJECTED);
              assertThat(view.rejectionReason()).isNull();
            });
  }

  @Test
  void anApprovalOfAnApprovedCommentDoesNotCountItAgain() {
    CommentId comment = world.comment(article, bob, "Nice!");
    world.approve(comment, moderator);

    world.approve(comment, moderator);

    assertThat(commentCount(article)).isEqualTo(1);
    assertThat(approved(article).count()).isEqualTo(1);
  }

  @Test
  void approvingARejectedCommentCountsItAndClearsTheReason() {
    CommentId comment = world.comment(article, bob, "Nice!");
    world.reject(comment, moderator, "Hasty");

    world.approve(comment, moderator);

    assertThat(commentCount(article)).isEqualTo(1);
    assertThat(find(comment))
        .hasValueSatisfying(
            view -> {
              assertThat(view.status()).isEqualTo(CommentStatus.APPROVED);
              assertThat(view.rejectionReason()).isNull();
            });
  }

  @Test
  void theCountIsPerArticle() {
    ArticleId other = world.article(bob).publish();
    CommentId here = world.comment(article, bob, "Here");
    CommentId there = world.comment(other, ada, "There");
    CommentId alsoThere = world.comment(other, ada, "Also there");

    world.approve(here, moderator);
    world.approve(there, moderator);
    world.approve(alsoThere, moderator);
    world.reject(here, moderator, null);

    assertThat(commentCount(article)).isZero();
    assertThat(commentCount(other)).isEqualTo(2);
    assertThat(ids(approved(other))).containsExactly(there, alsoThere);
  }

  @Test
  void aRedeliveredModerationEventChangesNeitherTheCommentNorTheCount() {
    CommentId comment = world.comment(article, bob, "Nice!");
    DomainEventMessage<?> approval =
        world
            .events()
            .publish(
                COMMENT,
                comment,
                new CommentApprovedEvent(comment, article, moderator, world.moments().next()));
    DomainEventMessage<?> rejection =
        world
            .events()
            .publish(
                COMMENT,
                comment,
                new CommentRejectedEvent(
                    comment, article, moderator, "No", world.moments().next()));
    world.approve(comment, moderator);

    world.events().redeliver(approval);
    world.events().redeliver(rejection);
    world.events().redeliver(approval);

    assertThat(commentCount(article)).isEqualTo(1);
    assertThat(find(comment))
        .hasValueSatisfying(view -> assertThat(view.status()).isEqualTo(CommentStatus.APPROVED));
  }

  @Test
  void aRedeliveredPostChangesNothing() {
    CommentId comment = CommentId.random();
    DomainEventMessage<?> posted =
        world
            .events()
            .publish(
                COMMENT,
                comment,
                new CommentPostedEvent(comment, article, "Nice!", bob, world.moments().next()));
    world
        .events()
        .publish(
            COMMENT,
            comment,
            new CommentApprovedEvent(comment, article, moderator, world.moments().next()));

    world.events().redeliver(posted);

    assertThat(find(comment))
        .hasValueSatisfying(view -> assertThat(view.status()).isEqualTo(CommentStatus.APPROVED));
    assertThat(commentCount(article)).isEqualTo(1);
  }

  @Test
  void replayingEveryEventAfterAResetRebuildsTheSameCommentsAndCounts() {
    ArticleId other = world.article(bob).publish();
    CommentId approvedTwice = world.comment(article, bob, "One");
    world.approve(approvedTwice, moderator);
    world.approve(approvedTwice, moderator);
    CommentId approvedThenRejected = world.comment(article, bob, "Two");
    world.approve(approvedThenRejected, moderator);
    world.reject(approvedThenRejected, moderator, "No");
    CommentId rejectedThenApproved = world.comment(other, ada, "Three");
    world.reject(rejectedThenApproved, moderator, "No");
    world.approve(rejectedThenApproved, moderator);
    world.comment(other, ada, "Pending");
    ArticlePage articlesBefore = articles();
    CommentPage queueBefore = queue(null);

    world.events().replayAll();

    assertThat(articles()).isEqualTo(articlesBefore);
    assertThat(queue(null)).isEqualTo(queueBefore);
    assertThat(commentCount(article)).isEqualTo(1);
    assertThat(commentCount(other)).isEqualTo(1);
  }

  @Test
  void rebuildingTheCommentsAloneCountsEveryApprovedCommentOnce() {
    CommentId first = world.comment(article, bob, "One");
    CommentId second = world.comment(article, bob, "Two");
    world.approve(first, moderator);
    world.approve(second, moderator);
    world.approve(second, moderator);
    ArticleView before = article(article);

    world.events().replay(world.commentProjection());

    assertThat(article(article)).isEqualTo(before);
    assertThat(before.commentCount()).isEqualTo(2);
  }

  @Test
  void rebuildingTheArticlesAloneKeepsTheirCommentCounts() {
    CommentId comment = world.comment(article, bob, "One");
    world.approve(comment, moderator);
    ArticleView before = article(article);

    world.events().replay(world.articleProjection());

    assertThat(article(article)).isEqualTo(before);
    assertThat(before.commentCount()).isEqualTo(1);
  }

  @Test
  void aResetEmptiesTheCommentsAndZeroesTheCountsButLeavesTheArticles() {
    CommentId comment = world.comment(article, bob, "One");
    world.approve(comment, moderator);
    ArticleView before = article(article);

    world.events().reset(world.commentProjection());

    assertThat(world.db().rows("comment_view")).isZero();
    assertThat(article(article))
        .satisfies(
            after -> {
              assertThat(after.commentCount()).isZero();
              assertThat(after.version()).isEqualTo(before.version());
              assertThat(after.title()).isEqualTo(before.title());
            });
  }

  @Test
  void approvedCommentsAreOldestFirstWithTiesByIdAndPaged() {
    ArticleId other = world.article(bob).publish();
    Instant sameTime = world.moments().next();
    List<CommentId> comments =
        IntStream.range(0, 7)
            .mapToObj(i -> world.comment(article, i % 2 == 0 ? ada : bob, "Same " + i, sameTime))
            .toList();
    CommentId later = world.comment(article, bob, "Later");
    CommentId pending = world.comment(article, bob, "Pending");
    CommentId elsewhere = world.comment(other, bob, "Elsewhere");
    for (CommentId comment : comments) {
      world.approve(comment, moderator);
    }
    world.approve(later, moderator);
    world.approve(elsewhere, moderator);

    List<CommentId> walked = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      CommentPage results = queries.handle(new ListApprovedCommentsQuery(article, page, 3));
      assertThat(results.count()).isEqualTo(8);
      walked.addAll(ids(results));
    }

    List<CommentId> expected =
        new ArrayList<>(
            comments.stream().sorted(Comparator.comparing(CommentId::toString)).toList());
    expected.add(later);
    assertThat(walked).containsExactlyElementsOf(expected).doesNotContain(pending, elsewhere);
    assertThat(queries.handle(new ListApprovedCommentsQuery(article, 4, 3)))
        .isEqualTo(new CommentPage(8, List.of()));
  }

  @Test
  void theModerationQueueIsOldestFirstAcrossArticlesAndFiltersByStatus() {
    ArticleId other = world.article(bob).publish();
    CommentId first = world.comment(article, bob, "First");
    CommentId second = world.comment(other, ada, "Second");
    CommentId third = world.comment(article, ada, "Third");
    CommentId fourth = world.comment(other, bob, "Fourth");
    world.approve(second, moderator);
    world.reject(fourth, moderator, "No");

    assertThat(ids(queue(CommentStatus.PENDING))).containsExactly(first, third);
    assertThat(ids(queue(CommentStatus.APPROVED))).containsExactly(second);
    assertThat(ids(queue(CommentStatus.REJECTED))).containsExactly(fourth);
    assertThat(ids(queue(null))).containsExactly(first, second, third, fourth);
    assertThat(queue(null).count()).isEqualTo(4);
    assertThat(queries.handle(new ListCommentsForModerationQuery(null, 2, 3)))
        .satisfies(
            page -> {
              assertThat(page.count()).isEqualTo(4);
              assertThat(ids(page)).containsExactly(fourth);
            });
  }

  @Test
  void anAuthorMissingFromTheUserDirectoryIsShownWithoutAUsername() {
    UserId stranger = new UserId(UUID.randomUUID());
    CommentId comment = world.comment(article, stranger, "Hi");

    assertThat(find(comment))
        .hasValueSatisfying(
            view -> assertThat(view.author()).isEqualTo(new UserSummary(stranger, null)));
  }

  @Test
  void anUnknownCommentIsNotFoundAndAnUnknownArticleHasNoComments() {
    assertThat(find(CommentId.random())).isEmpty();
    assertThat(approved(ArticleId.random())).isEqualTo(new CommentPage(0, List.of()));
  }

  @Test
  void listsAreOneStatementForThePageAndOneForTheCountWhateverThePageSize() {
    for (int i = 0; i < 30; i++) {
      CommentId comment = world.comment(article, i % 2 == 0 ? ada : bob, "Comment " + i);
      if (i % 3 != 0) {
        world.approve(comment, moderator);
      }
    }

    for (int pageSize : new int[] {1, 10, 100}) {
      ListApprovedCommentsQuery approvedQuery = new ListApprovedCommentsQuery(article, 1, pageSize);
      assertThat(world.db().statementsDuring(() -> queries.handle(approvedQuery))).isEqualTo(2);
      assertThat(queries.handle(approvedQuery).results()).hasSize(Math.min(pageSize, 20));
      for (CommentStatus status : new CommentStatus[] {null, CommentStatus.PENDING}) {
        ListCommentsForModerationQuery queueQuery =
            new ListCommentsForModerationQuery(status, 1, pageSize);
        assertThat(world.db().statementsDuring(() -> queries.handle(queueQuery))).isEqualTo(2);
      }
    }
    assertThat(
            world
                .db()
                .statementsDuring(() -> queries.handle(new FindCommentQuery(CommentId.random()))))
        .isEqualTo(1);
  }

  @Test
  void aModerationAfterMissingEventsFails() {
    CommentId comment = world.comment(article, bob, "Nice!");

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .deliver(
                        COMMENT,
                        comment,
                        2,
                        new CommentApprovedEvent(
                            comment, article, moderator, world.moments().next())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("events are missing");
    assertThat(commentCount(article)).isZero();
  }

  @Test
  void aModerationOfACommentTheReadModelDoesNotKnowFails() {
    CommentId unknown = CommentId.random();

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .deliver(
                        COMMENT,
                        unknown,
                        1,
                        new CommentApprovedEvent(
                            unknown, article, moderator, world.moments().next())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("events are missing");
  }

  @Test
  void anApprovalOnAnArticleTheReadModelDoesNotKnowFails() {
    CommentId comment = world.comment(ArticleId.random(), bob, "Lost");

    assertThatThrownBy(() -> world.approve(comment, moderator))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("article_view has no row");
  }

  @Test
  void aModerationEventNamingAnotherArticleFails() {
    CommentId comment = world.comment(article, bob, "Nice!");
    ArticleId other = world.article(bob).publish();

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .deliver(
                        COMMENT,
                        comment,
                        1,
                        new CommentApprovedEvent(
                            comment, other, moderator, world.moments().next())))
        .isInstanceOf(IllegalStateException.class);
    assertThat(commentCount(other)).isZero();
  }

  private Optional<CommentView> find(CommentId comment) {
    return queries.handle(new FindCommentQuery(comment));
  }

  private CommentPage approved(ArticleId article) {
    return queries.handle(new ListApprovedCommentsQuery(article, 1, 20));
  }

  private CommentPage queue(CommentStatus status) {
    return queries.handle(new ListCommentsForModerationQuery(status, 1, 20));
  }

  private ArticleView article(ArticleId article) {
    return world.articleQueries().handle(new FindArticleQuery(article)).orElseThrow();
  }

  private long commentCount(ArticleId article) {
    return article(article).commentCount();
  }

  private ArticleView listed(ArticleId article) {
    return articles().results().stream()
        .filter(item -> item.id().equals(article))
        .findFirst()
        .orElseThrow();
  }

  private ArticlePage articles() {
    return world.articleQueries().handle(new ListPublishedArticlesQuery(null, null, null, 1, 100));
  }

  private static List<CommentId> ids(CommentPage page) {
    return page.results().stream().map(CommentView::id).toList();
  }
}
