package io.quire.api.articles;

import io.quire.api.accounts.Viewer;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.kernel.articles.ArticleView;

/**
 * Who may see an article: anyone once it is published; a draft or an archived article only its
 * author and staff. To everyone else it does not exist (404), so unpublished work never leaks.
 */
final class ArticleVisibility {

  private ArticleVisibility() {}

  static boolean canSee(Viewer viewer, ArticleView article) {
    if (article.status() == ArticleStatus.PUBLISHED) {
      return true;
    }
    return viewer.isStaff()
        || viewer.signedIn().map(u -> u.id().equals(article.author().id())).orElse(false);
  }
}
