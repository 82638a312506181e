package io.quire.command.articles;

import io.quire.kernel.articles.ArticleId;

/**
 * Revising or publishing an archived article: archiving is final. The API answers 409 {@code
 * conflict}. (Archiving it again is not refused: it changes nothing.)
 */
public class ArticleArchivedException extends RuntimeException {

  public ArticleArchivedException(ArticleId articleId) {
    super("The article is archived and can no longer be changed: " + articleId);
  }
}
