/**
 * The comment read model: every comment with its moderation state ({@code comment_view}), built by
 * {@link io.quire.query.comments.CommentProjection} (processing group {@code comments}), which also
 * keeps each article's count of approved comments in {@code article_view}; read by {@link
 * io.quire.query.comments.CommentQueries}: an article's approved comments, the moderation queue,
 * and one comment by id.
 */
package io.quire.query.comments;
