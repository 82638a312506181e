package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An article was archived: visible only to its author and staff from now on. */
@Revision("1")
public record ArticleArchivedEvent(ArticleId articleId, UserId actor, Instant archivedAt) {}
