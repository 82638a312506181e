package io.quire.query.testing;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.MemberRemovedEvent;
import io.quire.kernel.orgs.MemberRoleChangedEvent;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
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
import io.quire.query.orgs.OrgProjection;
import io.quire.query.orgs.OrgQueries;
import io.quire.query.tasks.TaskHistoryQueries;
import io.quire.query.tasks.TaskProjection;
import io.quire.query.tasks.TaskQueries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Users, orgs and tasks made through their events, over a fresh database with both projections and
 * all query components wired as in the application. Ids are random, times come from {@link Moments}
 * (one minute apart from 2026-03-01T12:00:00Z), names are the test's.
 */
public final class ReadModelWorld implements AutoCloseable {

  public static final String ORG = "Org";
  public static final String TASK = "Task";

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final Moments moments = new Moments(Instant.parse("2026-03-01T12:00:00Z"));
  private final OrgProjection orgProjection = new OrgProjection(db.jdbc());
  private final TaskProjection taskProjection = new TaskProjection(db.jdbc());
  private final EventFeed events = new EventFeed(orgProjection, taskProjection);
  private final OrgQueries orgQueries = new OrgQueries(db.jdbc());
  private final TaskQueries taskQueries = new TaskQueries(db.jdbc());
  private final TaskHistoryQueries historyQueries =
      new TaskHistoryQueries(events.store(), db.jdbc());
  private final Map<TaskId, OrgId> orgOfTask = new HashMap<>();

  public ReadModelDatabase db() {
    return db;
  }

  public EventFeed events() {
    return events;
  }

  public Moments moments() {
    return moments;
  }

  public OrgQueries orgQueries() {
    return orgQueries;
  }

  public TaskQueries taskQueries() {
    return taskQueries;
  }

  public TaskHistoryQueries historyQueries() {
    return historyQueries;
  }

  // Users ------------------------------------------------------------------------------------

  /** A user in the user directory. */
  public UserId user(String username) {
    UserId id = new UserId(UUID.randomUUID());
    db.registerUser(id, username);
    return id;
  }

  // Orgs -------------------------------------------------------------------------------------

  /**
   * An org created by {@code creator}, who joins it as its admin (two events, as the aggregate).
   */
  public OrgId org(String slug, UserId creator) {
    OrgId org = OrgId.random();
    Instant at = moments.next();
    events.publish(ORG, org, new OrgCreatedEvent(org, slug, "The " + slug + " org", creator, at));
    events.publish(ORG, org, new MemberAddedEvent(org, creator, Role.ADMIN, creator, at));
    return org;
  }

  public void join(OrgId org, UserId user, Role role) {
    events.publish(ORG, org, new MemberAddedEvent(org, user, role, null, moments.next()));
  }

  public void changeRole(OrgId org, UserId user, Role role) {
    events.publish(ORG, org, new MemberRoleChangedEvent(org, user, role, null, moments.next()));
  }

  public void remove(OrgId org, UserId user) {
    events.publish(ORG, org, new MemberRemovedEvent(org, user, user, moments.next()));
  }

  // Tasks ------------------------------------------------------------------------------------

  /** A task to be created in {@code org}: set what the test cares about, then {@code create()}. */
  public TaskDraft task(OrgId org) {
    return new TaskDraft(org);
  }

  public void retitle(TaskId task, String title, UserId actor) {
    publish(task, new TaskRetitledEvent(task, orgOf(task), title, actor, moments.next()));
  }

  public void describe(TaskId task, String description, UserId actor) {
    publish(
        task,
        new TaskDescriptionChangedEvent(task, orgOf(task), description, actor, moments.next()));
  }

  public void setStatus(TaskId task, TaskStatus status, UserId actor) {
    publish(task, new TaskStatusChangedEvent(task, orgOf(task), status, actor, moments.next()));
  }

  public void assign(TaskId task, UserId assignee, UserId actor) {
    publish(task, new TaskAssignedEvent(task, orgOf(task), assignee, actor, moments.next()));
  }

  public void unassign(TaskId task, UserId actor) {
    publish(task, new TaskUnassignedEvent(task, orgOf(task), actor, moments.next()));
  }

  public void setDueDate(TaskId task, LocalDate dueDate, UserId actor) {
    publish(task, new TaskDueDateChangedEvent(task, orgOf(task), dueDate, actor, moments.next()));
  }

  public void delete(TaskId task, UserId actor) {
    publish(task, new TaskDeletedEvent(task, orgOf(task), actor, moments.next()));
  }

  public OrgId orgOf(TaskId task) {
    return orgOfTask.get(task);
  }

  private void publish(TaskId task, Object event) {
    events.publish(TASK, task, event);
  }

  @Override
  public void close() {
    events.close();
    db.close();
  }

  /** A task about to be created; defaults: a title, no description, no assignee, no due date. */
  public final class TaskDraft {

    private final OrgId org;
    private String title = "A task";
    private String description;
    private UserId createdBy;
    private UserId assignedTo;
    private LocalDate dueDate;
    private Instant createdAt;

    private TaskDraft(OrgId org) {
      this.org = org;
    }

    public TaskDraft title(String title) {
      this.title = title;
      return this;
    }

    public TaskDraft description(String description) {
      this.description = description;
      return this;
    }

    public TaskDraft createdBy(UserId createdBy) {
      this.createdBy = createdBy;
      return this;
    }

    public TaskDraft assignedTo(UserId assignedTo) {
      this.assignedTo = assignedTo;
      return this;
    }

    public TaskDraft due(LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    /** Creates it at this time instead of the next moment (for ties). */
    public TaskDraft createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public TaskId create() {
      TaskId task = TaskId.random();
      orgOfTask.put(task, org);
      Instant at = createdAt != null ? createdAt : moments.next();
      publish(
          task,
          new TaskCreatedEvent(task, org, title, description, assignedTo, dueDate, createdBy, at));
      return task;
    }
  }
}
