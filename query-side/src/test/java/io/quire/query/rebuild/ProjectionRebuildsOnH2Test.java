package io.quire.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.query.rebuild.ProjectionRebuilds.Outcome;
import io.quire.query.stream.EventStream;
import io.quire.query.testing.ReadModelDatabase;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The read models' states on the embedded H2 database, where nothing can be rebuilt, and how a
 * rebuild's record (kept by whichever server runs it) reads as a state.
 */
class ProjectionRebuildsOnH2Test {

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private ProjectionRebuilds rebuilds;

  @BeforeEach
  void start() {
    DataSource dataSource = db.jdbc().getJdbcTemplate().getDataSource();
    rebuilds =
        new ProjectionRebuilds(
            dataSource,
            new EventStream(dataSource),
            new ReadModelCatalogue(),
            new StaticListableBeanFactory()
                .getBeanProvider(org.axonframework.config.Configuration.class),
            5000,
            Duration.ZERO,
            Duration.ofSeconds(30),
            Duration.ofSeconds(2),
            1000,
            Duration.ofMillis(400),
            Duration.ofSeconds(5));
    rebuilds.start();
  }

  @AfterEach
  void stop() {
    rebuilds.stop();
    db.close();
  }

  @Test
  void everyReadModelRunsUpToDateAndSaysWhyItCannotBeRebuiltHere() {
    List<ProjectionStatus> statuses = rebuilds.statuses();

    assertThat(statuses).hasSize(7).allMatch(s -> s.status().equals("running"));
    assertThat(statuses).allMatch(s -> s.lag() == 0 && s.replay().isEmpty());
    assertThat(statuses).noneMatch(ProjectionStatus::rebuildable);
    assertThat(rebuilds.status("tasks").orElseThrow().notRebuildableReason())
        .contains(ProjectionRebuilds.NOT_ON_H2);
    assertThat(rebuilds.status("audit").orElseThrow().notRebuildableReason().orElseThrow())
        .contains("the order in which events committed");
    assertThat(rebuilds.isRunning()).isTrue();
  }

  @Test
  void aRebuildIsRefusedWithTheReasonAndAnUnknownNameIsUnknown() {
    assertThat(rebuilds.rebuild("tasks"))
        .isEqualTo(new Outcome.NotRebuildable(ProjectionRebuilds.NOT_ON_H2));
    assertThat(rebuilds.rebuild("nope")).isInstanceOf(Outcome.Unknown.class);
    assertThat(rebuilds.status("nope")).isEmpty();
  }

  @Test
  void aRunningRebuildShowsItsProgressAndRate() {
    record("replaying", true, 250, 1000.0, null);
    stampedEvents(1000);

    ProjectionStatus tasks = rebuilds.status("tasks").orElseThrow();

    assertThat(tasks.status()).isEqualTo("replaying");
    assertThat(tasks.position()).isEqualTo(250);
    assertThat(tasks.head()).isEqualTo(1000);
    assertThat(tasks.lag()).isEqualTo(750);
    assertThat(tasks.replay())
        .hasValueSatisfying(
            replay -> {
              assertThat(replay.progress()).isEqualTo(0.25);
              assertThat(replay.eventsPerSecond()).isEqualTo(1000.0);
              assertThat(replay.etaSeconds()).contains(1L);
              assertThat(replay.resumed()).isZero();
            });
    assertThat(tasks.lastError()).isEmpty();
  }

  @Test
  void aRebuildWhoseServerStoppedRenewingItsClaimIsStoppedWhereItWas() {
    record("replaying", false, 40, 500.0, null);

    ProjectionStatus tasks = rebuilds.status("tasks").orElseThrow();

    assertThat(tasks.status()).isEqualTo("stopped");
    assertThat(tasks.position()).isEqualTo(40);
    assertThat(tasks.replay()).hasValueSatisfying(r -> assertThat(r.eventsPerSecond()).isZero());
    assertThat(tasks.lastError())
        .hasValueSatisfying(
            error -> {
              assertThat(error.position()).isEqualTo(40);
              assertThat(error.globalSequence()).isEmpty();
              assertThat(error.message()).contains("stopped at position 40");
            });
  }

  @Test
  void aFailedRebuildNamesTheEventItStoppedAt() {
    record("error", false, 70, 0, "TaskRetitledEvent at position 71 could not be applied");

    ProjectionStatus tasks = rebuilds.status("tasks").orElseThrow();

    assertThat(tasks.status()).isEqualTo("error");
    assertThat(tasks.lastError())
        .hasValueSatisfying(
            error -> {
              assertThat(error.position()).isEqualTo(71);
              assertThat(error.globalSequence()).contains(93L);
              assertThat(error.message()).contains("could not be applied");
            });
  }

  @Test
  void aFinishedRebuildRunsAgainAndSaysWhenItWasSwappedIn() {
    record("done", false, 0, 0, null);

    ProjectionStatus tasks = rebuilds.status("tasks").orElseThrow();

    assertThat(tasks.status()).isEqualTo("running");
    assertThat(tasks.rebuiltAt()).isPresent();
    assertThat(tasks.lastError()).isEmpty();
  }

  @Test
  void theFailureReasonShownToOperatorsIsTheInnermostMessage() {
    RuntimeException failure =
        new IllegalStateException("outer", new IllegalArgumentException("the real reason "));

    assertThat(Rebuild.reason(failure)).isEqualTo("the real reason");
    assertThat(Rebuild.reason(new IllegalStateException())).isEqualTo("IllegalStateException");
  }

  private void record(String status, boolean leaseLive, long position, double rate, String error) {
    db.jdbc()
        .getJdbcTemplate()
        .update(
            "INSERT INTO projection_rebuild (name, status, owner, lease_until, started_at,"
                + " finished_at, position, target, events_per_second, error_position,"
                + " error_global_sequence, error_message)"
                + " VALUES ('tasks', ?, 'server-a', DATEADD('SECOND', ?, CURRENT_TIMESTAMP),"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, ?)",
            status,
            leaseLive ? 60 : -60,
            position,
            position,
            rate,
            error == null ? null : position + 1,
            error == null ? null : 93L,
            error);
  }

  /** A stream whose head is at {@code n} (the head row only: no events behind it are needed). */
  private void stampedEvents(long n) {
    db.jdbc().getJdbcTemplate().update("UPDATE event_stream_head SET position = ?", n);
  }
}
