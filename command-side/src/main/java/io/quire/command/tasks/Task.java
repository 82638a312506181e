package io.quire.command.tasks;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.orgs.MembershipLookup;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.common.Change;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
import io.quire.kernel.tasks.ChangeIntegrationTaskStatusCommand;
import io.quire.kernel.tasks.CreateIntegrationTaskCommand;
import io.quire.kernel.tasks.CreateTaskCommand;
import io.quire.kernel.tasks.DeleteTaskCommand;
import io.quire.kernel.tasks.EditTaskCommand;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task of an org. Members create tasks; who may edit and delete one is {@link TaskEditPolicy},
 * checked here against the org's memberships ({@link MembershipLookup}). An edit records one event
 * per field it actually changes; a deleted task takes no more commands.
 */
@Aggregate
public class Task {

  @AggregateIdentifier private TaskId id;
  private OrgId orgId;
  private UserId creator;
  private String title;
  private String description;
  private TaskStatus status;
  private UserId assignee;
  private LocalDate dueDate;

  protected Task() {
    // For Axon's event sourcing.
  }

  @CommandHandler
  public Task(CreateTaskCommand command, MembershipLookup memberships, Clock clock) {
    if (!memberships.isMember(command.orgId(), command.actor())) {
      throw new PermissionDeniedException("Only members of an org may create its tasks.");
    }
    requireTitle(command.title());
    if (command.assignedTo() != null
        && !memberships.isMember(command.orgId(), command.assignedTo())) {
      throw new AssigneeNotAMemberException(command.assignedTo());
    }
    apply(
        new TaskCreatedEvent(
            command.taskId(),
            command.orgId(),
            command.title(),
            command.description(),
            command.assignedTo(),
            command.dueDate(),
            command.actor(),
            clock.instant()));
  }

  /** A task an integration creates for its sender's external id: no creating user. */
  @CommandHandler
  public Task(CreateIntegrationTaskCommand command, Clock clock) {
    requireTitle(command.title());
    apply(
        new TaskCreatedEvent(
            command.taskId(),
            command.orgId(),
            command.title(),
            command.description() == null ? "" : command.description(),
            null,
            null,
            null,
            clock.instant()));
  }

  /** An integration sets the status; true when it changed. Only for a task of its own org. */
  @CommandHandler
  public boolean handle(ChangeIntegrationTaskStatusCommand command, Clock clock) {
    if (!orgId.equals(command.orgId())) {
      throw new PermissionDeniedException("An integration may only change its own org's tasks.");
    }
    if (command.status() == status) {
      return false;
    }
    apply(new TaskStatusChangedEvent(id, orgId, command.status(), null, clock.instant()));
    return true;
  }

  @CommandHandler
  public void handle(EditTaskCommand command, MembershipLookup memberships, Clock clock) {
    Role actorRole = memberships.roleOf(orgId, command.actor()).orElse(null);
    if (!TaskEditPolicy.mayEdit(actorRole, command.actor(), creator, assignee)) {
      throw new PermissionDeniedException(
          "Only an org's admins, the task's creator and its assignee may edit a task.");
    }
    if (command.title() != null) {
      requireTitle(command.title());
    }
    UserId newAssignee =
        changes(command.assignedTo(), assignee) ? command.assignedTo().value() : null;
    if (newAssignee != null && !memberships.isMember(orgId, newAssignee)) {
      throw new AssigneeNotAMemberException(newAssignee);
    }

    UserId actor = command.actor();
    Instant now = clock.instant();
    if (command.title() != null && !command.title().equals(title)) {
      apply(new TaskRetitledEvent(id, orgId, command.title(), actor, now));
    }
    if (command.description() != null && !command.description().equals(description)) {
      apply(new TaskDescriptionChangedEvent(id, orgId, command.description(), actor, now));
    }
    if (command.status() != null && command.status() != status) {
      apply(new TaskStatusChangedEvent(id, orgId, command.status(), actor, now));
    }
    if (changes(command.assignedTo(), assignee)) {
      apply(
          newAssignee == null
              ? new TaskUnassignedEvent(id, orgId, actor, now)
              : new TaskAssignedEvent(id, orgId, newAssignee, actor, now));
    }
    if (changes(command.dueDate(), dueDate)) {
      apply(new TaskDueDateChangedEvent(id, orgId, command.dueDate().value(), actor, now));
    }
  }

  @CommandHandler
  public void handle(DeleteTaskCommand command, MembershipLookup memberships, Clock clock) {
    Role actorRole = memberships.roleOf(orgId, command.actor()).orElse(null);
    if (!TaskEditPolicy.mayDelete(actorRole, command.actor(), creator)) {
      throw new PermissionDeniedException(
          "Only an org's admins and the task's creator may delete a task.");
    }
    apply(new TaskDeletedEvent(id, orgId, command.actor(), clock.instant()));
  }

  private static <T> boolean changes(Change<T> change, T current) {
    return change != null && !Objects.equals(change.value(), current);
  }

  private static void requireTitle(String title) {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("A task needs a title.");
    }
  }

  @EventSourcingHandler
  void on(TaskCreatedEvent event) {
    this.id = event.taskId();
    this.orgId = event.orgId();
    this.creator = event.actor();
    this.title = event.title();
    this.description = event.description();
    this.status = TaskStatus.TODO;
    this.assignee = event.assignedTo();
    this.dueDate = event.dueDate();
  }

  @EventSourcingHandler
  void on(TaskRetitledEvent event) {
    this.title = event.title();
  }

  @EventSourcingHandler
  void on(TaskDescriptionChangedEvent event) {
    this.description = event.description();
  }

  @EventSourcingHandler
  void on(TaskStatusChangedEvent event) {
    this.status = event.status();
  }

  @EventSourcingHandler
  void on(TaskAssignedEvent event) {
    this.assignee = event.assignee();
  }

  @EventSourcingHandler
  void on(TaskUnassignedEvent event) {
    this.assignee = null;
  }

  @EventSourcingHandler
  void on(TaskDueDateChangedEvent event) {
    this.dueDate = event.dueDate();
  }

  @EventSourcingHandler
  void on(TaskDeletedEvent event) {
    markDeleted();
  }
}
