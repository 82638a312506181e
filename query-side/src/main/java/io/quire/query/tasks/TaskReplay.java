package io.quire.query.tasks;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds a task as it stood at an instant by folding its events, oldest first: pure, no database.
 * It folds the events up to the first one that happened after the instant (by the events' own
 * times, as history shows them), so a clock that ran backwards can never fold a later change
 * without an earlier one. The result has ids, not names: the caller looks up the org's slug and the
 * usernames. Export scrubbing ({@code io.quire.query.exports}) folds with it too.
 */
public final class TaskReplay {

  private TaskReplay() {}

  /**
   * A task as its events left it. {@code version} counts the events folded in; {@code updatedAt} is
   * the time of the last one.
   */
  public record ReplayedTask(
      TaskId id,
      OrgId orgId,
      String title,
      String description,
      TaskStatus status,
      UserId createdBy,
      UserId assignedTo,
      LocalDate dueDate,
      Instant createdAt,
      Instant updatedAt,
      long version) {

    private ReplayedTask changed(
        String title,
        String description,
        TaskStatus status,
        UserId assignedTo,
        LocalDate dueDate,
        Instant at) {
      return new ReplayedTask(
          id,
          orgId,
          title,
          description,
          status,
          createdBy,
          assignedTo,
          dueDate,
          createdAt,
          at,
          version + 1);
    }
  }

  /**
   * The task as of {@code asOf}: its events that happened at or before it, folded; empty if the
   * task did not exist yet or had been deleted by then.
   */
  static Optional<ReplayedTask> asOf(List<?> events, Instant asOf) {
    Optional<ReplayedTask> task = Optional.empty();
    boolean deleted = false;
    for (Object event : events) {
      if (TaskEventFields.occurredAt(event).isAfter(asOf)) {
        break;
      }
      if (deleted) {
        throw new IllegalStateException("a task event after its deletion: " + event);
      }
      if (event instanceof TaskDeletedEvent) {
        deleted = true;
        task = Optional.empty();
      } else {
        task = Optional.of(apply(task, event));
      }
    }
    return task;
  }

  /** The task after one more event (not a deletion); {@code task} is empty before the first. */
  public static ReplayedTask apply(Optional<ReplayedTask> task, Object event) {
    if (event instanceof TaskCreatedEvent e) {
      if (task.isPresent()) {
        throw new IllegalStateException("a task created twice: " + e.taskId());
      }
      return new ReplayedTask(
          e.taskId(),
          e.orgId(),
          e.title(),
          e.description(),
          TaskStatus.TODO,
          e.actor(),
          e.assignedTo(),
          e.dueDate(),
          e.occurredAt(),
          e.occurredAt(),
          1);
    }
    ReplayedTask t =
        task.orElseThrow(() -> new IllegalStateException("a task event before its creation"));
    if (event instanceof TaskRetitledEvent e) {
      return t.changed(e.title(), t.description(), t.status(), t.assignedTo(), t.dueDate(), at(e));
    } else if (event instanceof TaskDescriptionChangedEvent e) {
      return t.changed(t.title(), e.description(), t.status(), t.assignedTo(), t.dueDate(), at(e));
    } else if (event instanceof TaskStatusChangedEvent e) {
      return t.changed(t.title(), t.description(), e.status(), t.assignedTo(), t.dueDate(), at(e));
    } else if (event instanceof TaskAssignedEvent e) {
      return t.changed(t.title(), t.description(), t.status(), e.assignee(), t.dueDate(), at(e));
    } else if (event instanceof TaskUnassignedEvent e) {
      return t.changed(t.title(), t.description(), t.status(), null, t.dueDate(), at(e));
    } else if (event instanceof TaskDueDateChangedEvent e) {
      return t.changed(t.title(), t.description(), t.status(), t.assignedTo(), e.dueDate(), at(e));
    }
    throw TaskEventFields.notATaskEvent(event);
  }

  private static Instant at(Object event) {
    return TaskEventFields.occurredAt(event);
  }
}
