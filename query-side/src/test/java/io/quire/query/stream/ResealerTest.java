package io.quire.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.audit.SealCheck;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.query.stream.Stamper.Head;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After stored events were rewritten in place (migration V25), the seals are computed again from
 * the first one changed: every position stays, the history verifies whole and stream by stream, and
 * the head keeps its position with a new hash.
 */
class ResealerTest {

  private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final DataSource dataSource = db.jdbc().getJdbcTemplate().getDataSource();
  private final EventStream stream = new EventStream(dataSource);
  private final Seals seals = new Seals(db.jdbc(), stream);
  private final List<TaskId> tasks = new ArrayList<>();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void rewrittenEventsVerifyAgainOnceResealedFromTheFirstChangeAndKeepTheirPositions()
      throws Exception {
    StoredEvents store = new StoredEvents(db.jdbc());
    OrgId org = OrgId.random();
    for (int i = 1; i <= 6; i++) {
      TaskId task = i % 2 == 1 ? TaskId.random() : tasks.get(tasks.size() - 1);
      if (i % 2 == 1) {
        tasks.add(task);
        store.store(i, "Task", task.toString(), 0, created(task, org, "Title " + i), AT);
      } else {
        store.store(
            i, "Task", task.toString(), 1, new TaskRetitledEvent(task, org, "T" + i, null, AT), AT);
      }
      store.index(i, org.value(), "task.created", AT);
    }
    Head before = stream.head();
    assertThat(seals.wholeHistory().firstBroken()).isNull();

    db.jdbc()
        .getJdbcTemplate()
        .update(
            "UPDATE domain_event_entry SET payload = ? WHERE global_index = 3",
            (Object)
                ("{\"taskId\":\""
                        + tasks.get(1)
                        + "\",\"orgId\":\""
                        + org
                        + "\",\"title\":\"pd1:x\"}")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(seals.wholeHistory().firstBroken()).isNotNull();

    List<Long> progress = new ArrayList<>();
    Head after;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      Head locked = Stamper.lockHead(connection, false).orElseThrow();
      after = new Resealer().resealFrom(connection, locked, 3, progress::add);
      connection.commit();
    }

    SealCheck check = seals.wholeHistory();
    assertThat(check.firstBroken()).isNull();
    assertThat(check.checked()).isEqualTo(6);
    assertThat(after.position()).isEqualTo(before.position()).isEqualTo(6);
    assertThat(after.seal()).isNotEqualTo(before.seal());
    assertThat(stream.head().seal()).isEqualTo(after.seal());
    assertThat(progress).containsExactly(6L);
    for (TaskId task : tasks) {
      assertThat(seals.aggregate(task.toString()).orElseThrow().firstBroken()).isNull();
    }
  }

  private static TaskCreatedEvent created(TaskId task, OrgId org, String title) {
    return new TaskCreatedEvent(task, org, title, null, null, null, null, AT);
  }
}
