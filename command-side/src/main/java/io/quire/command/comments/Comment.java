package io.quire.command.comments;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.quire.command.articles.ArticleLookup;
import io.quire.command.common.PermissionDeniedException;
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
import io.quire.kernel.common.Characters;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A comment on an article, and its moderation. Anyone with an account posts comments on published
 * articles (the article's status comes from {@link ArticleLookup}); a comment starts pending, and
 * staff approve or reject it, as often as they change their minds. Approving an approved comment
 * and rejecting a rejected one change nothing.
 *
 * <p>Input the API should have refused already is refused with {@link IllegalArgumentException}: a
 * body that is blank or longer than {@value #MAX_BODY_LENGTH} characters once stripped (the body is
 * stored stripped), a rejection reason longer than {@value #MAX_REASON_LENGTH} characters once
 * stripped (a blank reason is no reason). Lengths count Unicode code points.
 */
@Aggregate
public class Comment {

  public static final int MAX_BODY_LENGTH = 5_000;
  public static final int MAX_REASON_LENGTH = 500;

  @AggregateIdentifier private CommentId id;
  private ArticleId articleId;
  private CommentStatus status;

  protected Comment() {
    // For Axon's event sourcing.
  }

  @CommandHandler
  public Comment(PostCommentCommand command, ArticleLookup articles, Clock clock) {
    if (command.author() == null) {
      throw new IllegalArgumentException("A comment needs an author.");
    }
    ArticleStatus articleStatus =
        articles
            .statusOf(command.articleId())
            .orElseThrow(
                () -> ArticleNotOpenForCommentsException.noSuchArticle(command.articleId()));
    if (articleStatus != ArticleStatus.PUBLISHED) {
      throw ArticleNotOpenForCommentsException.notPublished(command.articleId(), articleStatus);
    }
    String body = requireBody(command.body());
    apply(
        new CommentPostedEvent(
            command.commentId(), command.articleId(), body, command.author(), clock.instant()));
  }

  @CommandHandler
  public void handle(ApproveCommentCommand command, Clock clock) {
    requireStaff(command.moderatorIsStaff());
    if (status == CommentStatus.APPROVED) {
      return;
    }
    apply(new CommentApprovedEvent(id, articleId, command.moderator(), clock.instant()));
  }

  @CommandHandler
  public void handle(RejectCommentCommand command, Clock clock) {
    requireStaff(command.moderatorIsStaff());
    String reason = reason(command.reason());
    if (status == CommentStatus.REJECTED) {
      return;
    }
    apply(new CommentRejectedEvent(id, articleId, command.moderator(), reason, clock.instant()));
  }

  private static void requireStaff(boolean moderatorIsStaff) {
    if (!moderatorIsStaff) {
      throw new PermissionDeniedException("Only staff may moderate comments.");
    }
  }

  /** The body as stored: stripped. */
  private static String requireBody(String body) {
    String stripped = body == null ? "" : body.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException("A comment needs a body.");
    }
    if (Characters.count(stripped) > MAX_BODY_LENGTH) {
      throw new IllegalArgumentException(
          "A comment's body has at most " + MAX_BODY_LENGTH + " characters.");
    }
    return stripped;
  }

  /** The reason as stored: stripped, {@code null} when missing or blank. */
  private static String reason(String reason) {
    String stripped = reason == null ? "" : reason.strip();
    if (Characters.count(stripped) > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException(
          "A rejection reason has at most " + MAX_REASON_LENGTH + " characters.");
    }
    return stripped.isEmpty() ? null : stripped;
  }

  /** The comment's moderation status, as the events so far made it. */
  CommentStatus status() {
    return status;
  }

  @EventSourcingHandler
  void on(CommentPostedEvent event) {
    this.id = event.commentId();
    this.articleId = event.articleId();
    this.status = CommentStatus.PENDING;
  }

  @EventSourcingHandler
  void on(CommentApprovedEvent event) {
    this.status = CommentStatus.APPROVED;
  }

  @EventSourcingHandler
  void on(CommentRejectedEvent event) {
    this.status = CommentStatus.REJECTED;
  }
}
