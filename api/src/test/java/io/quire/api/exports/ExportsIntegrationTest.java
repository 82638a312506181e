package io.quire.api.exports;

import static io.quire.api.exports.ExportsApi.export;
import static io.quire.api.exports.ExportsApi.exports;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Orgs.TestOrg;
import io.quire.api.testing.Webhooks;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.query.exports.ExportFiles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The export endpoints over HTTP, with the background job writing the files. */
@IntegrationTest
class ExportsIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired ExportFiles files;
  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired Webhooks webhooks;

  private ExportsApi exportsApi() {
    return new ExportsApi(api);
  }

  /** A task bob creates over HTTP; answers its JSON. */
  private JsonNode task(Team team, Map<String, ?> body) {
    Response r = api.as(team.bob().token()).post(team.org().path("tasks/"), body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json();
  }

  @Test
  void anAdminExportsTheOrgsTasksAsCsv() {
    Team team = orgs.aTeam();
    String tricky = "Plan, \"quoted\"\r\nand more: ünïcødé 😀";
    JsonNode first =
        task(
            team,
            Map.of("title", tricky, "assigned_to", team.carol().id(), "due_date", "2026-04-01"));
    JsonNode second = task(team, Map.of("title", "Nobody's"));

    Response requested =
        api.as(team.ada().token()).post(exports(team.org()), Map.of("format", "csv"));

    assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
    JsonNode body = requested.json();
    String id = body.get("id").asText();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(body.get("format").asText()).isEqualTo("csv");
    assertThat(body.get("status").asText()).isEqualTo("pending");
    assertThat(body.get("created_at").asText()).endsWith("Z");
    assertThat(requested.header("Location")).isEqualTo(export(team.org(), id));

    JsonNode done = exportsApi().awaitDone(team.org(), team.ada(), id);
    assertThat(done.get("row_count").asLong()).isEqualTo(2);
    assertThat(done.get("created_at")).isEqualTo(body.get("created_at"));
    assertThat(done.get("completed_at").isNull()).isFalse();
    assertThat(done.get("error").isNull()).isTrue();
    assertThat(done.get("download_url").asText())
        .isEqualTo(
            "http://127.0.0.1:" + api.port() + team.org().path("exports/" + id + "/download/"));

    Response file = exportsApi().download(team.ada(), done);
    assertThat(file.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
    assertThat(file.header("Content-Disposition"))
        .startsWith("attachment;")
        .contains("filename=\"tasks-" + team.org().slug() + "-" + id + ".csv\"");
    assertThat(ExportsApi.csvRowsByTitle(file.text()))
        .containsOnly(
            Map.entry(
                tricky,
                List.of(
                    first.get("id").asText(),
                    tricky,
                    "todo",
                    team.bob().username(),
                    team.carol().username(),
                    "2026-04-01",
                    first.get("created_at").asText())),
            Map.entry(
                "Nobody's",
                List.of(
                    second.get("id").asText(),
                    "Nobody's",
                    "todo",
                    team.bob().username(),
                    "",
                    "",
                    second.get("created_at").asText())));
  }

  @Test
  void aTaskAnIntegrationCreatedIsExportedWithoutACreator() throws Exception {
    Team team = orgs.aTeam();
    Webhooks.TestIntegration tracker = webhooks.anIntegrationOf(team.org(), team.ada());
    Response delivered =
        webhooks.taskCreated(tracker, Webhooks.anEventId(), "ext-1", "From the tracker").send();
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(202);

    String csvId = exportsApi().request(team.org(), team.ada(), Map.of("format", "csv"));
    String jsonId = exportsApi().request(team.org(), team.ada(), Map.of("format", "json"));

    Response csv =
        exportsApi().download(team.ada(), exportsApi().awaitDone(team.org(), team.ada(), csvId));
    assertThat(ExportsApi.csvRowsByTitle(csv.text()).get("From the tracker").get(3)).isEmpty();
    Response json =
        exportsApi().download(team.ada(), exportsApi().awaitDone(team.org(), team.ada(), jsonId));
    JsonNode row = JSON.readTree(json.text()).get(0);
    assertThat(row.get("title").asText()).isEqualTo("From the tracker");
    assertThat(row.get("created_by").isNull()).isTrue();
  }

  @Test
  void anAdminExportsTheOrgsTasksAsJson() throws Exception {
    Team team = orgs.aTeam();
    JsonNode assigned =
        task(
            team,
            Map.of(
                "title",
                "Ship \"it\"",
                "assigned_to",
                team.carol().id(),
                "due_date",
                "2026-05-01"));
    task(team, Map.of("title", "Nobody's"));

    String id = exportsApi().request(team.org(), team.ada(), Map.of("format", "json"));
    JsonNode done = exportsApi().awaitDone(team.org(), team.ada(), id);
    Response file = exportsApi().download(team.ada(), done);

    assertThat(file.header("Content-Type")).startsWith("application/json");
    assertThat(file.header("Content-Disposition")).contains(".json\"");
    JsonNode rows = JSON.readTree(file.text());
    assertThat(ExportsApi.jsonTitles(rows)).containsExactlyInAnyOrder("Ship \"it\"", "Nobody's");
    for (JsonNode row : rows) {
      if (row.get("title").asText().equals("Nobody's")) {
        assertThat(row.get("assigned_to").isNull()).isTrue();
        assertThat(row.get("due_date").isNull()).isTrue();
      } else {
        assertThat(row.get("id").asText()).isEqualTo(assigned.get("id").asText());
        assertThat(row.get("status").asText()).isEqualTo("todo");
        assertThat(row.get("created_by").asText()).isEqualTo(team.bob().username());
        assertThat(row.get("assigned_to").asText()).isEqualTo(team.carol().username());
        assertThat(row.get("due_date").asText()).isEqualTo("2026-05-01");
        assertThat(row.get("created_at")).isEqualTo(assigned.get("created_at"));
      }
    }
  }

  @Test
  void theStatusFilterKeepsOnlyTheTasksOfThatStatus() {
    Team team = orgs.aTeam();
    String done = orgs.aTask(team.org(), team.bob(), null, "Finished");
    orgs.move(done, team.ada(), TaskStatus.DONE);
    orgs.aTask(team.org(), team.bob(), null, "Still to do");

    String id =
        exportsApi().request(team.org(), team.ada(), Map.of("format", "csv", "status", "done"));
    JsonNode detail = exportsApi().awaitDone(team.org(), team.ada(), id);

    assertThat(detail.get("row_count").asLong()).isEqualTo(1);
    assertThat(ExportsApi.csvRowsByTitle(exportsApi().download(team.ada(), detail).text()))
        .containsOnlyKeys("Finished");
  }

  @Test
  void anExportOfAnOrgWithoutTasksHasOnlyItsHeader() throws Exception {
    Team team = orgs.aTeam();

    String csv = exportsApi().request(team.org(), team.ada(), Map.of("format", "csv"));
    String json = exportsApi().request(team.org(), team.ada(), Map.of("format", "json"));

    JsonNode csvDone = exportsApi().awaitDone(team.org(), team.ada(), csv);
    assertThat(csvDone.get("row_count").asLong()).isZero();
    assertThat(exportsApi().download(team.ada(), csvDone).text())
        .isEqualTo(String.join(",", ExportsApi.COLUMNS) + "\r\n");
    JsonNode jsonDone = exportsApi().awaitDone(team.org(), team.ada(), json);
    assertThat(JSON.readTree(exportsApi().download(team.ada(), jsonDone).text()).size()).isZero();
  }

  /** Asserts the caller's answer on every export path of the org: request, detail, download. */
  private void everyExportPathAnswers(Team team, String token, int status, String code) {
    String id = exportsApi().request(team.org(), team.ada(), Map.of("format", "csv"));
    var caller = api.as(token);
    for (Response r :
        List.of(
            caller.post(exports(team.org()), Map.of("format", "csv")),
            caller.get(export(team.org(), id)),
            caller.get(export(team.org(), id) + "download/"))) {
      assertThat(r.status()).as(r.toString()).isEqualTo(status);
      assertThat(r.json().at("/error/code").asText()).isEqualTo(code);
    }
  }

  @Test
  void memberCannotRequestOrReadAnExport() {
    Team team = orgs.aTeam();
    everyExportPathAnswers(team, team.bob().token(), 403, "permission_denied");
  }

  @Test
  void outsiderGetsNotFoundForEveryExportPath() {
    Team team = orgs.aTeam();
    everyExportPathAnswers(team, team.dave().token(), 404, "not_found");
  }

  @Test
  void anExportOfAnotherOrgOrAnUnknownIdIsNotFound() {
    Team team = orgs.aTeam();
    TestOrg other = orgs.anOrgAdministeredBy(team.ada());
    String id = exportsApi().request(other, team.ada(), Map.of("format", "csv"));
    var ada = api.as(team.ada().token());

    for (Response r :
        List.of(
            ada.get(export(team.org(), id)),
            ada.get(export(team.org(), id) + "download/"),
            ada.get(export(team.org(), ExportId.random().toString())),
            ada.get(export(team.org(), "not-a-uuid")))) {
      assertThat(r.status()).as(r.toString()).isEqualTo(404);
      assertThat(r.json().at("/error/code").asText()).isEqualTo("not_found");
    }
  }

  @Test
  void aRequestNeedsAKnownFormatAndStatusAndNoOtherFields() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());
    Map<String, Object> unknownField = new HashMap<>(Map.of("format", "csv", "row_count", 3));

    Response missing = ada.post(exports(team.org()), Map.of());
    Response badFormat = ada.post(exports(team.org()), Map.of("format", "xml"));
    Response badStatus = ada.post(exports(team.org()), Map.of("format", "csv", "status", "later"));
    Response unknown = ada.post(exports(team.org()), unknownField);

    assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
    assertThat(missing.json().at("/error/details/format/0").asText())
        .isEqualTo("This field is required.");
    assertThat(badFormat.status()).as(badFormat.toString()).isEqualTo(400);
    assertThat(badFormat.json().at("/error/details/format/0").asText())
        .isEqualTo("\"xml\" is not a valid choice.");
    assertThat(badStatus.status()).as(badStatus.toString()).isEqualTo(400);
    assertThat(badStatus.json().at("/error/details/status/0").asText())
        .isEqualTo("\"later\" is not a valid choice.");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
    assertThat(unknown.json().at("/error/details").has("row_count")).isTrue();
    for (Response r : List.of(missing, badFormat, badStatus, unknown)) {
      assertThat(r.json().at("/error/code").asText()).isEqualTo("validation_error");
    }
  }

  @Test
  void pathsWorkWithoutTheirTrailingSlash() {
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());
    String collection = exports(team.org());

    Response requested =
        ada.post(collection.substring(0, collection.length() - 1), Map.of("format", "json"));
    assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
    String id = requested.json().get("id").asText();
    JsonNode done = exportsApi().awaitDone(team.org(), team.ada(), id);
    String detail = export(team.org(), id);

    assertThat(ada.get(detail.substring(0, detail.length() - 1)).json()).isEqualTo(done);
    Response file = ada.get(detail + "download");
    assertThat(file.status()).as(file.toString()).isEqualTo(200);
    assertThat(file.text()).isEqualTo("[]");
  }

  @Test
  void aBigExportIsWrittenInSeveralChunksAndItsRowsAreDiscarded() {
    Team team = orgs.aTeam();
    int tasks = 40;
    String padding = "x".repeat(150);
    for (int i = 0; i < tasks; i++) {
      orgs.aTask(team.org(), team.bob(), team.carol(), "Task " + i + " " + padding);
    }

    String id = exportsApi().request(team.org(), team.ada(), Map.of("format", "csv"));
    JsonNode done = exportsApi().awaitDone(team.org(), team.ada(), id);

    // Chunks of 4 KiB in the tests (application-integration-test.yml): about 10 KiB of CSV.
    assertThat(files.chunks(ExportId.of(id))).isGreaterThanOrEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM export_rows WHERE export_id = :id",
                new MapSqlParameterSource("id", java.util.UUID.fromString(id)),
                Long.class))
        .isZero();
    List<List<String>> records = ExportsApi.csv(exportsApi().download(team.ada(), done).text());
    assertThat(records).hasSize(tasks + 1);
    assertThat(records.subList(1, records.size()))
        .extracting(row -> row.get(1))
        .as("oldest task first")
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, tasks)
                .mapToObj(i -> "Task " + i + " " + padding)
                .toList());
  }
}
