package io.quire.kernel.comments;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArticleId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A comment was rejected ({@code reason} may be null); it is not shown publicly. */
@Revision("1")
public record CommentRejectedEvent(
    CommentId commentId,
    ArticleId articleId,
    UserId moderator,
    String reason,
    Instant rejectedAt) {}
