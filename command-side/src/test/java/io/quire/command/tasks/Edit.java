package io.quire.command.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.common.Change;
import io.quire.kernel.tasks.EditTaskCommand;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskStatus;
import java.time.LocalDate;

/** Builds an {@link EditTaskCommand}: every field left out stays as it is. */
final class Edit {

  private final TaskId taskId;
  private final UserId actor;
  private Long expectedVersion;
  private String title;
  private String description;
  private TaskStatus status;
  private Change<UserId> assignedTo;
  private Change<LocalDate> dueDate;

  private Edit(TaskId taskId, UserId actor) {
    this.taskId = taskId;
    this.actor = actor;
  }

  static Edit of(TaskId taskId, UserId actor) {
    return new Edit(taskId, actor);
  }

  Edit expectingVersion(Long version) {
    this.expectedVersion = version;
    return this;
  }

  Edit title(String title) {
    this.title = title;
    return this;
  }

  Edit description(String description) {
    this.description = description;
    return this;
  }

  Edit status(TaskStatus status) {
    this.status = status;
    return this;
  }

  Edit assignTo(UserId assignee) {
    this.assignedTo = Change.to(assignee);
    return this;
  }

  Edit unassign() {
    return assignTo(null);
  }

  Edit due(LocalDate dueDate) {
    this.dueDate = Change.to(dueDate);
    return this;
  }

  Edit noDueDate() {
    return due(null);
  }

  EditTaskCommand command() {
    return new EditTaskCommand(
        taskId, actor, expectedVersion, title, description, status, assignedTo, dueDate);
  }
}
