package io.quire.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.Articles;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ArticlesIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Articles articles;

  @Test
  void aNewArticleIsADraftWithNormalisedTags() {
    TestUser bob = users.aRegisteredUser("bob");

    Response created =
        api.as(bob.token())
            .post(
                "/api/v1/articles/",
                Map.of(
                    "title", "  Testing event-sourced systems ",
                    "body", "Long text",
                    "tags",
                        List.of("Django", " django ", "Property Testing", "DJANGO", "Ça marche!")));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode article = created.json();
    assertThat(article.get("title").asText()).isEqualTo("Testing event-sourced systems");
    assertThat(article.get("status").asText()).isEqualTo("draft");
    assertThat(article.get("tags").toString())
        .isEqualTo("[\"django\",\"property-testing\",\"ca-marche\"]");
    assertThat(article.at("/author/username").asText()).isEqualTo(bob.username());
    assertThat(article.get("published_at").isNull()).isTrue();
    assertThat(article.get("comment_count").asInt()).isZero();
    assertThat(article.get("version").asInt()).isEqualTo(1);
    assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
    assertThat(created.header("Location"))
        .isEqualTo("/api/v1/articles/" + article.get("id").asText() + "/");
  }

  @Test
  void badTagsAreA400OnTagsAndNothingIsWritten() {
    TestUser bob = users.aRegisteredUser("bob");
    List<String> tooMany = new java.util.ArrayList<>();
    for (int i = 0; i < 21; i++) {
      tooMany.add("tag " + i);
    }

    for (List<String> tags : List.of(List.of("ok", "   "), List.of("!!!"), List.of(""), tooMany)) {
      Response r =
          api.as(bob.token())
              .post("/api/v1/articles/", Map.of("title", "T", "body", "x", "tags", tags));
      assertThat(r.status()).as(tags + ": " + r).isEqualTo(400);
      assertThat(r.json().at("/error/details/tags/0").isTextual()).isTrue();
    }
    assertThat(
            api.as(bob.token())
                .get("/api/v1/articles/?author=" + bob.username())
                .json()
                .get("count")
                .asInt())
        .isZero();
  }

  @Test
  void aTitleIsOneTo200CharactersAfterTrimmingAndTheBodyIsRequired() {
    TestUser bob = users.aRegisteredUser("bob");
    var as = api.as(bob.token());

    Response blank = as.post("/api/v1/articles/", Map.of("title", "   ", "body", "x"));
    Response longTitle =
        as.post("/api/v1/articles/", Map.of("title", "x".repeat(201), "body", "x"));
    Response justRight =
        as.post("/api/v1/articles/", Map.of("title", " " + "x".repeat(200) + " ", "body", "x"));
    Response noBody = as.post("/api/v1/articles/", Map.of("title", "T"));
    Response anonymous = api.post("/api/v1/articles/", Map.of("title", "T", "body", "x"));

    assertThat(blank.json().at("/error/details/title").isArray()).isTrue();
    assertThat(longTitle.json().at("/error/details/title").isArray()).isTrue();
    assertThat(justRight.status()).isEqualTo(201);
    assertThat(noBody.json().at("/error/details/body/0").asText())
        .isEqualTo("This field is required.");
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void aDraftIsVisibleToItsAuthorAndStaffOnly() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser reader = users.aRegisteredUser("reader");
    TestUser staff = users.aStaffUser();
    String draft = articles.aDraft(ada);

    assertThat(api.as(ada.token()).get(path(draft)).status()).isEqualTo(200);
    assertThat(api.as(staff.token()).get(path(draft)).status()).isEqualTo(200);
    Response toReader = api.as(reader.token()).get(path(draft));
    Response toAnonymous = api.get(path(draft));
    Response unknown = api.get(path(UUID.randomUUID().toString()));
    assertThat(toReader.status()).isEqualTo(404);
    assertThat(toAnonymous.text()).isEqualTo(unknown.text());
    assertThat(api.as(reader.token()).patch(path(draft), Map.of("title", "Mine")).status())
        .isEqualTo(404);
    assertThat(api.get(path(draft) + "comments/").status()).isEqualTo(404);
  }

  @Test
  void theAuthorPublishesADraftAndEveryoneSeesIt() {
    TestUser ada = users.aRegisteredUser("ada");
    String draft = articles.aDraft(ada);

    Response published = api.as(ada.token()).post(path(draft) + "publish/", Map.of());
    Response again = api.as(ada.token()).post(path(draft) + "publish/", Map.of());

    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    assertThat(published.json().get("status").asText()).isEqualTo("published");
    assertThat(published.json().get("published_at").asText()).endsWith("Z");
    assertThat(published.json().get("version").asInt()).isEqualTo(2);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("version").asInt()).isEqualTo(2);
    assertThat(api.get(path(draft)).status()).isEqualTo(200);
    assertThat(titles("?author=" + ada.username()))
        .containsExactly("Testing event-sourced systems");
  }

  @Test
  void aBodySentToPublishIsCheckedLikeAnyOtherAndChangesNothingWhenRefused() {
    TestUser ada = users.aRegisteredUser("ada");
    String draft = articles.aDraft(ada);
    var author = api.as(ada.token());

    Response unknownField = author.post(path(draft) + "publish/", Map.of("status", "archived"));
    Response malformed = author.request("POST", path(draft) + "publish/").json("{x").send();
    Response text =
        author.request("POST", path(draft) + "publish/").body("text/plain", "publish").send();

    assertThat(unknownField.status()).as(unknownField.toString()).isEqualTo(400);
    assertThat(unknownField.json().at("/error/details/status/0").asText())
        .isEqualTo("Unknown field.");
    assertThat(malformed.json().at("/error/code").asText()).isEqualTo("malformed_json");
    assertThat(text.status()).as(text.toString()).isEqualTo(415);
    assertThat(author.get(path(draft)).json().get("status").asText()).isEqualTo("draft");
    Response bodiless = author.request("POST", path(draft) + "publish/").send();
    assertThat(bodiless.status()).as(bodiless.toString()).isEqualTo(200);
    assertThat(bodiless.json().get("status").asText()).isEqualTo("published");
  }

  @Test
  void onlyTheAuthorOrStaffChangeAnArticle() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser reader = users.aRegisteredUser("reader");
    TestUser staff = users.aStaffUser();
    String article = articles.aPublishedArticle(ada);

    Response byReader = api.as(reader.token()).patch(path(article), Map.of("title", "Mine"));
    Response publishByReader = api.as(reader.token()).post(path(article) + "publish/", Map.of());
    Response archiveByReader = api.as(reader.token()).delete(path(article));
    Response byStaff =
        api.as(staff.token()).patch(path(article), Map.of("tags", List.of("Edited By Staff")));
    Response byAuthor = api.as(ada.token()).patch(path(article), Map.of("body", "Shorter"));

    for (Response r : List.of(byReader, publishByReader, archiveByReader)) {
      assertThat(r.status()).as(r.toString()).isEqualTo(403);
    }
    assertThat(byStaff.status()).as(byStaff.toString()).isEqualTo(200);
    assertThat(byAuthor.json().get("tags").toString()).isEqualTo("[\"edited-by-staff\"]");
    assertThat(byAuthor.json().get("body").asText()).isEqualTo("Shorter");
    assertThat(byAuthor.json().get("title").asText()).isEqualTo("Testing event-sourced systems");
  }

  @Test
  void aPatchRefusesNullsAndStaleVersions() {
    TestUser ada = users.aRegisteredUser("ada");
    String article = articles.aPublishedArticle(ada);
    Map<String, Object> nullTitle = new HashMap<>();
    nullTitle.put("title", null);

    Response nulls = api.as(ada.token()).patch(path(article), nullTitle);
    Response stale =
        api.as(ada.token())
            .request("PATCH", path(article))
            .header("If-Match", "W/\"1\"")
            .json(Map.of("title", "x"))
            .send();
    Response fresh =
        api.as(ada.token())
            .request("PATCH", path(article))
            .header("If-Match", "W/\"2\"")
            .json(Map.of("title", "New"))
            .send();

    assertThat(nulls.status()).isEqualTo(400);
    assertThat(nulls.json().at("/error/details/title/0").asText())
        .isEqualTo("This field may not be null.");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
    assertThat(fresh.header("ETag")).isEqualTo("W/\"3\"");
  }

  @Test
  void anArchivedArticleLeavesTheListButNotItsAuthor() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser reader = users.aRegisteredUser("reader");
    String article = articles.aPublishedArticle(ada);

    Response archived = api.as(ada.token()).delete(path(article));

    assertThat(archived.status()).isEqualTo(204);
    assertThat(titles("?author=" + ada.username())).isEmpty();
    assertThat(api.as(reader.token()).get(path(article)).status()).isEqualTo(404);
    Response own = api.as(ada.token()).get(path(article));
    assertThat(own.json().get("status").asText()).isEqualTo("archived");
    assertThat(api.as(ada.token()).delete(path(article)).status()).isEqualTo(204);
    Response republish = api.as(ada.token()).post(path(article) + "publish/", Map.of());
    assertThat(republish.status()).isEqualTo(409);
    assertThat(api.as(ada.token()).patch(path(article), Map.of("title", "x")).status())
        .isEqualTo(409);
  }

  private static String path(String article) {
    return "/api/v1/articles/" + article + "/";
  }

  private List<String> titles(String query) {
    Response r = api.get("/api/v1/articles/" + query);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    r.json().get("results").forEach(item -> assertThat(item.has("body")).isFalse());
    return r.json().get("results").findValuesAsText("title");
  }
}
