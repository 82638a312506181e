package io.quire.command.comments;

import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticleStatus;
import java.util.Optional;

/**
 * Posting a comment on an article that does not take comments: there is no such article, or it is
 * not published (a draft, or archived). {@link #articleStatus()} tells the two apart, so the API
 * can answer 404 {@code not_found} when the article does not exist or the caller may not see it (a
 * draft or an archived article of someone else, for a non-staff caller), and 409 {@code conflict}
 * otherwise.
 */
public class ArticleNotOpenForCommentsException extends RuntimeException {

  private final ArticleId articleId;
  private final ArticleStatus articleStatus;

  private ArticleNotOpenForCommentsException(
      String message, ArticleId articleId, ArticleStatus articleStatus) {
    super(message);
    this.articleId = articleId;
    this.articleStatus = articleStatus;
  }

  /** There is no article with this id. */
  public static ArticleNotOpenForCommentsException noSuchArticle(ArticleId articleId) {
    return new ArticleNotOpenForCommentsException(
        "There is no such article: " + articleId, articleId, null);
  }

  /** The article exists but is not published: it is a draft, or archived. */
  public static ArticleNotOpenForCommentsException notPublished(
      ArticleId articleId, ArticleStatus status) {
    return new ArticleNotOpenForCommentsException(
        "Only published articles take comments; this one is "
            + status.wireName()
            + ": "
            + articleId,
        articleId,
        status);
  }

  public ArticleId articleId() {
    return articleId;
  }

  /** The article's status ({@code draft} or {@code archived}), empty when it does not exist. */
  public Optional<ArticleStatus> articleStatus() {
    return Optional.ofNullable(articleStatus);
  }

  /** Whether the article exists (and so is not published). */
  public boolean articleExists() {
    return articleStatus != null;
  }
}
