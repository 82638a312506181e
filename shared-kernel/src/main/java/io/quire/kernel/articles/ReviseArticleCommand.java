package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes an article's title, body or tags: each {@code null} field stays as it is. Only the author
 * or staff ({@code actorIsStaff}, vouched for by the caller's credentials) may.
 */
public record ReviseArticleCommand(
    @TargetAggregateIdentifier ArticleId articleId,
    String title,
    String body,
    List<String> tags,
    UserId actor,
    boolean actorIsStaff,
    @TargetAggregateVersion Long expectedVersion) {}
