package io.quire.api.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import java.util.Map;
import java.util.UUID;

/**
 * What people do through the API, one call a step, each checked to have been accepted: the history
 * the rebuild tests replay. {@code Activity.of(api, token)} acts as the token's user.
 */
final class Activity {

  private final HttpApi api;
  private final String token;

  private Activity(HttpApi api, String token) {
    this.api = api;
    this.token = token;
  }

  static Activity of(HttpApi api, String token) {
    return new Activity(api, token);
  }

  /** The same person on another server. */
  Activity on(HttpApi other) {
    return new Activity(other, token);
  }

  /** A new user, registered and signed in: their token. */
  static String aNewUser(HttpApi api) {
    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
    accepted(
        api.post(
            "/api/v1/auth/register/",
            Map.of(
                "username",
                name,
                "email",
                name + "@example.com",
                "password",
                "correct-horse-battery-staple")),
        201);
    return accepted(
            api.post(
                "/api/v1/auth/token/",
                Map.of("username", name, "password", "correct-horse-battery-staple")),
            200)
        .get("token")
        .asText();
  }

  /** A new org: its slug. */
  String anOrg() {
    String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
    accepted(api.as(token).post("/api/v1/orgs/", Map.of("slug", slug, "name", "Org " + slug)), 201);
    return slug;
  }

  /** A new task in the org: the task. */
  JsonNode aTask(String slug, String title) {
    return accepted(
        api.as(token).post("/api/v1/orgs/" + slug + "/tasks/", Map.of("title", title)), 201);
  }

  /** Changes a task: the task as it is now. */
  JsonNode change(String slug, String task, Map<String, Object> change) {
    return accepted(
        api.as(token).patch("/api/v1/orgs/" + slug + "/tasks/" + task + "/", change), 200);
  }

  /** The task as a read shows it. */
  JsonNode task(String slug, String task) {
    return accepted(api.as(token).get("/api/v1/orgs/" + slug + "/tasks/" + task + "/"), 200);
  }

  /** How many tasks the org's list counts. */
  long taskCount(String slug) {
    return accepted(api.as(token).get("/api/v1/orgs/" + slug + "/tasks/?page_size=1"), 200)
        .get("count")
        .asLong();
  }

  /** A published article with tags: the article. */
  JsonNode aPublishedArticle(String title) {
    JsonNode draft =
        accepted(
            api.as(token)
                .post(
                    "/api/v1/articles/",
                    Map.of(
                        "title",
                        title,
                        "body",
                        "Body of " + title,
                        "tags",
                        new String[] {"a", "b"})),
            201);
    String id = draft.get("id").asText();
    return accepted(
        api.as(token).request("POST", "/api/v1/articles/" + id + "/publish/").send(), 200);
  }

  /** A comment on an article: the comment. */
  JsonNode aComment(String article, String body) {
    return accepted(
        api.as(token).post("/api/v1/articles/" + article + "/comments/", Map.of("body", body)),
        201);
  }

  /** Approves a comment (staff). */
  void approve(String comment) {
    accepted(
        api.as(token)
            .request("POST", "/api/v1/moderation/comments/" + comment + "/approve/")
            .send(),
        200);
  }

  /** A new integration of the org: the integration. */
  JsonNode anIntegration(String slug) {
    return accepted(
        api.as(token).post("/api/v1/orgs/" + slug + "/integrations/", Map.of("name", "CI")), 201);
  }

  /** Requests an export of the org's tasks: the export. */
  JsonNode anExport(String slug) {
    return accepted(
        api.as(token).post("/api/v1/orgs/" + slug + "/exports/", Map.of("format", "csv")), 202);
  }

  /** The export as it is now. */
  JsonNode export(String slug, String export) {
    return accepted(api.as(token).get("/api/v1/orgs/" + slug + "/exports/" + export + "/"), 200);
  }

  static JsonNode accepted(Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    return response.text().isEmpty() ? null : response.json();
  }
}
