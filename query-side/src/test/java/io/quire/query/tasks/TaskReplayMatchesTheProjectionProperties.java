package io.quire.query.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.FindTaskAsOfQuery;
import io.quire.kernel.tasks.FindTaskQuery;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskView;
import io.quire.query.testing.ReadModelWorld;
import io.quire.testsupport.Seeded;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two ways to the same task: {@link TaskProjection} keeps the current row, {@link TaskReplay}
 * rebuilds it from events. For any sequence of changes, the task as of each moment is what the read
 * model showed at that moment.
 */
class TaskReplayMatchesTheProjectionProperties {

  private static final int DELETE = 6;

  private final ReadModelWorld world = new ReadModelWorld();
  private final UserId ada = world.user("ada");
  private final UserId bob = world.user("bob");
  private final OrgId acme = world.org("acme", ada);

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void theTaskAsOfEachMomentIsWhatTheReadModelShowedThen() {
    Seeded.qt()
        .withExamples(60)
        .forAll(lists().of(integers().between(0, 7)).ofSizeBetween(0, 12))
        .checkAssert(
            changes -> {
              Map<Instant, Optional<TaskView>> shown = new LinkedHashMap<>();
              Instant created = world.moments().peek();
              TaskId task = world.task(acme).title("Start").createdBy(ada).create();
              shown.put(created, current(task));
              for (int i = 0; i < changes.size(); i++) {
                Instant at = world.moments().peek();
                change(task, changes.get(i), i);
                shown.put(at, current(task));
                if (changes.get(i) == DELETE) {
                  break;
                }
              }
              shown.forEach(
                  (at, view) ->
                      assertThat(asOf(task, at))
                          .as("as of %s after %s", at, changes)
                          .isEqualTo(view));
            });
  }

  private void change(TaskId task, int change, int i) {
    UserId actor = i % 3 == 0 ? null : (i % 2 == 0 ? ada : bob);
    switch (change) {
      case 0 -> world.retitle(task, "Title " + i, actor);
      case 1 -> world.describe(task, i % 2 == 0 ? null : "Text " + i, actor);
      case 2 -> world.setStatus(task, TaskStatus.values()[i % 3], actor);
      case 3 -> world.assign(task, i % 2 == 0 ? ada : bob, actor);
      case 4 -> world.unassign(task, actor);
      case 5 ->
          world.setDueDate(
              task, i % 2 == 0 ? null : LocalDate.parse("2026-03-10").plusDays(i), actor);
      case DELETE -> world.delete(task, actor);
      default -> world.retitle(task, "Title " + i + " again", actor);
    }
  }

  private Optional<TaskView> current(TaskId task) {
    return world.taskQueries().handle(new FindTaskQuery(acme, task));
  }

  private Optional<TaskView> asOf(TaskId task, Instant at) {
    return world.historyQueries().handle(new FindTaskAsOfQuery(acme, task, at));
  }
}
