package io.quire.kernel.comments;

/**
 * Asks for a page of comments in one moderation state (null: all), oldest first; answers a {@link
 * CommentPage}.
 */
public record ListCommentsForModerationQuery(CommentStatus status, int page, int pageSize) {}
