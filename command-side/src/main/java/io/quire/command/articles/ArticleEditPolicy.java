package io.quire.command.articles;

import io.quire.kernel.accounts.UserId;

/**
 * Who may change an article (revise, publish, archive): its author and staff, nobody else. A
 * missing actor is never the author.
 */
public final class ArticleEditPolicy {

  private ArticleEditPolicy() {}

  /**
   * Whether the actor may change the article.
   *
   * @param actorIsStaff whether the actor is staff, as the caller's credentials vouch
   * @param author the article's author
   */
  public static boolean mayEdit(UserId actor, boolean actorIsStaff, UserId author) {
    return actorIsStaff || (actor != null && actor.equals(author));
  }
}
