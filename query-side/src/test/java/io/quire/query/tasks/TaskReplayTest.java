package io.quire.query.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskAssignedEvent;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDeletedEvent;
import io.quire.kernel.tasks.TaskDescriptionChangedEvent;
import io.quire.kernel.tasks.TaskDueDateChangedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskStatusChangedEvent;
import io.quire.kernel.tasks.TaskUnassignedEvent;
import io.quire.query.tasks.TaskReplay.ReplayedTask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskReplayTest {

  private static final TaskId TASK = TaskId.of("0b7c1f6e-6d1a-4c43-9a55-0d5f3e1c2a01");
  private static final OrgId ORG = OrgId.of("1c8d2a7f-7e2b-4d54-8b66-1e6a4f2d3b02");
  private static final UserId ADA = UserId.of("2d9e3b80-8f3c-4e65-9c77-2f7b5a3e4c03");
  private static final UserId BOB = UserId.of("3eaf4c91-904d-4f76-8d88-308c6b4f5d04");
  private static final LocalDate DUE = LocalDate.parse("2026-03-10");

  private static Instant minute(int n) {
    return Instant.parse("2026-03-01T12:00:00Z").plusSeconds(60L * n);
  }

  private static TaskCreatedEvent created(int minute) {
    return new TaskCreatedEvent(TASK, ORG, "Title", "Text", null, null, ADA, minute(minute));
  }

  @Test
  void nothingExistsBeforeTheFirstEvent() {
    assertThat(TaskReplay.asOf(List.of(created(1)), minute(0))).isEmpty();
    assertThat(TaskReplay.asOf(List.of(), minute(9))).isEmpty();
  }

  @Test
  void aCreatedTaskIsTodoAtVersionOneUpdatedWhenCreated() {
    assertThat(TaskReplay.asOf(List.of(created(1)), minute(1)))
        .contains(
            new ReplayedTask(
                TASK,
                ORG,
                "Title",
                "Text",
                TaskStatus.TODO,
                ADA,
                null,
                null,
                minute(1),
                minute(1),
                1));
  }

  @Test
  void everyChangeFoldsInWithTheVersionCountingEventsAndTheLastTime() {
    List<Object> events =
        List.of(
            created(0),
            new TaskRetitledEvent(TASK, ORG, "New", BOB, minute(1)),
            new TaskDescriptionChangedEvent(TASK, ORG, null, BOB, minute(2)),
            new TaskStatusChangedEvent(TASK, ORG, TaskStatus.DONE, BOB, minute(3)),
            new TaskAssignedEvent(TASK, ORG, BOB, ADA, minute(4)),
            new TaskDueDateChangedEvent(TASK, ORG, DUE, ADA, minute(5)));

    assertThat(TaskReplay.asOf(events, minute(5)))
        .contains(
            new ReplayedTask(
                TASK, ORG, "New", null, TaskStatus.DONE, ADA, BOB, DUE, minute(0), minute(5), 6));
  }

  @Test
  void unassigningAndClearingTheDueDateEmptyThem() {
    List<Object> events =
        List.of(
            new TaskCreatedEvent(TASK, ORG, "Title", null, BOB, DUE, null, minute(0)),
            new TaskUnassignedEvent(TASK, ORG, ADA, minute(1)),
            new TaskDueDateChangedEvent(TASK, ORG, null, ADA, minute(2)));

    assertThat(TaskReplay.asOf(events, minute(2)))
        .hasValueSatisfying(
            task -> {
              assertThat(task.assignedTo()).isNull();
              assertThat(task.dueDate()).isNull();
              assertThat(task.createdBy()).isNull();
            });
  }

  @Test
  void changesAfterTheMomentAreLeftOutAndOneAtTheMomentIsIn() {
    List<Object> events =
        List.of(
            created(0),
            new TaskRetitledEvent(TASK, ORG, "At two", ADA, minute(2)),
            new TaskRetitledEvent(TASK, ORG, "At four", ADA, minute(4)));

    assertThat(TaskReplay.asOf(events, minute(3)).map(ReplayedTask::title)).contains("At two");
    assertThat(TaskReplay.asOf(events, minute(4)).map(ReplayedTask::title)).contains("At four");
  }

  @Test
  void theFoldStopsAtTheFirstLaterEventEvenIfAnEvenLaterOneHasAnEarlierTime() {
    List<Object> events =
        List.of(
            created(0),
            new TaskRetitledEvent(TASK, ORG, "At five", ADA, minute(5)),
            new TaskStatusChangedEvent(TASK, ORG, TaskStatus.DONE, ADA, minute(3)));

    assertThat(TaskReplay.asOf(events, minute(4)))
        .hasValueSatisfying(
            task -> {
              assertThat(task.title()).isEqualTo("Title");
              assertThat(task.status()).isEqualTo(TaskStatus.TODO);
              assertThat(task.version()).isEqualTo(1);
            });
  }

  @Test
  void aDeletedTaskNoLongerExistsButDidBefore() {
    List<Object> events = List.of(created(0), new TaskDeletedEvent(TASK, ORG, ADA, minute(2)));

    assertThat(TaskReplay.asOf(events, minute(1))).isPresent();
    assertThat(TaskReplay.asOf(events, minute(2))).isEmpty();
  }

  @Test
  void anEventThatIsNotATasksFails() {
    assertThatThrownBy(() -> TaskReplay.asOf(List.of(created(0), "not an event"), minute(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChangeBeforeTheCreationFails() {
    assertThatThrownBy(
            () ->
                TaskReplay.asOf(
                    List.of(new TaskRetitledEvent(TASK, ORG, "X", ADA, minute(0))), minute(1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
