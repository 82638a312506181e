package io.quire.query.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.tasks.TaskAssignedEvent;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDeletedEvent;
import io.quire.kernel.tasks.TaskDescriptionChangedEvent;
import io.quire.kernel.tasks.TaskDueDateChangedEvent;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.kernel.tasks.TaskStatusChangedEvent;
import io.quire.kernel.tasks.TaskUnassignedEvent;
import java.time.Instant;

/**
 * The fields every task event has: when it happened ({@code occurredAt}) and who did it ({@code
 * actor}, null for an integration). Since revision 2 of {@link TaskCreatedEvent} (which called them
 * {@code createdAt} and {@code createdBy}) every task event has the same names, but records share
 * no accessors, hence this. History and {@link TaskReplay} both use these times, so a change shown
 * at {@code occurred_at} T is part of the task as of T.
 */
final class TaskEventFields {

  private TaskEventFields() {}

  /** When the event happened, by its own time field. */
  static Instant occurredAt(Object event) {
    if (event instanceof TaskCreatedEvent e) {
      return e.occurredAt();
    } else if (event instanceof TaskRetitledEvent e) {
      return e.occurredAt();
    } else if (event instanceof TaskDescriptionChangedEvent e) {
      return e.occurredAt();
    } else if (event instanceof TaskStatusChangedEvent e) {
      return e.occurredAt();
    } else if (event instanceof TaskAssignedEvent e) {
      return e.occurredAt();
    } else if (event instanceof TaskUnassignedEvent e) {
      return e.occurredAt();
    } else if (event instanceof TaskDueDateChangedEvent e) {
      return e.occurredAt();
    } else if (event instanceof TaskDeletedEvent e) {
      return e.occurredAt();
    }
    throw notATaskEvent(event);
  }

  /** Who caused the event; null for an integration. */
  static UserId actor(Object event) {
    if (event instanceof TaskCreatedEvent e) {
      return e.actor();
    } else if (event instanceof TaskRetitledEvent e) {
      return e.actor();
    } else if (event instanceof TaskDescriptionChangedEvent e) {
      return e.actor();
    } else if (event instanceof TaskStatusChangedEvent e) {
      return e.actor();
    } else if (event instanceof TaskAssignedEvent e) {
      return e.actor();
    } else if (event instanceof TaskUnassignedEvent e) {
      return e.actor();
    } else if (event instanceof TaskDueDateChangedEvent e) {
      return e.actor();
    } else if (event instanceof TaskDeletedEvent e) {
      return e.actor();
    }
    throw notATaskEvent(event);
  }

  static IllegalArgumentException notATaskEvent(Object event) {
    return new IllegalArgumentException(
        "not a task event: " + (event == null ? "null" : event.getClass().getName()));
  }
}
