package io.quire.kernel.articles;

/**
 * Asks for one article whatever its status; answers an {@code Optional<ArticleView>} (the API
 * decides who may see it).
 */
public record FindArticleQuery(ArticleId articleId) {}
