package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An article was written, as a draft. */
@Revision("1")
public record ArticleDraftedEvent(
    ArticleId articleId,
    @PersonalData(subject = "author") String title,
    @PersonalData(subject = "author") String body,
    List<String> tags,
    UserId author,
    Instant createdAt) {}
