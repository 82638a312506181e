package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An article's title, body and tags after an edit (all three, as they now are). */
@Revision("1")
public record ArticleRevisedEvent(
    ArticleId articleId,
    String title,
    String body,
    List<String> tags,
    UserId actor,
    Instant revisedAt) {}
