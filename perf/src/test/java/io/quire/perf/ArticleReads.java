package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.quire.perf.seed.Vocabulary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The public, anonymous article reads, one chain per request, each checking its status and the
 * shape of its answer. A list-like read keeps one of the listed ids as {@code articleId} for {@link
 * #detailOfListed()}.
 */
final class ArticleReads {

  static final String ARTICLES = "/api/v1/articles/";
  static final String LIST = "list";
  static final String SEARCH = "search";
  static final String TAG = "tag";
  static final String DETAIL = "detail";
  static final int PAGES = 5;
  static final int PAGE_SIZE = 20;

  private static final FeederBuilder<Object> SEARCH_TERMS =
      column("word", Vocabulary.searchTerms());
  private static final FeederBuilder<Object> TAGS = column("tag", Vocabulary.TAGS);

  private ArticleReads() {}

  /** A full page of the published list, page 1 to {@value #PAGES}. */
  static ChainBuilder listPage() {
    return exec(session -> session.set("page", 1 + ThreadLocalRandom.current().nextInt(PAGES)))
        .exec(
            http(LIST)
                .get(ARTICLES)
                .queryParam("page", "#{page}")
                .queryParam("page_size", PAGE_SIZE)
                .check(
                    status().is(200),
                    jmesPath("count").ofInt().gte(PAGES * PAGE_SIZE),
                    jmesPath("length(results)").ofInt().is(PAGE_SIZE),
                    keepOneListedId()));
  }

  /** {@code ?q=} with a word that occurs in the seeded articles. */
  static ChainBuilder search() {
    return feed(SEARCH_TERMS)
        .exec(
            http(SEARCH)
                .get(ARTICLES)
                .queryParam("q", "#{word}")
                .queryParam("page_size", PAGE_SIZE)
                .check(status().is(200), jmesPath("count").ofInt().exists(), keepOneListedId()));
  }

  /** {@code ?tag=} with a tag of the seeded articles; every listed article must carry it. */
  static ChainBuilder tag() {
    return feed(TAGS)
        .exec(
            http(TAG)
                .get(ARTICLES)
                .queryParam("tag", "#{tag}")
                .queryParam("page_size", PAGE_SIZE)
                .check(
                    status().is(200),
                    jmesPath("count").ofInt().exists(),
                    jmesPath("length(results[?!contains(tags, '#{tag}')])").ofInt().is(0),
                    keepOneListedId()));
  }

  /** The detail of the article a list-like read kept, if it listed any. */
  static ChainBuilder detailOfListed() {
    return doIf(session -> session.contains("articleId")).then(detail());
  }

  /** {@code GET /api/v1/articles/{articleId}/}: the published article, with its body. */
  static ChainBuilder detail() {
    return exec(
        http(DETAIL)
            .get(ARTICLES + "#{articleId}/")
            .check(
                status().is(200),
                jmesPath("id").isEL("#{articleId}"),
                jmesPath("status").is("published"),
                jmesPath("body").exists()));
  }

  private static CheckBuilder keepOneListedId() {
    return jsonPath("$.results[*].id").findRandom().optional().saveAs("articleId");
  }

  /** A random feeder of one column. */
  static FeederBuilder<Object> column(String name, List<String> values) {
    return listFeeder(values.stream().map(v -> Map.<String, Object>of(name, v)).toList()).random();
  }
}
