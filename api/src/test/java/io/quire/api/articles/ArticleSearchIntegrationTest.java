package io.quire.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.Articles;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search, tag and author filters over one author's articles (the database is shared with other
 * tests, so every query also filters by this author or by a tag only these articles carry).
 */
@IntegrationTest
class ArticleSearchIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Articles articles;

  private TestUser ada;
  private String marker;

  @BeforeEach
  void fourArticlesPublishedOneAfterTheOther() {
    ada = users.aRegisteredUser("ada");
    marker = "m" + ada.id().substring(0, 8);
    articles.aPublishedArticle(ada, "Event sourcing 101", "What is an event?", marker, "events");
    articles.aPublishedArticle(ada, "Property testing", "Shrinking 100% of inputs", marker);
    articles.aDraft(ada, "Unpublished events", "Draft about EVENTS", marker, "events");
    articles.aPublishedArticle(ada, "Contracts", "Pact and EVENTS", marker, "contracts");
  }

  @Test
  void thePublishedListIsNewestFirstWithoutDrafts() {
    assertThat(titles("?author=" + ada.username()))
        .containsExactly("Contracts", "Property testing", "Event sourcing 101");
  }

  @Test
  void authorMatchesInAnyLetterCase() {
    assertThat(titles("?author=" + ada.username().toUpperCase(Locale.ROOT))).hasSize(3);
    assertThat(titles("?author=" + Users.aNewUsername("nobody"))).isEmpty();
  }

  @Test
  void searchMatchesTitleOrBodyInAnyCase() {
    assertThat(titles("?author=" + ada.username() + "&q=event"))
        .containsExactly("Contracts", "Event sourcing 101");
    assertThat(titles("?author=" + ada.username() + "&q=" + encode("100%")))
        .containsExactly("Property testing");
    assertThat(titles("?author=" + ada.username() + "&q=" + encode("1_0"))).isEmpty();
  }

  @Test
  void theTagFilterIsNormalisedLikeTags() {
    assertThat(titles("?tag=" + marker)).hasSize(3);
    assertThat(titles("?tag=" + marker.toUpperCase(Locale.ROOT) + "&q=contracts"))
        .containsExactly("Contracts");
    assertThat(titles("?author=" + ada.username() + "&tag=EVENTS"))
        .containsExactly("Event sourcing 101");
    Response bad = api.get("/api/v1/articles/?tag=" + encode("!!!"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/details/tag").isArray()).isTrue();
  }

  @Test
  void pagesCoverTheList() {
    Response first = api.get("/api/v1/articles/?page_size=2&tag=" + marker);
    Response second = api.get("/api/v1/articles/?page_size=2&page=2&tag=" + marker);

    assertThat(first.json().get("count").asInt()).isEqualTo(3);
    assertThat(first.json().get("next").asText()).contains("page=2");
    assertThat(titles(second)).containsExactly("Event sourcing 101");
  }

  private List<String> titles(String query) {
    return titles(api.get("/api/v1/articles/" + query));
  }

  private static List<String> titles(Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("results").findValuesAsText("title");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
