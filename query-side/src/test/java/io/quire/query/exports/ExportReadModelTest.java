package io.quire.query.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.exports.ExportCompletedEvent;
import io.quire.kernel.exports.ExportFailedEvent;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportRequestedEvent;
import io.quire.kernel.exports.ExportStartedEvent;
import io.quire.kernel.exports.ExportStatus;
import io.quire.kernel.exports.ExportView;
import io.quire.kernel.exports.FindExportQuery;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskStatusChangedEvent;
import io.quire.query.tasks.TaskProjection;
import io.quire.query.testing.EventFeed;
import io.quire.query.testing.ReadModelDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The export read model, snapshot and files on H2 (the application's embedded database): what the
 * PostgreSQL integration tests check over HTTP, plus what the API cannot make yet (a task an
 * integration created, without a creator).
 */
class ExportReadModelTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final OrgId ACME = OrgId.of("0a000000-0000-4000-8000-000000000001");
  private static final OrgId GLOBEX = OrgId.of("0a000000-0000-4000-8000-000000000002");
  private static final UserId ADA = UserId.of("0b000000-0000-4000-8000-000000000001");
  private static final UserId BOB = UserId.of("0b000000-0000-4000-8000-000000000002");

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final ExportProjection projection = new ExportProjection(db.jdbc());
  private final EventFeed events = new EventFeed(new TaskProjection(db.jdbc()), projection);
  private final ExportQueries queries = new ExportQueries(db.jdbc());
  private final ExportFiles files = new ExportFiles(db.jdbc());

  @AfterEach
  void close() {
    events.close();
    db.close();
  }

  private TaskId task(OrgId org, String title, UserId creator, UserId assignee, int minute) {
    TaskId id = TaskId.random();
    events.publish(
        "Task",
        id,
        new TaskCreatedEvent(
            id,
            org,
            title,
            "",
            assignee,
            LocalDate.parse("2026-04-01"),
            creator,
            T0.plusSeconds(60L * minute)));
    return id;
  }

  private ExportId request(ExportFormat format, TaskStatus filter) {
    ExportId id = ExportId.random();
    events.publish(
        "Export",
        id,
        new ExportRequestedEvent(id, ACME, format, filter, ADA, T0.plusSeconds(3600)));
    return id;
  }

  private String file(ExportId id) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.copyTo(id, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRequestCopiesTheOrgsTasksWithTheirUsernamesOldestFirst() throws IOException {
    db.registerUser(ADA, "ada");
    db.registerUser(BOB, "bob");
    TaskId second = task(ACME, "Second", BOB, null, 2);
    TaskId first = task(ACME, "First", ADA, BOB, 1);
    TaskId byIntegration = task(ACME, "From a webhook", null, null, 3);
    task(GLOBEX, "Not ours", BOB, null, 0);

    ExportId id = request(ExportFormat.CSV, null);

    ExportView view = queries.handle(new FindExportQuery(ACME, id)).orElseThrow();
    assertThat(view.status()).isEqualTo(ExportStatus.PENDING);
    assertThat(view.rowCount()).isNull();
    assertThat(view.version()).isEqualTo(1);
    assertThat(queries.unfinished()).containsExactly(id);
    assertThat(files.write(id, ExportFormat.CSV, 64)).isEqualTo(3);
    assertThat(file(id))
        .isEqualTo(
            "id,title,status,created_by,assigned_to,due_date,created_at\r\n"
                + first
                + ",First,todo,ada,bob,2026-04-01,2026-03-01T12:01:00Z\r\n"
                + second
                + ",Second,todo,bob,,2026-04-01,2026-03-01T12:02:00Z\r\n"
                + byIntegration
                + ",From a webhook,todo,,,2026-04-01,2026-03-01T12:03:00Z\r\n");
    assertThat(files.chunks(id)).as("64-byte chunks").isGreaterThan(3);
  }

  @Test
  void theSnapshotKeepsOnlyTheFilteredStatusAndIgnoresLaterChanges() throws IOException {
    TaskId done = task(ACME, "Done", ADA, null, 1);
    events.publish("Task", done, new TaskStatusChangedEvent(done, ACME, TaskStatus.DONE, ADA, T0));
    task(ACME, "Todo", ADA, null, 2);

    ExportId id = request(ExportFormat.JSON, TaskStatus.DONE);
    events.publish(
        "Task",
        done,
        new TaskStatusChangedEvent(done, ACME, TaskStatus.TODO, ADA, T0.plusSeconds(1)));
    task(ACME, "Done later", ADA, null, 3);

    assertThat(files.write(id, ExportFormat.JSON, 1024)).isEqualTo(1);
    assertThat(file(id))
        .isEqualTo(
            "[{\"id\":\""
                + done
                + "\",\"title\":\"Done\",\"status\":\"done\",\"created_by\":null,"
                + "\"assigned_to\":null,\"due_date\":\"2026-04-01\","
                + "\"created_at\":\"2026-03-01T12:01:00Z\"}]");
  }

  @Test
  void aRunWritesTheFileAfreshAndTheRowsGoOnceDiscarded() throws IOException {
    task(ACME, "Only", ADA, null, 1);
    ExportId id = request(ExportFormat.CSV, null);

    files.write(id, ExportFormat.CSV, 16);
    String once = file(id);
    int chunks = files.chunks(id);
    files.write(id, ExportFormat.CSV, 16);

    assertThat(file(id)).isEqualTo(once);
    assertThat(files.chunks(id)).isEqualTo(chunks);
    files.discardRows(id);
    assertThat(db.rows("export_rows")).isZero();
  }

  @Test
  void theStatusFollowsTheJob() {
    ExportId ok = request(ExportFormat.CSV, null);
    ExportId bad = request(ExportFormat.CSV, null);

    events.publish("Export", ok, new ExportStartedEvent(ok, T0));
    events.publish("Export", ok, new ExportCompletedEvent(ok, 7, T0.plusSeconds(5)));
    events.publish("Export", bad, new ExportStartedEvent(bad, T0));
    assertThat(queries.unfinished()).containsExactly(bad);
    events.publish("Export", bad, new ExportFailedEvent(bad, "Disk full.", T0.plusSeconds(9)));

    ExportView done = queries.find(ok).orElseThrow();
    assertThat(done.status()).isEqualTo(ExportStatus.DONE);
    assertThat(done.rowCount()).isEqualTo(7);
    assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(done.version()).isEqualTo(3);
    ExportView failed = queries.find(bad).orElseThrow();
    assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Disk full.");
    assertThat(failed.completedAt()).isEqualTo(T0.plusSeconds(9));
    assertThat(queries.unfinished()).isEmpty();
    assertThat(queries.handle(new FindExportQuery(GLOBEX, ok))).isEmpty();
  }

  @Test
  void aStartedEventDeliveredAgainChangesNothing() {
    ExportId id = request(ExportFormat.CSV, null);
    var started = events.publish("Export", id, new ExportStartedEvent(id, T0));

    events.redeliver(started);

    assertThat(queries.find(id).orElseThrow().version()).isEqualTo(2);
    assertThat(List.of(queries.find(id).orElseThrow().status()))
        .containsExactly(ExportStatus.RUNNING);
  }
}
