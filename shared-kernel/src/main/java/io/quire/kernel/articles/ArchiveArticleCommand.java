package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Archives an article (author or staff); archiving an archived article changes nothing. */
public record ArchiveArticleCommand(
    @TargetAggregateIdentifier ArticleId articleId,
    UserId actor,
    boolean actorIsStaff,
    @TargetAggregateVersion Long expectedVersion) {}
