package io.quire.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.TestClockConfiguration;
import io.quire.command.webhooks.WebhookSignature;
import io.quire.testsupport.Seeded;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.quicktheories.core.Gen;

/**
 * For generated sequences of what people do through the API (tasks, members, articles, comments,
 * moderation, integrations and webhook deliveries, valid or not), every read model built as the
 * events happened equals the same read model rebuilt from the event store, row for row. On
 * PostgreSQL, in a database of its own; {@code -Dquire.rebuild.examples=N} runs more sequences (6
 * in the build).
 */
@TestInstance(Lifecycle.PER_CLASS)
@ResourceLock(OwnQuire.SERVERS)
class RebuildMatchesTheLiveReadModelsProperties {

  private static final int KINDS = 19;
  private static final int[] PROLOGUE = {16, 17, 18, 6, 0, 9, 10, 13, 14};

  private OwnQuire quire;
  private HttpApi api;
  private Rebuilds rebuilds;
  private String staff;
  private final List<String> users = new ArrayList<>();
  private final Map<String, String> userIds = new LinkedHashMap<>();

  @BeforeAll
  void aServer() {
    quire = OwnQuire.start("rebuildproperty");
    api = quire.api();
    staff = quire.staffToken();
    rebuilds = new Rebuilds(api, staff);
    for (int i = 0; i < 3; i++) {
      String token = Activity.aNewUser(api);
      users.add(token);
      userIds.put(token, api.as(token).get("/api/v1/auth/me/").json().get("id").asText());
    }
  }

  @AfterAll
  void stop() {
    quire.close();
  }

  @Test
  void everyReadModelRebuiltFromScratchEqualsTheOneBuiltAsTheEventsHappened() {
    Gen<List<Integer>> steps =
        lists().of(integers().between(0, KINDS * 7 - 1)).ofSizeBetween(1, 40);
    Seeded.qt()
        .withExamples(Integer.getInteger("quire.rebuild.examples", 6))
        .withShrinkCycles(0)
        .forAll(steps)
        .checkAssert(
            sequence -> {
              new Sequence().run(sequence);
              Map<String, Map<String, List<String>>> asTheyHappened =
                  ReadModelRows.ofAll(quire.sql());

              for (String model : ReadModelRows.TABLES.keySet()) {
                rebuilds.rebuild(model);
              }

              assertThat(ReadModelRows.ofAll(quire.sql()))
                  .as("after %s", sequence)
                  .isEqualTo(asTheyHappened);
            });
    // The sequences did something: every kind of row the read models hold was written.
    for (String table :
        List.of(
            "org_member_view",
            "task_view",
            "task_counts",
            "article_view",
            "article_tag",
            "comment_view",
            "integration_view",
            "webhook_receipt_view")) {
      assertThat(quire.sql().queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
          .as(table)
          .isPositive();
    }
  }

  /** One generated sequence, in an org of its own, by the three users and staff. */
  private final class Sequence {
    private final String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> tasks = new ArrayList<>();
    private final List<String> articles = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final List<String[]> integrations = new ArrayList<>();
    private final List<String> deliveries = new ArrayList<>();

    void run(List<Integer> sequence) {
      ok(api.as(users.get(0)).post("/api/v1/orgs/", Map.of("slug", slug, "name", "P " + slug)));
      // Every kind of row once (an integration and its receipts, a member, a task, a published
      // article with an approved comment), then what was generated.
      for (int kind : PROLOGUE) {
        step(kind, 1);
      }
      for (int step : sequence) {
        step(step % KINDS, step / KINDS);
      }
    }

    private void step(int kind, int n) {
      String user = users.get(n % users.size());
      String org = "/api/v1/orgs/" + slug + "/";
      switch (kind) {
        case 0 -> created(tasks, api.as(user).post(org + "tasks/", Map.of("title", "T" + n)));
        case 1 -> patchTask(user, n, Map.of("title", "Retitled " + n));
        case 2 ->
            patchTask(user, n, Map.of("status", List.of("todo", "in_progress", "done").get(n % 3)));
        case 3 -> {
          Map<String, Object> assign = new LinkedHashMap<>();
          assign.put("assigned_to", n % 2 == 0 ? null : userIds.get(users.get(n % 3)));
          patchTask(user, n, assign);
        }
        case 4 -> {
          Map<String, Object> due = new LinkedHashMap<>();
          due.put("due_date", n % 2 == 0 ? null : "2026-04-0" + (1 + n % 9));
          due.put("description", n % 3 == 0 ? null : "About " + n);
          patchTask(user, n, due);
        }
        case 5 -> pick(tasks, n).ifPresent(t -> ok(api.as(user).delete(org + "tasks/" + t + "/")));
        case 6 ->
            ok(
                api.as(users.get(0))
                    .post(
                        org + "members/",
                        Map.of(
                            "username",
                            api.as(user).get("/api/v1/auth/me/").json().get("username").asText(),
                            "role",
                            n % 2 == 0 ? "member" : "admin")));
        case 7 ->
            ok(
                api.as(users.get(0))
                    .patch(
                        org + "members/" + userIds.get(user) + "/",
                        Map.of("role", n % 2 == 0 ? "member" : "admin")));
        case 8 -> ok(api.as(user).delete(org + "members/" + userIds.get(user) + "/"));
        case 9 ->
            created(
                articles,
                api.as(user)
                    .post(
                        "/api/v1/articles/",
                        Map.of(
                            "title", "A" + n, "body", "Body " + n, "tags", List.of("t" + n % 4))));
        case 10 ->
            pick(articles, n)
                .ifPresent(
                    a ->
                        ok(
                            api.as(staff)
                                .request("POST", "/api/v1/articles/" + a + "/publish/")
                                .send()));
        case 11 ->
            pick(articles, n)
                .ifPresent(
                    a ->
                        ok(
                            api.as(staff)
                                .patch(
                                    "/api/v1/articles/" + a + "/",
                                    Map.of("tags", List.of("t" + n % 3, "u" + n % 2)))));
        case 12 ->
            pick(articles, n)
                .ifPresent(a -> ok(api.as(staff).delete("/api/v1/articles/" + a + "/")));
        case 13 ->
            pick(articles, n)
                .ifPresent(
                    a ->
                        created(
                            comments,
                            api.as(user)
                                .post(
                                    "/api/v1/articles/" + a + "/comments/",
                                    Map.of("body", "C" + n))));
        case 14 ->
            pick(comments, n)
                .ifPresent(
                    c ->
                        ok(
                            api.as(staff)
                                .request("POST", "/api/v1/moderation/comments/" + c + "/approve/")
                                .send()));
        case 15 ->
            pick(comments, n)
                .ifPresent(
                    c ->
                        ok(
                            api.as(staff)
                                .post(
                                    "/api/v1/moderation/comments/" + c + "/reject/",
                                    Map.of("reason", "R" + n))));
        case 16 -> {
          Response made = api.as(users.get(0)).post(org + "integrations/", Map.of("name", "I" + n));
          ok(made);
          if (made.status() == 201) {
            integrations.add(
                new String[] {made.json().get("id").asText(), made.json().get("secret").asText()});
          }
        }
        case 17 -> deliver(n, "task.created", Map.of("external_id", "x" + n % 5, "title", "W" + n));
        case 18 ->
            deliver(
                n,
                "task.status_changed",
                Map.of("external_id", "x" + n % 5, "status", List.of("todo", "done").get(n % 2)));
        default -> throw new IllegalStateException("no step " + kind);
      }
    }

    private void patchTask(String user, int n, Map<String, Object> change) {
      pick(tasks, n)
          .ifPresent(
              t -> ok(api.as(user).patch("/api/v1/orgs/" + slug + "/tasks/" + t + "/", change)));
    }

    /** A new delivery, or (every third one) a repeat of an earlier one. */
    private void deliver(int n, String type, Map<String, Object> data) {
      if (integrations.isEmpty()) {
        return;
      }
      String[] integration = integrations.get(n % integrations.size());
      String eventId =
          n % 3 == 0 && !deliveries.isEmpty()
              ? deliveries.get(n % deliveries.size())
              : "evt_" + UUID.randomUUID();
      deliveries.add(eventId);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", eventId);
      body.put("type", type);
      body.put("occurred_at", "2026-03-01T11:59:00Z");
      body.put("data", data);
      String json = toJson(body);
      String timestamp = Long.toString(TestClockConfiguration.NOW.getEpochSecond());
      ok(
          api.request("POST", "/api/v1/webhooks/" + integration[0] + "/")
              .header("X-Webhook-Timestamp", timestamp)
              .header(
                  "X-Webhook-Signature",
                  WebhookSignature.sign(
                      integration[1], timestamp, json.getBytes(StandardCharsets.UTF_8)))
              .body("application/json", json)
              .send());
    }

    private void created(List<String> ids, Response response) {
      ok(response);
      if (response.status() == 201) {
        ids.add(response.json().get("id").asText());
      }
    }

    private java.util.Optional<String> pick(List<String> ids, int n) {
      return ids.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(ids.get(n % ids.size()));
    }
  }

  /** Refusals are part of what is generated; a server error never is. */
  private static void ok(Response response) {
    assertThat(response.status()).as(response.toString()).isLessThan(500);
  }

  private static String toJson(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
