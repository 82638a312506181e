package io.quire.api.exports;

import static io.quire.api.exports.ExportsApi.export;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.AfterCommitCallbacks;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.RequestExportCommand;
import io.quire.kernel.exports.StartExportCommand;
import io.quire.kernel.tasks.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export jobs: dispatched once, only after the request commits; an export whose job has not run
 * yet is not ready; a failing job says why; a restart's recovery picks up what was left.
 *
 * <p>Requests are sent from the test thread, in a transaction of its own, so that {@link
 * AfterCommitCallbacks} captures the dispatch they schedule. This is the only class that calls
 * {@link ExportJobs#recover()} (which dispatches every unfinished export, of any test): its methods
 * run one at a time, so the exports it holds back stay held back until it releases them.
 */
@IntegrationTest
class ExportJobsIntegrationTest {

  @Autowired HttpApi api;
  @Autowired Orgs orgs;
  @Autowired CommandGateway commands;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired ExportJobs jobs;

  private ExportsApi exportsApi() {
    return new ExportsApi(api);
  }

  /** Ada requests an export in a transaction of the test thread, which commits. */
  private ExportId request(Team team, ExportFormat format) {
    ExportId id = ExportId.random();
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            tx ->
                commands.sendAndWait(
                    new RequestExportCommand(
                        id, team.org().id(), format, null, team.ada().userId())));
    return id;
  }

  /**
   * Ada requests an export whose dispatch is captured and dropped: as if the server stopped right
   * after the request committed.
   */
  private ExportId requestNeverDispatched(Team team) {
    try (AfterCommitCallbacks callbacks = AfterCommitCallbacks.capture()) {
      return request(team, ExportFormat.CSV);
    }
  }

  @Test
  void requestingAnExportDispatchesItsJobOnceWhenTheTransactionCommits() {
    Team team = orgs.aTeam();
    orgs.aTask(team.org(), team.bob(), null, "One");
    ExportId[] id = new ExportId[1];

    try (AfterCommitCallbacks callbacks = AfterCommitCallbacks.capture()) {
      id[0] = request(team, ExportFormat.CSV);

      assertThat(callbacks.captured()).hasSize(1);
      assertThat(exportsApi().awaitStatus(team.org(), team.ada(), id[0].toString(), "pending"))
          .as("not dispatched while captured")
          .isNotNull();
      assertThat(callbacks.execute()).isEqualTo(1);
    }

    assertThat(
            exportsApi()
                .awaitDone(team.org(), team.ada(), id[0].toString())
                .get("row_count")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void aRequestWhoseTransactionRollsBackDispatchesNothing() {
    Team team = orgs.aTeam();
    ExportId id = ExportId.random();

    List<Runnable> captured =
        AfterCommitCallbacks.captureOnCommit(
            true,
            () ->
                new TransactionTemplate(transactionManager)
                    .executeWithoutResult(
                        tx -> {
                          commands.sendAndWait(
                              new RequestExportCommand(
                                  id,
                                  team.org().id(),
                                  ExportFormat.CSV,
                                  TaskStatus.TODO,
                                  team.ada().userId()));
                          tx.setRollbackOnly();
                        }));

    assertThat(captured).isEmpty();
    Response r = api.as(team.ada().token()).get(export(team.org(), id.toString()));
    assertThat(r.status()).as("the export rolled back too: " + r).isEqualTo(404);
  }

  @Test
  void theFileIsNotReadyBeforeTheExportIsDone() {
    Team team = orgs.aTeam();
    ExportId id;
    try (AfterCommitCallbacks callbacks = AfterCommitCallbacks.capture()) {
      id = request(team, ExportFormat.JSON);
      String detail = export(team.org(), id.toString());

      Response pending = api.as(team.ada().token()).get(detail);
      // A client that asks for the CSV still gets the error envelope, in JSON.
      Response early =
          api.as(team.ada().token())
              .request("GET", detail + "download/")
              .header("Accept", "text/csv")
              .send();

      assertThat(pending.json().get("status").asText()).isEqualTo("pending");
      assertThat(pending.json().get("download_url").isNull()).isTrue();
      assertThat(pending.json().get("row_count").isNull()).isTrue();
      assertThat(pending.json().get("completed_at").isNull()).isTrue();
      assertThat(early.status()).as(early.toString()).isEqualTo(409);
      assertThat(early.header("Content-Type")).startsWith("application/json");
      assertThat(early.json().at("/error/code").asText()).isEqualTo("not_ready");
      assertThat(early.json().at("/error/details/status").asText()).isEqualTo("pending");
      callbacks.execute();
    }

    JsonNode done = exportsApi().awaitDone(team.org(), team.ada(), id.toString());
    assertThat(exportsApi().download(team.ada(), done).text()).isEqualTo("[]");
  }

  @Test
  void aFailedExportSaysWhy() {
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.bob(), null, "Broken");
    ExportId id;
    try (AfterCommitCallbacks callbacks = AfterCommitCallbacks.capture()) {
      id = request(team, ExportFormat.CSV);
      // A snapshot row the writer cannot write (nothing in the application makes one).
      jdbc.update(
          "UPDATE export_rows SET status = 'Lost' WHERE export_id = :id",
          new MapSqlParameterSource("id", id.value()));
      callbacks.execute();
    }

    JsonNode failed = exportsApi().awaitStatus(team.org(), team.ada(), id.toString(), "failed");

    assertThat(failed.get("error").asText())
        .isEqualTo(
            "The file could not be written: Task "
                + task
                + " has a status this export cannot write: 'lost'.");
    assertThat(failed.get("download_url").isNull()).isTrue();
    assertThat(failed.get("completed_at").isNull()).isFalse();
    Response download =
        api.as(team.ada().token()).get(export(team.org(), id.toString()) + "download/");
    assertThat(download.status()).as(download.toString()).isEqualTo(409);
    assertThat(download.json().at("/error/code").asText()).isEqualTo("not_ready");
    assertThat(download.json().at("/error/details/status").asText()).isEqualTo("failed");
  }

  @Test
  void anExportLeftPendingIsPickedUpByTheRecovery() {
    Team team = orgs.aTeam();
    orgs.aTask(team.org(), team.bob(), null, "Survives the restart");
    ExportId id = requestNeverDispatched(team);

    assertThat(jobs.recover()).isGreaterThanOrEqualTo(1);

    JsonNode done = exportsApi().awaitDone(team.org(), team.ada(), id.toString());
    assertThat(ExportsApi.csvRowsByTitle(exportsApi().download(team.ada(), done).text()))
        .containsOnlyKeys("Survives the restart");
  }

  @Test
  void anExportLeftRunningIsRunAgainFromTheStartByTheRecovery() {
    Team team = orgs.aTeam();
    orgs.aTask(team.org(), team.bob(), null, "Written once");
    ExportId id = requestNeverDispatched(team);
    // As if a job had started and written part of the file when the server stopped.
    commands.sendAndWait(new StartExportCommand(id));
    jdbc.update(
        "INSERT INTO export_chunks (export_id, seq, bytes) VALUES (:id, 0, :bytes)",
        new MapSqlParameterSource("id", id.value())
            .addValue("bytes", "garbage".getBytes(StandardCharsets.UTF_8)));
    assertThat(exportsApi().awaitStatus(team.org(), team.ada(), id.toString(), "running"))
        .isNotNull();

    jobs.recover();

    JsonNode done = exportsApi().awaitDone(team.org(), team.ada(), id.toString());
    assertThat(ExportsApi.csvRowsByTitle(exportsApi().download(team.ada(), done).text()))
        .containsOnlyKeys("Written once");
  }

  @Test
  void laterChangesToTheTasksAreNotInTheExport() {
    Team team = orgs.aTeam();
    String kept = orgs.aTask(team.org(), team.bob(), null, "Kept as it was");
    String deleted = orgs.aTask(team.org(), team.bob(), null, "Deleted later");
    ExportId id;
    try (AfterCommitCallbacks callbacks = AfterCommitCallbacks.capture()) {
      id = request(team, ExportFormat.CSV);
      // The job has not run yet: every change below comes after the request, before the file.
      orgs.retitle(kept, team.ada(), "Renamed later");
      orgs.move(kept, team.ada(), TaskStatus.DONE);
      orgs.delete(deleted, team.ada());
      orgs.aTask(team.org(), team.bob(), null, "Created later");
      callbacks.execute();
    }

    JsonNode done = exportsApi().awaitDone(team.org(), team.ada(), id.toString());
    Map<String, List<String>> rows =
        ExportsApi.csvRowsByTitle(exportsApi().download(team.ada(), done).text());
    assertThat(rows).containsOnlyKeys("Kept as it was", "Deleted later");
    assertThat(rows.get("Kept as it was").get(2)).isEqualTo("todo");
    assertThat(done.get("row_count").asLong()).isEqualTo(2);
  }

  @Test
  void aFileOfManyRowsIsStreamedInBatchesAndChunks() {
    Team team = orgs.aTeam();
    int rows = 2_345;
    ExportId id;
    try (AfterCommitCallbacks callbacks = AfterCommitCallbacks.capture()) {
      id = request(team, ExportFormat.CSV);
      // More rows than one fetch (ExportFiles.FETCH_SIZE), made in SQL: the job reads them in
      // several batches from one cursor while it writes chunks on the same connection.
      jdbc.update(
          """
          INSERT INTO export_rows (export_id, position, task_id, title, status, created_by,
                                   assigned_to, due_date, created_at)
          SELECT :id, g, gen_random_uuid(), 'Row ' || g, 'todo', 'ada', NULL, NULL, now()
          FROM generate_series(1, :rows) AS g
          """,
          new MapSqlParameterSource("id", id.value()).addValue("rows", rows));
      callbacks.execute();
    }

    JsonNode done = exportsApi().awaitDone(team.org(), team.ada(), id.toString());
    assertThat(done.get("row_count").asLong()).isEqualTo(rows);
    List<List<String>> records = ExportsApi.csv(exportsApi().download(team.ada(), done).text());
    assertThat(records).hasSize(rows + 1);
    assertThat(records.get(rows).get(1)).isEqualTo("Row " + rows);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM export_chunks WHERE export_id = :id",
                new MapSqlParameterSource("id", id.value()),
                Integer.class))
        .as("4 KiB chunks in the tests")
        .isGreaterThan(20);
  }
}
