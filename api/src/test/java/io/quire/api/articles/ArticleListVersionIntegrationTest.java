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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public article list's kept pages (V10's {@code article_list_version}, PostgreSQL) are never
 * stale: after every kind of change to a published article, the very next list shows it, although
 * the same question was answered (and kept) just before. The list is asked for one author, so that
 * the other tests' articles, changing at the same time, do not change what is expected.
 */
@IntegrationTest
class ArticleListVersionIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Articles articles;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void everyChangeToAPublishedArticleIsInTheNextListAlthoughThePageWasKept() {
    TestUser ada = users.aRegisteredUser("ada");
    TestUser staff = users.aStaffUser();
    String list = "/api/v1/articles/?author=" + ada.username();
    String first = articles.aPublishedArticle(ada, "First", "Text", "events");
    assertThat(titles(list)).containsExactly("First");
    assertThat(titles(list)).containsExactly("First");

    Response edited = api.as(ada.token()).patch(article(first), Map.of("title", "First, edited"));
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(titles(list)).containsExactly("First, edited");

    String comment = articles.aPendingComment(first, users.aRegisteredUser("reader"));
    assertThat(page(list).at("/results/0/comment_count").asInt()).isZero();
    Response approved =
        api.as(staff.token())
            .post("/api/v1/moderation/comments/" + comment + "/approve/", Map.of());
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(page(list).at("/results/0/comment_count").asInt()).isOne();

    articles.aPublishedArticle(ada, "Second", "Text", "events");
    assertThat(titles(list)).containsExactly("Second", "First, edited");

    Response archived = api.as(ada.token()).delete(article(first));
    assertThat(archived.status()).as(archived.toString()).isEqualTo(204);
    assertThat(titles(list)).containsExactly("Second");
    assertThat(page(list).get("count").asInt()).isOne();
  }

  @Test
  void onlyChangesToPublishedArticlesMoveTheVersion() {
    TestUser ada = users.aRegisteredUser("ada");
    String draft = articles.aDraft(ada);
    String published = articles.aPublishedArticle(ada);

    // The version row locked first, so that other tests' changes wait and cannot move it here.
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              long before = version(true);
              touch(draft);
              long afterDraft = version(false);
              touch(published);
              long afterPublished = version(false);
              tx.setRollbackOnly();

              assertThat(afterDraft).isEqualTo(before);
              assertThat(afterPublished).isEqualTo(before + 1);
            });
  }

  private long version(boolean lock) {
    Long version =
        jdbc.queryForObject(
            "SELECT version FROM article_list_version" + (lock ? " FOR UPDATE" : ""), Long.class);
    return version == null ? -1 : version;
  }

  private void touch(String article) {
    int updated =
        jdbc.update(
            "UPDATE article_view SET title = title WHERE article_id = ?", UUID.fromString(article));
    assertThat(updated).isOne();
  }

  private JsonNode page(String path) {
    Response r = api.get(path);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private List<String> titles(String path) {
    return page(path).get("results").findValuesAsText("title");
  }

  private static String article(String id) {
    return "/api/v1/articles/" + id + "/";
  }
}
