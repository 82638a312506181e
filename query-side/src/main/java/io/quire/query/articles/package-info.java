/**
 * The article read models: articles in every status ({@code article_view}) and their tags one per
 * row ({@code article_tag}), built by {@link io.quire.query.articles.ArticleProjection} (processing
 * group {@code articles}) and read by {@link io.quire.query.articles.ArticleQueries}: the published
 * list with its text, tag and author filters, and one article by id. The approved-comment count in
 * {@code article_view} is written by {@link io.quire.query.comments.CommentProjection}.
 */
package io.quire.query.articles;
