package io.quire.api.privacy;

import static io.quire.api.privacy.Person.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.projections.OwnQuire;
import io.quire.api.projections.ReadModelRows;
import io.quire.api.projections.Rebuilds;
import io.quire.api.testing.DatabaseScan;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.testsupport.Seeded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * For generated histories (tasks created, retitled, described and assigned across three writers;
 * articles drafted, published and revised; comments posted and approved; exports of the org's
 * tasks, CSV and JSON) and any subset of the writers erased: nothing an erased writer wrote appears
 * in any answer of the API or in any table of the database (a scan of every column), everything the
 * others wrote reads as they wrote it, every aggregate still loads (a command on each succeeds),
 * every read model rebuilt from the event store equals the scrubbed one row for row and holds no
 * trace either, and the seals verify. On PostgreSQL, in a database of its own; {@code
 * -Dquire.erasure.examples=N} runs more (4 in the build).
 */
@TestInstance(Lifecycle.PER_CLASS)
@ResourceLock(OwnQuire.SERVERS)
class ErasureLeavesNoTraceProperties {

  private static final String ERASED = "[erased]";
  private static final int KINDS = 8;
  private static final int WRITERS = 3;

  private OwnQuire quire;
  private HttpApi api;
  private String staff;
  private Rebuilds rebuilds;

  @BeforeAll
  void aServer() {
    quire = OwnQuire.start("erasureproperty");
    api = quire.api();
    staff = quire.staffToken();
    rebuilds = new Rebuilds(api, staff);
  }

  @AfterAll
  void stop() {
    quire.close();
  }

  @Test
  void nothingAnErasedPersonWroteIsLeftAndEverythingElseIs() {
    Seeded.qt()
        .withExamples(Integer.getInteger("quire.erasure.examples", 4))
        .withShrinkCycles(0)
        .forAll(
            lists().of(integers().between(0, KINDS * 12 - 1)).ofSizeBetween(1, 30),
            integers().between(1, (1 << WRITERS) - 1))
        .checkAssert((steps, erased) -> new History().run(steps, erased));
  }

  /** A text and who wrote it (an index into the writers). */
  private record Written(String text, int by) {}

  /** One generated history, in an org of its own owned by someone never erased. */
  private final class History {
    private final Person owner = Person.register(api, "u");
    private final List<Person> writers = new ArrayList<>();
    private final String slug = "e-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Written[]> tasks = new LinkedHashMap<>(); // title, description
    private final Map<String, Written[]> articles = new LinkedHashMap<>(); // title, body
    private final Map<String, Written> comments = new LinkedHashMap<>();
    private final Map<String, String> commentArticle = new LinkedHashMap<>();
    private final Map<Integer, List<String>> wrote = new LinkedHashMap<>();
    private final List<String> exports = new ArrayList<>();
    private int counter;

    void run(List<Integer> steps, int erasedMask) {
      accepted(api.as(owner.token()).post("/api/v1/orgs/", Map.of("slug", slug, "name", "E")));
      for (int i = 0; i < WRITERS; i++) {
        Person writer = Person.register(api, "u");
        writers.add(writer);
        wrote.computeIfAbsent(i, w -> new ArrayList<>()).add(writer.username());
        accepted(
            api.as(owner.token())
                .post(org("members/"), Map.of("username", writer.username(), "role", "member")));
      }
      // one task, article and export at least; then what was generated
      step(0, 0);
      step(4, 1);
      step(7, 0);
      for (int step : steps) {
        step(step % KINDS, step / KINDS);
      }
      Set<Integer> erased = new HashSet<>();
      Set<String> erasedTexts = new HashSet<>();
      for (int i = 0; i < WRITERS; i++) {
        if ((erasedMask & (1 << i)) != 0) {
          erased.add(i);
          erasedTexts.addAll(wrote.get(i));
        }
      }
      DatabaseScan database = new DatabaseScan(quire.sql());
      assertThat(database.findAnywhere(erasedTexts)).as("before the erasure").isNotEmpty();

      for (int i : erased) {
        Response done =
            api.as(staff).delete("/api/v1/admin/users/" + writers.get(i).id() + "/personal-data/");
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
      }

      everythingReadsAsExpected(erased);
      for (Response answer : answers()) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.text()).as(answer.toString()).doesNotContain(erasedTexts);
      }
      assertThat(database.findAnywhere(erasedTexts)).isEmpty();

      Map<String, Map<String, List<String>>> scrubbed = ReadModelRows.ofAll(quire.sql());
      for (String model : ReadModelRows.TABLES.keySet()) {
        rebuilds.rebuild(model);
      }
      assertThat(ReadModelRows.ofAll(quire.sql())).isEqualTo(scrubbed);
      assertThat(database.findAnywhere(erasedTexts)).as("after rebuilds").isEmpty();
      everythingStillLoads();
      JsonNode verified = api.as(staff).get("/api/v1/admin/events/verify/").json();
      assertThat(verified.get("first_broken").isNull()).as(verified.toString()).isTrue();
    }

    private void step(int kind, int n) {
      int by = n % WRITERS;
      Person writer = writers.get(by);
      switch (kind) {
        case 0 -> {
          Written title = text(by);
          Written description = n % 4 == 0 ? null : text(by);
          Map<String, Object> task = new LinkedHashMap<>();
          task.put("title", title.text());
          task.put("description", description == null ? null : description.text());
          Response made = api.as(writer.token()).post(org("tasks/"), task);
          accepted(made);
          tasks.put(made.json().get("id").asText(), new Written[] {title, description});
        }
        case 1 -> editTask(n, writer, by, 0, "title");
        case 2 -> editTask(n, writer, by, 1, "description");
        case 3 ->
            pick(tasks, n)
                .ifPresent(
                    task ->
                        accepted(
                            api.as(owner.token())
                                .patch(
                                    org("tasks/" + task + "/"),
                                    Map.of("assigned_to", writer.id()))));
        case 4 -> {
          Written title = text(by);
          Written body = text(by);
          Response made =
              api.as(writer.token())
                  .post(
                      "/api/v1/articles/",
                      Map.of("title", title.text(), "body", body.text(), "tags", List.of("gdpr")));
          accepted(made);
          String id = made.json().get("id").asText();
          accepted(api.as(staff).request("POST", "/api/v1/articles/" + id + "/publish/").send());
          articles.put(id, new Written[] {title, body});
        }
        case 5 ->
            pick(articles, n)
                .ifPresent(
                    article -> {
                      int author = articles.get(article)[0].by();
                      Written title = text(author);
                      Written body = text(author);
                      accepted(
                          api.as(writers.get(author).token())
                              .patch(
                                  "/api/v1/articles/" + article + "/",
                                  Map.of("title", title.text(), "body", body.text())));
                      articles.put(article, new Written[] {title, body});
                    });
        case 6 ->
            pick(articles, n)
                .ifPresent(
                    article -> {
                      Written body = text(by);
                      Response made =
                          api.as(writer.token())
                              .post(
                                  "/api/v1/articles/" + article + "/comments/",
                                  Map.of("body", body.text()));
                      accepted(made);
                      String id = made.json().get("id").asText();
                      accepted(
                          api.as(staff)
                              .request("POST", "/api/v1/moderation/comments/" + id + "/approve/")
                              .send());
                      comments.put(id, body);
                      commentArticle.put(id, article);
                    });
        case 7 -> {
          Response requested =
              api.as(owner.token())
                  .post(org("exports/"), Map.of("format", n % 2 == 0 ? "csv" : "json"));
          assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
          String id = requested.json().get("id").asText();
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> api.as(owner.token()).get(org("exports/" + id + "/")).json(),
                  export -> export.get("status").asText().equals("done"));
          exports.add(id);
        }
        default -> throw new IllegalStateException("no step " + kind);
      }
    }

    /** A member may edit a task they created or hold (the task edit policy): else 403. */
    private void editTask(int n, Person writer, int by, int field, String name) {
      pick(tasks, n)
          .ifPresent(
              task -> {
                Written text = text(by);
                Response edited =
                    api.as(writer.token())
                        .patch(org("tasks/" + task + "/"), Map.of(name, text.text()));
                assertThat(edited.status()).as(edited.toString()).isIn(200, 403);
                if (edited.status() == 200) {
                  tasks.get(task)[field] = text;
                }
              });
    }

    private void everythingReadsAsExpected(Set<Integer> erased) {
      for (Map.Entry<String, Written[]> task : tasks.entrySet()) {
        JsonNode shown = api.as(owner.token()).get(org("tasks/" + task.getKey() + "/")).json();
        assertThat(shown.get("title").asText()).isEqualTo(expected(task.getValue()[0], erased));
        Written description = task.getValue()[1];
        if (description != null) {
          assertThat(shown.get("description").asText()).isEqualTo(expected(description, erased));
        }
      }
      for (Map.Entry<String, Written[]> article : articles.entrySet()) {
        JsonNode shown = api.get("/api/v1/articles/" + article.getKey() + "/").json();
        assertThat(shown.get("title").asText()).isEqualTo(expected(article.getValue()[0], erased));
        assertThat(shown.get("body").asText()).isEqualTo(expected(article.getValue()[1], erased));
        JsonNode shownComments =
            api.get("/api/v1/articles/" + article.getKey() + "/comments/?page_size=100").json();
        for (JsonNode comment : shownComments.get("results")) {
          assertThat(comment.get("body").asText())
              .isEqualTo(expected(comments.get(comment.get("id").asText()), erased));
        }
      }
    }

    private List<Response> answers() {
      List<Response> answers = new ArrayList<>();
      answers.add(api.as(owner.token()).get(org("tasks/?page_size=100")));
      answers.add(api.as(owner.token()).get(org("members/?page_size=100")));
      answers.add(api.as(owner.token()).get(org("audit/?limit=1000")));
      answers.add(api.get("/api/v1/articles/?tag=gdpr&page_size=100"));
      answers.add(
          api.as(staff)
              .request("GET", "/api/v1/admin/events/")
              .header("Accept", "application/x-ndjson")
              .send());
      for (String export : exports) {
        answers.add(api.as(owner.token()).get(org("exports/" + export + "/download/")));
      }
      for (String task : tasks.keySet()) {
        JsonNode shown = api.as(owner.token()).get(org("tasks/" + task + "/")).json();
        answers.add(api.as(owner.token()).get(org("tasks/" + task + "/history/?page_size=100")));
        answers.add(
            api.as(owner.token())
                .get(org("tasks/" + task + "/?as_of=" + shown.get("updated_at").asText())));
      }
      return answers;
    }

    /** Every aggregate of the history loads from its events: a command on each is accepted. */
    private void everythingStillLoads() {
      for (String task : tasks.keySet()) {
        accepted(api.as(owner.token()).patch(org("tasks/" + task + "/"), Map.of("status", "done")));
      }
      for (String article : articles.keySet()) {
        accepted(
            api.as(staff)
                .patch("/api/v1/articles/" + article + "/", Map.of("tags", List.of("kept"))));
      }
    }

    private String expected(Written written, Set<Integer> erased) {
      return erased.contains(written.by()) ? ERASED : written.text();
    }

    private Written text(int by) {
      String text = "zq" + by + "w" + (counter++) + UUID.randomUUID().toString().substring(0, 8);
      wrote.get(by).add(text);
      return new Written(text, by);
    }

    private String org(String rest) {
      return "/api/v1/orgs/" + slug + "/" + rest;
    }

    private <T> java.util.Optional<String> pick(Map<String, T> ids, int n) {
      List<String> keys = new ArrayList<>(ids.keySet());
      return keys.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(keys.get(n % keys.size()));
    }
  }
}
