package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Writes a new article as a draft. {@code tags} are already normalised (see the command side's tag
 * normalisation).
 */
public record DraftArticleCommand(
    @TargetAggregateIdentifier ArticleId articleId,
    String title,
    String body,
    List<String> tags,
    UserId author) {}
