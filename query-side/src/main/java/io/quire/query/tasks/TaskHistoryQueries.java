package io.quire.query.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.FindTaskAsOfQuery;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskHistoryEntry;
import io.quire.kernel.tasks.TaskHistoryPage;
import io.quire.kernel.tasks.TaskHistoryQuery;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskView;
import io.quire.query.events.EventData;
import io.quire.query.events.EventTypes;
import io.quire.query.sql.PageWindow;
import io.quire.query.sql.SqlValues;
import io.quire.query.tasks.TaskReplay.ReplayedTask;
import io.quire.query.users.Usernames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers a task's history and its past states straight from the event store (not a projection: the
 * events are the history). Only the names shown come from the read models: usernames from {@code
 * user_directory}, in one statement per answer, and the org's slug from {@code org_view}.
 *
 * <p>Events are read from sequence number 0 ({@code readEvents(id, 0)}), never from a snapshot:
 * {@code readEvents(id)} would start with the aggregate's latest snapshot once snapshotting is
 * configured, and history must show every event.
 */
@Component
public class TaskHistoryQueries {

  private final EventStore eventStore;
  private final NamedParameterJdbcTemplate jdbc;
  private final Usernames usernames;

  public TaskHistoryQueries(
      EventStore eventStore, NamedParameterJdbcTemplate jdbc, Usernames usernames) {
    this.eventStore = eventStore;
    this.jdbc = jdbc;
    this.usernames = usernames;
  }

  /**
   * A page of the task's events, oldest first, and how many there are; empty for a task that has no
   * events or belongs to another org. A deleted task keeps its history.
   */
  @QueryHandler
  public Optional<TaskHistoryPage> handle(TaskHistoryQuery query) {
    PageWindow window = PageWindow.of(query.page(), query.pageSize());
    List<? extends DomainEventMessage<?>> events = events(query.taskId());
    if (!isTaskOf(query.orgId(), events)) {
      return Optional.empty();
    }
    List<? extends DomainEventMessage<?>> page = window.slice(events);
    Map<UUID, String> names =
        usernames.of(page.stream().map(e -> TaskEventFields.actor(e.getPayload())));
    return Optional.of(
        new TaskHistoryPage(events.size(), page.stream().map(e -> entry(e, names)).toList()));
  }

  /**
   * The task as it stood at {@code asOf}, rebuilt from the events that happened by then (see {@link
   * TaskReplay}); empty if it did not exist yet, had been deleted, or belongs to another org.
   */
  @QueryHandler
  public Optional<TaskView> handle(FindTaskAsOfQuery query) {
    List<? extends DomainEventMessage<?>> events = events(query.taskId());
    if (!isTaskOf(query.orgId(), events)) {
      return Optional.empty();
    }
    return TaskReplay.asOf(
            events.stream().map(DomainEventMessage::getPayload).toList(), query.asOf())
        .flatMap(this::view);
  }

  private List<? extends DomainEventMessage<?>> events(TaskId taskId) {
    return eventStore.readEvents(taskId.toString(), 0).asStream().toList();
  }

  /** Whether these are the events of a task (created first) in that org. */
  private static boolean isTaskOf(OrgId orgId, List<? extends DomainEventMessage<?>> events) {
    return !events.isEmpty()
        && events.get(0).getPayload() instanceof TaskCreatedEvent created
        && created.orgId().equals(orgId);
  }

  private static TaskHistoryEntry entry(DomainEventMessage<?> event, Map<UUID, String> usernames) {
    Object payload = event.getPayload();
    UserId actor = TaskEventFields.actor(payload);
    return new TaskHistoryEntry(
        event.getSequenceNumber() + 1,
        EventTypes.typeName(payload.getClass()),
        TaskEventFields.occurredAt(payload),
        actor == null ? null : new UserSummary(actor, usernames.get(actor.value())),
        EventData.of(payload));
  }

  /** The replayed task with its org's slug and its users' names, looked up in one statement. */
  private Optional<TaskView> view(ReplayedTask task) {
    MapSqlParameterSource params = new MapSqlParameterSource("orgId", task.orgId().value());
    SqlValues.addUuid(params, "createdBy", uuid(task.createdBy()));
    SqlValues.addUuid(params, "assignedTo", uuid(task.assignedTo()));
    return SqlValues.atMostOne(
        jdbc.query(
            """
            SELECT o.slug, creator.username AS created_by_username,
                   assignee.username AS assigned_to_username
            FROM org_view o
            LEFT JOIN user_directory creator ON creator.id = :createdBy
            LEFT JOIN user_directory assignee ON assignee.id = :assignedTo
            WHERE o.org_id = :orgId
            """,
            params,
            (row, n) ->
                new TaskView(
                    task.id(),
                    row.getString("slug"),
                    task.title(),
                    task.description(),
                    task.status(),
                    summary(task.createdBy(), row.getString("created_by_username")),
                    summary(task.assignedTo(), row.getString("assigned_to_username")),
                    task.dueDate(),
                    task.createdAt(),
                    task.updatedAt(),
                    task.version())));
  }

  private static UserSummary summary(UserId user, String username) {
    return user == null ? null : new UserSummary(user, username);
  }

  private static UUID uuid(UserId user) {
    return user == null ? null : user.value();
  }
}
