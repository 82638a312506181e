package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An article's title, body and tags after an edit (all three, as they now are). */
@Revision("1")
public record ArticleRevisedEvent(
    ArticleId articleId,
    @PersonalData(subject = "actor") String title,
    @PersonalData(subject = "actor") String body,
    List<String> tags,
    UserId actor,
    Instant revisedAt) {}
