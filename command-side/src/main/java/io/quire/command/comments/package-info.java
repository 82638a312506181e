/**
 * Comments: the event-sourced {@link io.quire.command.comments.Comment} aggregate, a comment on a
 * published article and its moderation by staff (pending, approved, rejected). Whether an article
 * takes comments comes from the command side's {@link io.quire.command.articles.ArticleLookup}.
 */
package io.quire.command.comments;
