/**
 * Articles: the event-sourced {@link io.quire.command.articles.Article} aggregate (drafts,
 * revisions, publication, archiving), {@link io.quire.command.articles.ArticleEditPolicy} (author
 * or staff), the tag rules ({@link io.quire.command.articles.TagNormalisation}), and the command
 * side's own article lookup table ({@link io.quire.command.articles.ArticleLookup}), kept in the
 * transaction that appends article events so that comments can check an article's status without
 * depending on rebuildable read models.
 */
package io.quire.command.articles;
