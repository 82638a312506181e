package io.quire.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.StoredEventRows;
import io.quire.query.audit.AuditLogProjection;
import io.quire.query.events.StoredEventReader;
import io.quire.query.stream.StoredEvents;
import io.quire.testsupport.StoredEventFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds on PostgreSQL with two servers on one database of their own, while people read and write
 * through both: nothing written meanwhile is lost or applied twice, no read sees a half-built or
 * empty read model or fails, both servers report the same state, and only one rebuild of a read
 * model runs at a time whichever server is asked. Rebuilds run slowly here (small batches with a
 * pause), so that they overlap the writes for seconds.
 */
@TestInstance(Lifecycle.PER_CLASS)
@ResourceLock(OwnQuire.SERVERS)
class ProjectionRebuildPostgresIntegrationTest {

  private OwnQuire quire;
  private HttpApi one;
  private HttpApi two;
  private Rebuilds rebuildsOnOne;
  private Rebuilds rebuildsOnTwo;
  private Activity staff;

  @BeforeAll
  void twoServers() {
    quire =
        OwnQuire.start(
            "rebuilds",
            "--quire.projections.rebuild.watch=500ms",
            "--quire.projections.rebuild.lease=5s");
    one = quire.api();
    // Rebuilds asked of the second server run slowly (small batches with a pause), so that they
    // overlap the writes for seconds.
    two =
        quire.anotherServer(
            "--quire.projections.rebuild.watch=500ms",
            "--quire.projections.rebuild.lease=5s",
            "--quire.projections.rebuild.batch=10",
            "--quire.projections.rebuild.pause=100ms",
            "--quire.projections.rebuild.cut-over-within=5");
    String token = quire.staffToken();
    rebuildsOnOne = new Rebuilds(one, token);
    rebuildsOnTwo = new Rebuilds(two, token);
    staff = Activity.of(one, token);
  }

  @AfterAll
  void stop() {
    quire.close();
  }

  @Test
  void aRebuildUnderReadsAndWritesThroughTwoServersLosesNothingAndAppliesNothingTwice() {
    String slug = staff.anOrg();
    Activity alice = Activity.of(one, Activity.aNewUser(one));
    String aliceSlug = alice.anOrg();
    for (int i = 0; i < 40; i++) {
      String task = staff.aTask(slug, "Before " + i).get("id").asText();
      if (i % 3 == 0) {
        staff.change(slug, task, Map.of("status", "in_progress"));
      }
      alice.aTask(aliceSlug, "Alice before " + i);
    }
    long before = staff.taskCount(slug);

    JsonNode started = rebuildsOnTwo.started("tasks");
    assertThat(started.get("status").asText()).isEqualTo("replaying");
    Response second = rebuildsOnOne.start("tasks");
    assertThat(second.status()).as(second.toString()).isEqualTo(409);
    assertThat(second.json().at("/error/code").asText()).isEqualTo("conflict");

    AtomicBoolean rebuilding = new AtomicBoolean(true);
    Map<String, String> written = new ConcurrentHashMap<>();
    List<String> problems = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> writerOnOne =
        CompletableFuture.runAsync(
            () -> writeAndReadBack(staff, staff.on(two), slug, "one", written, problems));
    CompletableFuture<Void> writerOnTwo =
        CompletableFuture.runAsync(
            () -> writeAndReadBack(staff.on(two), staff, slug, "two", written, problems));
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              long seen = before;
              while (rebuilding.get()) {
                long count = alice.on(two).taskCount(aliceSlug);
                if (count != 40) {
                  problems.add("alice's list counted " + count + " tasks, not 40");
                }
                long now = staff.taskCount(slug);
                if (now < seen) {
                  problems.add("the list went back from " + seen + " to " + now + " tasks");
                }
                seen = now;
              }
            });
    List<String> statesSeen = new ArrayList<>();
    JsonNode finished =
        await("the rebuild of tasks")
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  JsonNode onOne = rebuildsOnOne.status("tasks");
                  JsonNode onTwo = rebuildsOnTwo.status("tasks");
                  statesSeen.add(onOne.get("status").asText());
                  if (onOne.get("status").asText().equals("replaying")
                      && onTwo.get("status").asText().equals("replaying")) {
                    assertThat(onTwo.at("/replay/started_at"))
                        .isEqualTo(onOne.at("/replay/started_at"));
                  }
                  return onOne;
                },
                state -> !List.of("replaying", "stopped").contains(state.get("status").asText()));
    CompletableFuture.allOf(writerOnOne, writerOnTwo).join();
    rebuilding.set(false);
    reader.join();

    assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("running");
    assertThat(problems).isEmpty();
    assertThat(statesSeen).contains("replaying");
    assertThat(written).hasSize(50);
    assertThat(finished.get("rebuilt_at").isNull()).isFalse();
    assertThat(finished.get("lag").asLong()).isZero();
    // Every write made during the rebuild is in the new copy, once: its version counts its events.
    written.forEach(
        (task, title) -> {
          JsonNode now = staff.task(slug, task);
          assertThat(now.get("title").asText()).isEqualTo(title);
          assertThat(now.get("version").asLong()).isEqualTo(2);
          assertThat(now.get("status").asText()).isEqualTo("done");
        });
    assertThat(staff.taskCount(slug)).isEqualTo(before + written.size());
    assertThat(
            quire
                .sql()
                .queryForList(
                    "SELECT c.status, c.tasks FROM task_counts c"
                        + " WHERE c.tasks <> (SELECT COUNT(*) FROM task_view t"
                        + " WHERE t.org_id = c.org_id AND t.status = c.status)"))
        .as("task counts that do not count their tasks")
        .isEmpty();
    // Row for row, the copy swapped in is the one a rebuild with nothing happening makes.
    Map<String, List<String>> afterTheWrites = ReadModelRows.of(quire.sql(), "tasks");
    rebuildsOnOne.rebuild("tasks");
    assertThat(ReadModelRows.of(quire.sql(), "tasks")).isEqualTo(afterTheWrites);
  }

  /** Creates 25 tasks and finishes them, reading each back at once on the other server. */
  private static void writeAndReadBack(
      Activity writer,
      Activity reader,
      String slug,
      String server,
      Map<String, String> written,
      List<String> problems) {
    for (int i = 0; i < 25; ) {
      String title = "During on " + server + " " + i++;
      try {
        String task = writer.aTask(slug, title).get("id").asText();
        JsonNode read = reader.task(slug, task);
        if (!read.get("title").asText().equals(title)) {
          problems.add("read " + read + " after writing " + title);
        }
        writer.change(slug, task, Map.of("status", "done"));
        if (!reader.task(slug, task).get("status").asText().equals("done")) {
          problems.add("read an unfinished " + task + " after finishing it");
        }
        written.put(task, title);
      } catch (AssertionError failed) {
        problems.add(failed.getMessage());
      }
    }
  }

  @Test
  void everyReadModelRebuiltFromTheEventsEqualsTheOneBuiltAsTheyHappened() {
    String slug = staff.anOrg();
    String task = staff.aTask(slug, "Rebuilt").get("id").asText();
    staff.change(slug, task, Map.of("title", "Rebuilt again", "status", "in_progress"));
    JsonNode article = staff.aPublishedArticle("Rebuilt article");
    String comment = staff.aComment(article.get("id").asText(), "Nice").get("id").asText();
    staff.approve(comment);
    staff.anIntegration(slug);
    Map<String, Map<String, List<String>>> asTheyHappened = ReadModelRows.ofAll(quire.sql());

    for (String model : ReadModelRows.TABLES.keySet()) {
      rebuildsOnOne.rebuild(model);
    }

    assertThat(ReadModelRows.ofAll(quire.sql())).isEqualTo(asTheyHappened);
  }

  @Test
  void revisionOneEventsStoredByAnEarlierServerAreRebuiltAtTheirCurrentRevision() {
    List<Long> indexes =
        StoredEventRows.insertAsStored(
            quire.sql(), StoredEventFixtures.rows(StoredEventFixtures.REVISION_ONE_ORG));
    indexTheStoredEvents(indexes);

    for (String model : ReadModelRows.TABLES.keySet()) {
      rebuildsOnOne.rebuild(model);
    }

    // The fixture's org, as the server that stored it showed it (see RevisionOneEventsIntegration
    // Test): its tasks, one created by ada-r1 and one by its integration (no creating user).
    String org = "0bc1edda-8b70-4d59-8e29-b7719b837a29";
    assertThat(
            quire
                .sql()
                .queryForList(
                    "SELECT slug FROM org_view WHERE org_id = ?::uuid", String.class, org))
        .containsExactly("revision-one");
    assertThat(
            quire
                .sql()
                .queryForList(
                    "SELECT t.title, t.status, u.username FROM task_view t"
                        + " LEFT JOIN user_directory u ON u.id = t.created_by"
                        + " WHERE t.org_id = ?::uuid ORDER BY t.title",
                    org))
        .extracting(row -> row.get("title") + "/" + row.get("status") + "/" + row.get("username"))
        .containsExactly(
            "Book the room/todo/ada-r1",
            "From the tracker/todo/null",
            "Write the release plan/in_progress/ada-r1");
    assertThat(
            quire
                .sql()
                .queryForObject(
                    "SELECT COUNT(*) FROM webhook_receipt_view WHERE org_id = ?::uuid",
                    Long.class,
                    org))
        .isEqualTo(1);
  }

  /** The audit index rows of raw stored events (which give them commit positions). */
  private void indexTheStoredEvents(List<Long> indexes) {
    StoredEventReader reader = quire.bean(StoredEventReader.class);
    AnnotationEventHandlerAdapter audit =
        new AnnotationEventHandlerAdapter(quire.bean(AuditLogProjection.class));
    new TransactionTemplate(quire.bean(PlatformTransactionManager.class))
        .executeWithoutResult(
            status -> {
              for (var event :
                  reader.read(
                      quire
                          .sql()
                          .query(
                              "SELECT "
                                  + StoredEvents.COLUMNS
                                  + " FROM domain_event_entry e WHERE e.global_index = ANY (?)"
                                  + " ORDER BY e.global_index",
                              (row, n) -> StoredEvents.read(row),
                              (Object) indexes.toArray(Long[]::new)))) {
                try {
                  audit.handle(event);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
            });
  }

  @Test
  void anEventAHandlerCannotApplyStopsTheRebuildAndTheCurrentCopyKeepsServing() {
    String slug = staff.anOrg();
    String task = staff.aTask(slug, "Poisoned").get("id").asText();
    staff.change(slug, task, Map.of("title", "Poisoned again"));
    long retitled =
        quire
            .sql()
            .queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " AND sequence_number = 1",
                Long.class,
                task);
    // Its commit position, once the stream has stamped it (in the background, within moments).
    long position =
        await("the retitle's commit position")
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    quire
                        .sql()
                        .queryForObject(
                            "SELECT position FROM audit_event WHERE global_index = ?",
                            Long.class,
                            retitled),
                Objects::nonNull);
    byte[] payload =
        quire
            .sql()
            .queryForObject(
                "SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class,
                retitled);
    // A payload no handler can apply: the task it retitles does not exist.
    String poisoned =
        new String(payload, java.nio.charset.StandardCharsets.UTF_8)
            .replace(task, "00000000-0000-4000-8000-000000000000");
    quire
        .sql()
        .update(
            "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
            poisoned.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            retitled);

    rebuildsOnOne.started("tasks");
    JsonNode failed = rebuildsOnOne.awaitFinished("tasks");

    assertThat(failed.get("status").asText()).isEqualTo("error");
    assertThat(failed.at("/last_error/position").asLong()).isEqualTo(position);
    assertThat(failed.at("/last_error/global_sequence").asLong()).isEqualTo(retitled);
    assertThat(failed.at("/last_error/message").asText())
        .contains("TaskRetitledEvent", "position " + position, "events are missing");
    assertThat(rebuildsOnTwo.status("tasks").get("status").asText()).isEqualTo("error");
    assertThat(staff.task(slug, task).get("title").asText()).isEqualTo("Poisoned again");
    assertThat(quire.scratchSchemas()).isZero();

    quire
        .sql()
        .update(
            "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, retitled);
    rebuildsOnOne.rebuild("tasks");

    assertThat(rebuildsOnTwo.status("tasks").get("last_error").isNull()).isTrue();
    assertThat(staff.task(slug, task).get("title").asText()).isEqualTo("Poisoned again");
  }

  @Test
  void aRebuildRunsNothingWithAnEffectOutsideTheReadModel() {
    String slug = staff.anOrg();
    staff.aTask(slug, "Exported");
    String export = staff.anExport(slug).get("id").asText();
    await("the export")
        .atMost(Duration.ofMinutes(1))
        .until(() -> staff.export(slug, export).get("status").asText(), "done"::equals);
    String integration = staff.anIntegration(slug).get("id").asText();
    long events = quire.sql().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    List<Map<String, Object>> exports = quire.sql().queryForList("SELECT * FROM export_view");
    long chunks = quire.sql().queryForObject("SELECT COUNT(*) FROM export_chunks", Long.class);

    for (String model : ReadModelRows.TABLES.keySet()) {
      rebuildsOnOne.rebuild(model);
    }

    // An export job that ran again, or anything else a handler outside the read models does,
    // would have stored events or files.
    assertThat(quire.sql().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
        .isEqualTo(events);
    assertThat(quire.sql().queryForList("SELECT * FROM export_view")).isEqualTo(exports);
    assertThat(quire.sql().queryForObject("SELECT COUNT(*) FROM export_chunks", Long.class))
        .isEqualTo(chunks);
    assertThat(integration).isNotBlank();
  }
}
