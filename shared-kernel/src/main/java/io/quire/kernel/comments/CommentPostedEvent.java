package io.quire.kernel.comments;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A comment was posted; it is pending moderation. */
@Revision("1")
public record CommentPostedEvent(
    CommentId commentId,
    ArticleId articleId,
    @PersonalData(subject = "author") String body,
    UserId author,
    Instant postedAt) {}
