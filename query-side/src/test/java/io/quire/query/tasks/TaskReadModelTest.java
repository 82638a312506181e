package io.quire.query.tasks;

import static io.quire.query.testing.ReadModelWorld.TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.FindTaskQuery;
import io.quire.kernel.tasks.ListTasksQuery;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskOrdering;
import io.quire.kernel.tasks.TaskPage;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskView;
import io.quire.query.testing.ReadModelWorld;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskReadModelTest {

  private static final LocalDate MARCH_10 = LocalDate.parse("2026-03-10");

  private final ReadModelWorld world = new ReadModelWorld();
  private final TaskQueries queries = world.taskQueries();
  private final UserId ada = world.user("ada");
  private final UserId bob = world.user("bob");
  private final OrgId acme = world.org("acme", ada);

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void aCreatedTaskIsTodoAtVersionOneWithItsOrgAndPeople() {
    Instant createdAt = world.moments().peek();
    TaskId task =
        world
            .task(acme)
            .title("Write the report")
            .description("All of it")
            .createdBy(ada)
            .assignedTo(bob)
            .due(MARCH_10)
            .create();

    assertThat(find(task))
        .contains(
            new TaskView(
                task,
                "acme",
                "Write the report",
                "All of it",
                TaskStatus.TODO,
                new UserSummary(ada, "ada"),
                new UserSummary(bob, "bob"),
                MARCH_10,
                createdAt,
                createdAt,
                1));
  }

  @Test
  void aTaskCreatedByAnIntegrationHasNoCreatorAndAnUnassignedTaskNoAssignee() {
    TaskId task = world.task(acme).create();

    assertThat(find(task))
        .hasValueSatisfying(
            view -> {
              assertThat(view.createdBy()).isNull();
              assertThat(view.assignedTo()).isNull();
              assertThat(view.description()).isNull();
              assertThat(view.dueDate()).isNull();
            });
  }

  @Test
  void eachChangeSetsItsFieldTheUpdateTimeAndTheVersion() {
    TaskId task = world.task(acme).createdBy(ada).create();

    world.retitle(task, "New title", ada);
    world.describe(task, "New description", ada);
    world.setStatus(task, TaskStatus.IN_PROGRESS, ada);
    world.assign(task, bob, ada);
    Instant lastChange = world.moments().peek();
    world.setDueDate(task, MARCH_10, bob);

    assertThat(find(task))
        .hasValueSatisfying(
            view -> {
              assertThat(view.title()).isEqualTo("New title");
              assertThat(view.description()).isEqualTo("New description");
              assertThat(view.status()).isEqualTo(TaskStatus.IN_PROGRESS);
              assertThat(view.assignedTo()).isEqualTo(new UserSummary(bob, "bob"));
              assertThat(view.dueDate()).isEqualTo(MARCH_10);
              assertThat(view.updatedAt()).isEqualTo(lastChange);
              assertThat(view.version()).isEqualTo(6);
            });
  }

  @Test
  void unassigningAndClearingTheDueDateLeaveThemEmpty() {
    TaskId task = world.task(acme).assignedTo(bob).due(MARCH_10).create();

    world.unassign(task, ada);
    world.setDueDate(task, null, ada);

    assertThat(find(task))
        .hasValueSatisfying(
            view -> {
              assertThat(view.assignedTo()).isNull();
              assertThat(view.dueDate()).isNull();
              assertThat(view.version()).isEqualTo(3);
            });
  }

  @Test
  void deletedTaskDisappearsFromTheListAndTheDetail() {
    TaskId kept = world.task(acme).create();
    TaskId deleted = world.task(acme).create();

    world.delete(deleted, ada);

    assertThat(find(deleted)).isEmpty();
    assertThat(ids(list(query()))).containsExactly(kept);
    assertThat(list(query()).count()).isEqualTo(1);
  }

  @Test
  void aTaskIsNotFoundThroughAnotherOrg() {
    OrgId other = world.org("other", bob);
    TaskId task = world.task(acme).create();

    assertThat(queries.handle(new FindTaskQuery(other, task))).isEmpty();
    assertThat(list(new ListTasksQuery(other, null, null, null, null, 1, 20)).count()).isZero();
  }

  @Test
  void theListIsNewestFirstByDefault() {
    TaskId first = world.task(acme).create();
    TaskId second = world.task(acme).create();
    TaskId third = world.task(acme).create();

    assertThat(ids(list(query()))).containsExactly(third, second, first);
    assertThat(ids(list(query().ordering(TaskOrdering.CREATED_AT))))
        .containsExactly(first, second, third);
  }

  @Test
  void tasksWithoutADueDateComeLastInBothDueDateOrderings() {
    TaskId none = world.task(acme).create();
    TaskId late = world.task(acme).due(MARCH_10.plusDays(5)).create();
    TaskId early = world.task(acme).due(MARCH_10).create();

    assertThat(ids(list(query().ordering(TaskOrdering.DUE_DATE))))
        .containsExactly(early, late, none);
    assertThat(ids(list(query().ordering(TaskOrdering.LATEST_DUE_FIRST))))
        .containsExactly(late, early, none);
  }

  @Test
  void tiesAreBrokenByIdSoPagesNeverOverlapInAnyOrdering() {
    Instant sameTime = world.moments().next();
    List<TaskId> tasks =
        IntStream.range(0, 9)
            .mapToObj(
                i ->
                    world.task(acme).createdAt(sameTime).due(i % 2 == 0 ? MARCH_10 : null).create())
            .toList();

    for (TaskOrdering ordering : TaskOrdering.values()) {
      List<TaskId> walked = new ArrayList<>();
      for (int page = 1; page <= 5; page++) {
        walked.addAll(ids(list(query().ordering(ordering).page(page, 2))));
      }
      assertThat(walked)
          .as("%s", ordering)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(tasks);
    }
    List<TaskId> byId = tasks.stream().sorted(Comparator.comparing(TaskId::toString)).toList();
    assertThat(ids(list(query().ordering(TaskOrdering.CREATED_AT).page(1, 9))))
        .containsExactlyElementsOf(byId);
    assertThat(ids(list(query().ordering(TaskOrdering.NEWEST_FIRST).page(1, 9))))
        .containsExactlyElementsOf(
            tasks.stream().sorted(Comparator.comparing(TaskId::toString).reversed()).toList());
  }

  @Test
  void theStatusFilterMatchesOnlyThatStatus() {
    TaskId todo = world.task(acme).create();
    TaskId done = world.task(acme).create();
    world.setStatus(done, TaskStatus.DONE, ada);

    assertThat(ids(list(query().status(TaskStatus.DONE)))).containsExactly(done);
    assertThat(ids(list(query().status(TaskStatus.TODO)))).containsExactly(todo);
    assertThat(list(query().status(TaskStatus.IN_PROGRESS)).count()).isZero();
  }

  @Test
  void theAssigneeFilterMatchesOnlyTasksAssignedToThatUser() {
    TaskId bobs = world.task(acme).assignedTo(bob).create();
    world.task(acme).assignedTo(ada).create();
    world.task(acme).create();

    assertThat(ids(list(query().assignedTo(bob)))).containsExactly(bobs);
  }

  @Test
  void theTextMatchesTitleOrDescriptionIgnoringCase() {
    TaskId inTitle = world.task(acme).title("Quarterly REPORT").create();
    TaskId inDescription =
        world.task(acme).title("Other").description("the report is due").create();
    world.task(acme).title("Unrelated").description("nothing here").create();

    assertThat(ids(list(query().text("rEpOrT")))).containsExactlyInAnyOrder(inTitle, inDescription);
  }

  @Test
  void theTextIsMatchedLiterallyWithoutWildcards() {
    TaskId percent = world.task(acme).title("100% done").create();
    TaskId underscore = world.task(acme).title("snake_case").create();
    TaskId backslash = world.task(acme).title("C:\\temp").create();
    world.task(acme).title("1000 done").create();
    world.task(acme).title("snakeXcase").create();
    world.task(acme).title("C:temp").create();

    assertThat(ids(list(query().text("0% d")))).containsExactly(percent);
    assertThat(ids(list(query().text("e_c")))).containsExactly(underscore);
    assertThat(ids(list(query().text(":\\t")))).containsExactly(backslash);
  }

  @Test
  void filtersCombineAndTheCountCountsEveryMatchNotJustThePage() {
    for (int i = 0; i < 5; i++) {
      TaskId task = world.task(acme).title("report " + i).assignedTo(bob).create();
      world.setStatus(task, TaskStatus.DONE, bob);
    }
    world.task(acme).title("report open").assignedTo(bob).create();
    TaskId adas = world.task(acme).title("report").assignedTo(ada).create();
    world.setStatus(adas, TaskStatus.DONE, ada);

    TaskPage page = list(query().status(TaskStatus.DONE).assignedTo(bob).text("REPORT").page(2, 2));

    assertThat(page.count()).isEqualTo(5);
    assertThat(page.results()).hasSize(2);
  }

  @Test
  void aPagePastTheEndIsEmptyWithTheCount() {
    world.task(acme).create();

    assertThat(list(query().page(2, 20))).isEqualTo(new TaskPage(1, List.of()));
  }

  @Test
  void theListIsOneStatementForThePageAndOneForTheCountWhateverThePageAndFilters() {
    for (int i = 0; i < 30; i++) {
      world
          .task(acme)
          .title("task " + i)
          .createdBy(i % 2 == 0 ? ada : bob)
          .assignedTo(bob)
          .create();
    }

    for (int pageSize : new int[] {1, 10, 100}) {
      for (ListTasksQuery query :
          List.of(
              query().page(1, pageSize).build(),
              query()
                  .page(1, pageSize)
                  .status(TaskStatus.TODO)
                  .assignedTo(bob)
                  .text("task")
                  .build())) {
        assertThat(world.db().statementsDuring(() -> queries.handle(query))).isEqualTo(2);
      }
    }
    assertThat(
            world
                .db()
                .statementsDuring(() -> queries.handle(new FindTaskQuery(acme, TaskId.random()))))
        .isEqualTo(1);
  }

  @Test
  void aRedeliveredChangeIsNotAppliedTwice() {
    TaskId task = world.task(acme).create();
    DomainEventMessage<?> retitled =
        world
            .events()
            .publish(
                TASK,
                task,
                new TaskRetitledEvent(task, acme, "Second", ada, world.moments().next()));
    world.retitle(task, "Third", ada);

    world.events().redeliver(retitled);

    assertThat(find(task))
        .hasValueSatisfying(
            view -> {
              assertThat(view.title()).isEqualTo("Third");
              assertThat(view.version()).isEqualTo(3);
            });
  }

  @Test
  void replayingEveryEventAfterAResetRebuildsTheSameReadModel() {
    TaskId task = world.task(acme).createdBy(ada).create();
    world.assign(task, bob, ada);
    world.setStatus(task, TaskStatus.DONE, bob);
    TaskId deleted = world.task(acme).create();
    world.delete(deleted, ada);
    TaskPage before = list(query());

    world.events().replayAll();

    assertThat(list(query())).isEqualTo(before);
  }

  @Test
  void aResetEmptiesTheTaskTable() {
    world.task(acme).create();

    world.events().reset();

    assertThat(world.db().rows("task_view")).isZero();
  }

  @Test
  void aChangeAfterMissingEventsFails() {
    TaskId task = world.task(acme).create();

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .deliver(
                        TASK,
                        task,
                        2,
                        new TaskRetitledEvent(task, acme, "Lost", ada, world.moments().next())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("events are missing");
  }

  @Test
  void aChangeToATaskTheReadModelDoesNotKnowFails() {
    TaskId unknown = TaskId.random();

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .deliver(
                        TASK,
                        unknown,
                        1,
                        new TaskRetitledEvent(unknown, acme, "Lost", ada, world.moments().next())))
        .isInstanceOf(IllegalStateException.class);
  }

  private Optional<TaskView> find(TaskId task) {
    return queries.handle(new FindTaskQuery(acme, task));
  }

  private TaskPage list(ListTasksQuery query) {
    return queries.handle(query);
  }

  private TaskPage list(ListQuery query) {
    return list(query.build());
  }

  private ListQuery query() {
    return new ListQuery(acme);
  }

  private static List<TaskId> ids(TaskPage page) {
    return page.results().stream().map(TaskView::id).toList();
  }

  /** A {@link ListTasksQuery} of an org: no filters, default ordering, first page of 20. */
  private static final class ListQuery {
    private final OrgId org;
    private TaskStatus status;
    private UserId assignedTo;
    private String text;
    private TaskOrdering ordering;
    private int page = 1;
    private int pageSize = 20;

    ListQuery(OrgId org) {
      this.org = org;
    }

    ListQuery status(TaskStatus status) {
      this.status = status;
      return this;
    }

    ListQuery assignedTo(UserId assignedTo) {
      this.assignedTo = assignedTo;
      return this;
    }

    ListQuery text(String text) {
      this.text = text;
      return this;
    }

    ListQuery ordering(TaskOrdering ordering) {
      this.ordering = ordering;
      return this;
    }

    ListQuery page(int page, int pageSize) {
      this.page = page;
      this.pageSize = pageSize;
      return this;
    }

    ListTasksQuery build() {
      return new ListTasksQuery(org, status, assignedTo, text, ordering, page, pageSize);
    }
  }
}
