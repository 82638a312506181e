package io.quire.kernel.articles;

/**
 * Asks for a page of published articles, newest {@code publishedAt} first; null filters match
 * everything. {@code text} matches title or body case-insensitively, {@code tag} is a normalised
 * tag, {@code authorUsername} matches in any letter case. Answers an {@link ArticlePage}.
 */
public record ListPublishedArticlesQuery(
    String text, String tag, String authorUsername, int page, int pageSize) {}
