package io.quire.kernel.comments;

import io.quire.kernel.articles.ArticleId;

/**
 * Asks for a page of an article's approved comments, oldest first; answers a {@link CommentPage}.
 */
public record ListApprovedCommentsQuery(ArticleId articleId, int page, int pageSize) {}
