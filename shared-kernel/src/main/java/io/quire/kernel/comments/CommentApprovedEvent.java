package io.quire.kernel.comments;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArticleId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A comment was approved and is shown publicly. */
@Revision("1")
public record CommentApprovedEvent(
    CommentId commentId, ArticleId articleId, UserId moderator, Instant approvedAt) {}
