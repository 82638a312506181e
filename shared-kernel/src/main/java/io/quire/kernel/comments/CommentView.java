package io.quire.kernel.comments;

import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.articles.ArticleId;
import java.time.Instant;

/** A comment as the API shows it. */
public record CommentView(
    CommentId id,
    ArticleId articleId,
    String body,
    UserSummary author,
    CommentStatus status,
    String rejectionReason,
    Instant createdAt) {}
