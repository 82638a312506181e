package io.quire.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.Articles;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CommentsIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Articles articles;

  @Test
  void aReadersCommentWaitsForModerationBeforeAnyoneSeesIt() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser reader = users.aRegisteredUser("reader");
    TestUser staff = users.aStaffUser();
    String article = articles.aPublishedArticle(ada);

    Response posted =
        api.as(reader.token()).post(comments(article), Map.of("body", "  Great read. "));

    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    assertThat(posted.json().get("status").asText()).isEqualTo("pending");
    assertThat(posted.json().get("body").asText()).isEqualTo("Great read.");
    assertThat(posted.json().get("article_id").asText()).isEqualTo(article);
    assertThat(posted.json().at("/author/username").asText()).isEqualTo(reader.username());
    assertThat(api.get(comments(article)).json().get("count").asInt()).isZero();
    assertThat(commentCount(article)).isZero();

    String id = posted.json().get("id").asText();
    Response approved = api.as(staff.token()).post(moderation(id) + "approve/", Map.of());

    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("status").asText()).isEqualTo("approved");
    assertThat(ids(api.get(comments(article)).json())).containsExactly(id);
    assertThat(commentCount(article)).isEqualTo(1);
  }

  @Test
  void theCommentCountCountsApprovedCommentsOnly() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser staff = users.aStaffUser();
    String article = articles.aPublishedArticle(ada);
    String first = articles.aPendingComment(article, ada, "First");
    String second = articles.aPendingComment(article, ada, "Second");
    articles.aPendingComment(article, ada, "Third");
    var moderator = api.as(staff.token());

    moderator.post(moderation(first) + "approve/", Map.of());
    moderator.post(moderation(first) + "approve/", Map.of());
    moderator.post(moderation(second) + "approve/", Map.of());
    Response rejected = moderator.post(moderation(second) + "reject/", Map.of("reason", "Spam"));

    assertThat(rejected.json().get("status").asText()).isEqualTo("rejected");
    assertThat(rejected.json().get("rejection_reason").asText()).isEqualTo("Spam");
    assertThat(commentCount(article)).isEqualTo(1);
    assertThat(api.get(comments(article)).json().get("results").findValuesAsText("body"))
        .containsExactly("First");
  }

  @Test
  void commentsArePostedOnlyOnPublishedArticles() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser reader = users.aRegisteredUser("reader");
    String draft = articles.aDraft(ada);
    String archived = articles.aPublishedArticle(ada);
    api.as(ada.token()).delete("/api/v1/articles/" + archived + "/");

    assertThat(api.as(reader.token()).post(comments(draft), Map.of("body", "x")).status())
        .isEqualTo(404);
    assertThat(api.as(ada.token()).post(comments(draft), Map.of("body", "x")).status())
        .isEqualTo(409);
    assertThat(api.as(ada.token()).post(comments(archived), Map.of("body", "x")).status())
        .isEqualTo(409);
    assertThat(
            api.as(reader.token())
                .post(comments(UUID.randomUUID().toString()), Map.of("body", "x"))
                .status())
        .isEqualTo(404);
    assertThat(api.post(comments(draft), Map.of("body", "x")).status()).isEqualTo(401);
  }

  @Test
  void aCommentBodyIsOneTo5000Characters() {
    TestUser reader = users.aRegisteredUser("reader");
    String article = articles.aPublishedArticle(users.aRegisteredUser("ada"));

    Response blank = api.as(reader.token()).post(comments(article), Map.of("body", "  "));
    Response tooLong =
        api.as(reader.token()).post(comments(article), Map.of("body", "x".repeat(5001)));

    assertThat(blank.json().at("/error/details/body").isArray()).isTrue();
    assertThat(tooLong.json().at("/error/details/body").isArray()).isTrue();
  }

  @Test
  void theModerationQueueIsForStaffOldestFirst() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser staff = users.aStaffUser();
    String article = articles.aPublishedArticle(ada);
    String older = articles.aPendingComment(article, ada, "Older");
    String newer = articles.aPendingComment(article, ada, "Newer");

    Response forReader = api.as(ada.token()).get("/api/v1/moderation/comments/?status=pending");
    Response approveByReader = api.as(ada.token()).post(moderation(older) + "approve/", Map.of());
    Response anonymous = api.get("/api/v1/moderation/comments/");
    List<String> queue = pendingIds(staff);
    Response badStatus = api.as(staff.token()).get("/api/v1/moderation/comments/?status=spam");

    assertThat(forReader.status()).isEqualTo(403);
    assertThat(approveByReader.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(queue).containsSubsequence(older, newer);
    assertThat(badStatus.status()).isEqualTo(400);

    api.as(staff.token()).request("POST", moderation(newer) + "reject/").send();
    assertThat(pendingIds(staff)).contains(older).doesNotContain(newer);
    JsonNode rejected =
        api.as(staff.token())
            .get("/api/v1/moderation/comments/?status=rejected&page_size=100")
            .json();
    assertThat(ids(rejected)).contains(newer);
    assertThat(
            api.as(staff.token())
                .post(moderation(UUID.randomUUID().toString()) + "approve/", Map.of())
                .status())
        .isEqualTo(404);
  }

  private List<String> pendingIds(TestUser staff) {
    List<String> ids = new java.util.ArrayList<>();
    String next = "/api/v1/moderation/comments/?status=pending&page_size=100";
    while (next != null) {
      JsonNode page = api.as(staff.token()).get(next).json();
      ids.addAll(ids(page));
      next =
          page.get("next").isNull()
              ? null
              : page.get("next").asText().replaceFirst("^http://[^/]+", "");
    }
    return ids;
  }

  /** The ids of a page's comments (not of their authors). */
  private static List<String> ids(JsonNode page) {
    List<String> ids = new java.util.ArrayList<>();
    page.get("results").forEach(comment -> ids.add(comment.get("id").asText()));
    return ids;
  }

  private int commentCount(String article) {
    return api.get("/api/v1/articles/" + article + "/").json().get("comment_count").asInt();
  }

  private static String comments(String article) {
    return "/api/v1/articles/" + article + "/comments/";
  }

  private static String moderation(String comment) {
    return "/api/v1/moderation/comments/" + comment + "/";
  }
}
