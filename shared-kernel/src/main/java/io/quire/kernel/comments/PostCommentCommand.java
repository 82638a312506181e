package io.quire.kernel.comments;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArticleId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Posts a comment, pending moderation, on a published article. */
public record PostCommentCommand(
    @TargetAggregateIdentifier CommentId commentId,
    ArticleId articleId,
    String body,
    UserId author) {}
