package io.quire.kernel.articles;

import io.quire.kernel.accounts.UserSummary;
import java.time.Instant;
import java.util.List;

/**
 * An article as the API shows it; {@code body} is null in list pages, {@code commentCount} counts
 * approved comments, {@code version} counts its events.
 */
public record ArticleView(
    ArticleId id,
    String title,
    String body,
    List<String> tags,
    ArticleStatus status,
    UserSummary author,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt,
    long commentCount,
    long version) {}
