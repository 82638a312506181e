package io.quire.query.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.FindTaskAsOfQuery;
import io.quire.kernel.tasks.FindTaskQuery;
import io.quire.kernel.tasks.TaskHistoryEntry;
import io.quire.kernel.tasks.TaskHistoryPage;
import io.quire.kernel.tasks.TaskHistoryQuery;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskView;
import io.quire.query.testing.ReadModelWorld;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskHistoryQueriesTest {

  private final ReadModelWorld world = new ReadModelWorld();
  private final TaskHistoryQueries queries = world.historyQueries();
  private final UserId ada = world.user("ada");
  private final UserId bob = world.user("bob");
  private final OrgId acme = world.org("acme", ada);

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void historyListsEveryEventOldestFirstWithItsTypeTimeActorAndData() {
    Instant created = world.moments().peek();
    TaskId task =
        world
            .task(acme)
            .title("Report")
            .description("Q1")
            .due(LocalDate.parse("2026-03-10"))
            .createdBy(ada)
            .create();
    Instant started = world.moments().peek();
    world.setStatus(task, TaskStatus.IN_PROGRESS, bob);

    TaskHistoryPage history = history(task, 1, 20).orElseThrow();

    Map<String, Object> createdData = new HashMap<>();
    createdData.put("title", "Report");
    createdData.put("description", "Q1");
    createdData.put("assigned_to", null);
    createdData.put("due_date", "2026-03-10");
    assertThat(history.count()).isEqualTo(2);
    assertThat(history.results())
        .containsExactly(
            new TaskHistoryEntry(
                1, "task.created", created, new UserSummary(ada, "ada"), createdData),
            new TaskHistoryEntry(
                2,
                "task.status_changed",
                started,
                new UserSummary(bob, "bob"),
                Map.of("status", "in_progress")));
  }

  @Test
  void everyKindOfChangeHasItsTypeAndOnlyItsOwnData() {
    TaskId task = world.task(acme).createdBy(ada).create();
    world.retitle(task, "New", ada);
    world.describe(task, "Text", ada);
    world.assign(task, bob, ada);
    world.unassign(task, ada);
    world.setDueDate(task, null, ada);
    world.delete(task, ada);

    List<TaskHistoryEntry> entries = history(task, 1, 20).orElseThrow().results();

    assertThat(entries)
        .extracting(TaskHistoryEntry::type)
        .containsExactly(
            "task.created",
            "task.retitled",
            "task.description_changed",
            "task.assigned",
            "task.unassigned",
            "task.due_date_changed",
            "task.deleted");
    assertThat(entries)
        .extracting(TaskHistoryEntry::sequence)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(entries.get(1).data()).isEqualTo(Map.of("title", "New"));
    assertThat(entries.get(3).data()).isEqualTo(Map.of("assignee", bob.value().toString()));
    assertThat(entries.get(4).data()).isEmpty();
    assertThat(entries.get(5).data()).containsOnlyKeys("due_date").containsEntry("due_date", null);
    assertThat(entries.get(6).data()).isEmpty();
  }

  @Test
  void changesMadeByAnIntegrationHaveNoActor() {
    TaskId task = world.task(acme).create();
    world.setStatus(task, TaskStatus.DONE, null);

    assertThat(history(task, 1, 20).orElseThrow().results())
        .extracting(TaskHistoryEntry::actor)
        .containsExactly(null, null);
  }

  @Test
  void anActorMissingFromTheUserDirectoryHasNoUsername() {
    UserId stranger = new UserId(UUID.randomUUID());
    TaskId task = world.task(acme).createdBy(stranger).create();

    assertThat(history(task, 1, 20).orElseThrow().results().get(0).actor())
        .isEqualTo(new UserSummary(stranger, null));
  }

  @Test
  void historyIsPagedAndCountsEveryEvent() {
    TaskId task = world.task(acme).createdBy(ada).create();
    for (int i = 0; i < 4; i++) {
      world.retitle(task, "Title " + i, i % 2 == 0 ? ada : bob);
    }

    TaskHistoryPage second = history(task, 2, 2).orElseThrow();

    assertThat(second.count()).isEqualTo(5);
    assertThat(second.results()).extracting(TaskHistoryEntry::sequence).containsExactly(3L, 4L);
    assertThat(history(task, 4, 2)).contains(new TaskHistoryPage(5, List.of()));
  }

  @Test
  void theUsernamesOfAPageAreLookedUpInOneStatement() {
    TaskId task = world.task(acme).createdBy(ada).create();
    for (int i = 0; i < 30; i++) {
      world.retitle(task, "Title " + i, world.user("user" + i));
    }

    assertThat(world.db().statementsDuring(() -> history(task, 1, 25))).isEqualTo(1);
    assertThat(world.db().statementsDuring(() -> history(task, 1, 5))).isEqualTo(1);
  }

  @Test
  void aDeletedTaskKeepsItsHistory() {
    TaskId task = world.task(acme).create();
    world.delete(task, ada);

    assertThat(history(task, 1, 20))
        .hasValueSatisfying(page -> assertThat(page.count()).isEqualTo(2));
  }

  @Test
  void theHistoryOfATaskOfAnotherOrgOrOfNoTaskIsNotFound() {
    OrgId other = world.org("other", bob);
    TaskId task = world.task(other).create();

    assertThat(queries.handle(new TaskHistoryQuery(acme, task, 1, 20))).isEmpty();
    assertThat(queries.handle(new TaskHistoryQuery(acme, TaskId.random(), 1, 20))).isEmpty();
    assertThat(queries.handle(new TaskHistoryQuery(acme, new TaskId(acme.value()), 1, 20)))
        .as("an org's own events are not a task's")
        .isEmpty();
  }

  @Test
  void aTaskAsOfBeforeItsCreationIsNotFound() {
    Instant created = world.moments().peek();
    TaskId task = world.task(acme).create();

    assertThat(asOf(task, created.minusNanos(1000))).isEmpty();
  }

  @Test
  void aTaskAsOfAMomentShowsItAsItStoodThen() {
    Instant created = world.moments().peek();
    TaskId task = world.task(acme).title("First").createdBy(ada).create();
    Instant retitled = world.moments().peek();
    world.retitle(task, "Second", bob);
    world.assign(task, bob, ada);

    assertThat(asOf(task, retitled.minusSeconds(1)))
        .contains(
            new TaskView(
                task,
                "acme",
                "First",
                null,
                TaskStatus.TODO,
                new UserSummary(ada, "ada"),
                null,
                null,
                created,
                created,
                1));
    assertThat(asOf(task, retitled))
        .as("a change at exactly that moment is part of it")
        .hasValueSatisfying(
            view -> {
              assertThat(view.title()).isEqualTo("Second");
              assertThat(view.updatedAt()).isEqualTo(retitled);
              assertThat(view.version()).isEqualTo(2);
              assertThat(view.assignedTo()).isNull();
            });
  }

  @Test
  void aTaskAsOfNowIsTheTaskAsTheListShowsIt() {
    TaskId task = world.task(acme).title("First").createdBy(ada).assignedTo(bob).create();
    world.setStatus(task, TaskStatus.DONE, bob);
    world.setDueDate(task, LocalDate.parse("2026-04-01"), ada);

    assertThat(asOf(task, world.moments().peek()))
        .isEqualTo(world.taskQueries().handle(new FindTaskQuery(acme, task)))
        .isPresent();
  }

  @Test
  void aTaskAsOfAfterItsDeletionIsNotFound() {
    TaskId task = world.task(acme).create();
    Instant deleted = world.moments().peek();
    world.delete(task, ada);

    assertThat(asOf(task, deleted.minusSeconds(1))).isPresent();
    assertThat(asOf(task, deleted)).isEmpty();
  }

  @Test
  void aTaskOfAnotherOrgIsNotFoundAsOfAnyMoment() {
    OrgId other = world.org("other", bob);
    TaskId task = world.task(other).create();

    assertThat(asOf(task, world.moments().peek())).isEmpty();
  }

  @Test
  void aTaskAsOfAMomentIsOneStatementForItsNames() {
    TaskId task = world.task(acme).createdBy(ada).assignedTo(bob).create();

    assertThat(world.db().statementsDuring(() -> asOf(task, world.moments().peek()))).isEqualTo(1);
  }

  private Optional<TaskHistoryPage> history(TaskId task, int page, int pageSize) {
    return queries.handle(new TaskHistoryQuery(acme, task, page, pageSize));
  }

  private Optional<TaskView> asOf(TaskId task, Instant asOf) {
    return queries.handle(new FindTaskAsOfQuery(acme, task, asOf));
  }
}
