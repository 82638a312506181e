package io.quire.kernel.articles;

import java.util.List;

/** One page of articles (without bodies) and the total count. */
public record ArticlePage(long count, List<ArticleView> results) {}
