package io.quire.api.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.ChildServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A server killed in the middle of a rebuild: the current copy goes on serving, the state says the
 * rebuild stopped and where, and a running server takes it over from the last position recorded
 * when the killed server's claim runs out; the copy swapped in at the end is the one a rebuild
 * without a kill makes. Every server here rebuilds slowly (batches of 10 with a pause) and claims
 * for 3 s, so the kill lands mid-rebuild and the takeover comes soon.
 */
@ResourceLock(OwnQuire.SERVERS)
@Execution(ExecutionMode.SAME_THREAD)
class RebuildKillPostgresIntegrationTest {

  private static final String BATCH = "--quire.projections.rebuild.batch=10";
  private static final String PAUSE = "--quire.projections.rebuild.pause=100ms";
  private static final String CUT_OVER = "--quire.projections.rebuild.cut-over-within=5";
  private static final String LEASE = "--quire.projections.rebuild.lease=3s";
  private static final String WATCH = "--quire.projections.rebuild.watch=300ms";

  /** A server that takes nothing over while the test looks at the stopped rebuild. */
  private static final String NO_TAKEOVER = "--quire.projections.rebuild.watch=1h";

  @Test
  @Timeout(300)
  void aRebuildWhoseServerIsKilledIsTakenOverAndAHalfBuiltCopyNeverServes() throws Exception {
    try (OwnQuire quire =
        OwnQuire.start("rebuildkill", BATCH, PAUSE, CUT_OVER, LEASE, NO_TAKEOVER)) {
      Killed killed = killMidRebuild(quire);

      // A server that looks for stopped rebuilds takes it over from there.
      List<JsonNode> seen = takenOverAndFinished(quire, killed);
      assertThat(seen)
          .anySatisfy(
              state -> {
                assertThat(state.get("status").asText()).isEqualTo("replaying");
                assertThat(state.at("/replay/resumed").asInt()).isEqualTo(1);
                assertThat(state.get("position").asLong())
                    .isGreaterThanOrEqualTo(killed.stopped().get("position").asLong());
              });
      assertThat(ReadModelRows.of(quire.sql(), "tasks")).isEqualTo(killed.before());
      assertThat(quire.scratchSchemas()).isZero();
    }
  }

  /**
   * The copy is built in unlogged tables, which a crash of PostgreSQL empties; a server that takes
   * such a rebuild over starts it again from the first event instead of going on from the position
   * recorded (which would leave the first tasks out, or stop at an update of a row that is gone).
   */
  @Test
  @Timeout(300)
  void aCopyEmptiedByADatabaseCrashIsRebuiltFromTheFirstEvent() throws Exception {
    try (OwnQuire quire =
        OwnQuire.start("rebuildcrash", BATCH, PAUSE, CUT_OVER, LEASE, NO_TAKEOVER)) {
      Killed killed = killMidRebuild(quire);
      assertThat(
              quire
                  .sql()
                  .queryForList(
                      "SELECT c.relname || ':' || c.relpersistence::text FROM pg_class c"
                          + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                          + " WHERE n.nspname = 'quire_rebuild_tasks' AND c.relkind = 'r'"
                          + " ORDER BY c.relname",
                      String.class))
          .containsExactly("task_counts:u", "task_list_versions:u", "task_view:u");
      // What crash recovery does to an unlogged table.
      quire
          .sql()
          .execute(
              "TRUNCATE quire_rebuild_tasks.task_view, quire_rebuild_tasks.task_counts,"
                  + " quire_rebuild_tasks.task_list_versions");

      List<JsonNode> seen = takenOverAndFinished(quire, killed);
      assertThat(seen)
          .anySatisfy(
              state -> {
                assertThat(state.get("status").asText()).isEqualTo("replaying");
                assertThat(state.get("position").asLong())
                    .isLessThan(killed.stopped().get("position").asLong());
              });
      assertThat(ReadModelRows.of(quire.sql(), "tasks")).isEqualTo(killed.before());
      assertThat(quire.scratchSchemas()).isZero();
    }
  }

  /** The read model's rows before the rebuild, and the state once the killed claim ran out. */
  private record Killed(
      String token, String slug, Map<String, List<String>> before, JsonNode stopped) {}

  /**
   * Makes 80 tasks, starts a rebuild of them on a server of its own and kills that server mid-way;
   * answers once its claim has run out, having checked that the state says where it stopped and
   * that the current copy served throughout.
   */
  private static Killed killMidRebuild(OwnQuire quire) throws Exception {
    String token = quire.staffToken();
    Activity staff = Activity.of(quire.api(), token);
    String slug = staff.anOrg();
    for (int i = 0; i < 80; i++) {
      String task = staff.aTask(slug, "Task " + i).get("id").asText();
      staff.change(slug, task, Map.of("status", "in_progress"));
    }
    Map<String, List<String>> before = ReadModelRows.of(quire.sql(), "tasks");
    Rebuilds survivor = new Rebuilds(quire.api(), token);

    try (ChildServer doomed =
        ChildServer.start(
            List.of(
                "--spring.profiles.active=integration-test",
                "--spring.flyway.enabled=false",
                "--spring.datasource.url=" + quire.database().url(),
                "--spring.datasource.username=" + quire.database().username(),
                "--spring.datasource.password=" + quire.database().password(),
                "--spring.datasource.hikari.maximum-pool-size=4",
                BATCH,
                PAUSE,
                CUT_OVER,
                LEASE,
                WATCH))) {
      new Rebuilds(doomed.api(), token).started("tasks");
      await("the doomed server's rebuild to get going")
          .atMost(Duration.ofMinutes(1))
          .until(() -> survivor.status("tasks").get("position").asLong(), at -> at >= 30);
      doomed.kill();
      assertThat(doomed.log()).contains("Rebuild of tasks started at position 0");
    }

    // Its claim runs out; until a server takes it over, the state says where it stopped.
    JsonNode stopped =
        await("the killed server's claim to run out")
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> survivor.status("tasks"), s -> s.get("status").asText().equals("stopped"));
    assertThat(stopped.at("/last_error/message").asText())
        .contains("stopped at position " + stopped.get("position").asLong());
    assertThat(stopped.get("position").asLong()).isGreaterThanOrEqualTo(30);
    assertThat(staff.taskCount(slug)).isEqualTo(80);
    return new Killed(token, slug, before, stopped);
  }

  /**
   * Starts a server that takes stopped rebuilds over and answers every state it reported until the
   * rebuild served again, checking that the current copy served all along.
   */
  private static List<JsonNode> takenOverAndFinished(OwnQuire quire, Killed killed) {
    Activity staff = Activity.of(quire.api(), killed.token());
    Rebuilds taker =
        new Rebuilds(quire.anotherServer(BATCH, PAUSE, CUT_OVER, LEASE, WATCH), killed.token());
    List<JsonNode> seen = new ArrayList<>();
    await("the rebuild to be taken over and finished")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              JsonNode state = taker.status("tasks");
              seen.add(state);
              assertThat(staff.taskCount(killed.slug())).isEqualTo(80);
              return state.get("status").asText();
            },
            "running"::equals);
    return seen;
  }
}
