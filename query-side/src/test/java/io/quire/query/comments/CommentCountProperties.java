package io.quire.query.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.FindArticleQuery;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentStatus;
import io.quire.kernel.comments.ListApprovedCommentsQuery;
import io.quire.query.testing.ReadModelWorld;
import io.quire.testsupport.Seeded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * For any sequence of approvals and rejections of an article's comments (repeats included), the
 * article's {@code comment_count} is the number of its comments whose latest moderation was an
 * approval, equals the size of its approved list, and survives a rebuild of either read model.
 */
class CommentCountProperties {

  private static final int COMMENTS = 4;

  private final ReadModelWorld world = new ReadModelWorld();
  private final UserId ada = world.user("ada");
  private final UserId moderator = world.user("mod");

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void theCountIsTheNumberOfCommentsLastApproved() {
    Seeded.qt()
        .withExamples(25)
        .forAll(lists().of(integers().between(0, 2 * COMMENTS - 1)).ofSizeBetween(0, 16))
        .checkAssert(
            moves -> {
              ArticleId article = world.article(ada).publish();
              List<CommentId> comments = new ArrayList<>();
              for (int i = 0; i < COMMENTS; i++) {
                comments.add(world.comment(article, ada, "Comment " + i));
              }
              Map<CommentId, CommentStatus> expected = new HashMap<>();
              for (int i = 0; i < moves.size(); i++) {
                CommentId comment = comments.get(moves.get(i) % COMMENTS);
                if (moves.get(i) < COMMENTS) {
                  world.approve(comment, moderator);
                  expected.put(comment, CommentStatus.APPROVED);
                } else {
                  world.reject(comment, moderator, i % 2 == 0 ? null : "Reason " + i);
                  expected.put(comment, CommentStatus.REJECTED);
                }
                long approved =
                    expected.values().stream().filter(s -> s == CommentStatus.APPROVED).count();
                assertThat(count(article))
                    .as("after %s", moves.subList(0, i + 1))
                    .isEqualTo(approved);
              }
              long approved = count(article);
              assertThat(
                      world
                          .commentQueries()
                          .handle(new ListApprovedCommentsQuery(article, 1, 20))
                          .count())
                  .isEqualTo(approved);

              world.events().replay(world.commentProjection());
              assertThat(count(article)).as("comments rebuilt after %s", moves).isEqualTo(approved);
              world.events().replay(world.articleProjection());
              assertThat(count(article)).as("articles rebuilt after %s", moves).isEqualTo(approved);
            });
  }

  private long count(ArticleId article) {
    return world
        .articleQueries()
        .handle(new FindArticleQuery(article))
        .orElseThrow()
        .commentCount();
  }
}
