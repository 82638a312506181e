package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An article was written, as a draft. */
@Revision("1")
public record ArticleDraftedEvent(
    ArticleId articleId,
    String title,
    String body,
    List<String> tags,
    UserId author,
    Instant createdAt) {}
