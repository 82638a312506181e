package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Publishes a draft (author or staff). */
public record PublishArticleCommand(
    @TargetAggregateIdentifier ArticleId articleId,
    UserId actor,
    boolean actorIsStaff,
    @TargetAggregateVersion Long expectedVersion) {}
