package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A draft was published. */
@Revision("1")
public record ArticlePublishedEvent(ArticleId articleId, UserId actor, Instant publishedAt) {}
