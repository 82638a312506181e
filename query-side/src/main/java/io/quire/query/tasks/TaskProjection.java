package io.quire.query.tasks;

import io.quire.kernel.accounts.UserId;
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
import io.quire.query.sql.SqlValues;
import io.quire.query.sql.VersionedRows;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code task_view}, one row per task that exists, from the task aggregate's events: a
 * created task is {@code todo} at version 1; each change sets its column, {@code updated_at} (the
 * event's {@code occurredAt}) and {@code version} (its sequence number + 1); a deleted task's row
 * is removed.
 *
 * <p>Runs in a subscribing processor: each handler runs in the transaction that appends the event,
 * so reads after a command see its effect, and a handler that throws rolls the command back. Each
 * event is applied once, in order, guarded by {@code task_view.version} (see {@link
 * VersionedRows}): a replayed event changes nothing, a lost one is an error.
 */
@Component
@ProcessingGroup(TaskProjection.PROCESSING_GROUP)
public class TaskProjection {

  /** The processing group (and the read model's name in the projections admin API). */
  public static final String PROCESSING_GROUP = "tasks";

  private final NamedParameterJdbcTemplate jdbc;
  private final VersionedRows tasks;

  public TaskProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.tasks = new VersionedRows(jdbc, "task_view", "task_id");
  }

  /**
   * Inserts the task's row unless it has one (the event was applied before): one statement, where a
   * lookup and then an insert would be two round trips on every create.
   */
  @EventHandler
  void on(TaskCreatedEvent event, @SequenceNumber long sequence) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("taskId", event.taskId().value())
            .addValue("orgId", event.orgId().value())
            .addValue("title", event.title())
            .addValue("status", TaskStatus.TODO.wireName())
            .addValue("createdAt", SqlValues.timestamp(event.occurredAt()))
            .addValue("version", sequence + 1);
    SqlValues.addText(params, "description", event.description());
    SqlValues.addUuid(params, "createdBy", uuid(event.actor()));
    SqlValues.addUuid(params, "assignedTo", uuid(event.assignedTo()));
    SqlValues.addDate(params, "dueDate", event.dueDate());
    jdbc.update(
        """
        INSERT INTO task_view (task_id, org_id, title, description, status, created_by,
                               assigned_to, due_date, created_at, updated_at, version)
        SELECT CAST(:taskId AS uuid), CAST(:orgId AS uuid), CAST(:title AS varchar),
               CAST(:description AS varchar), CAST(:status AS varchar),
               CAST(:createdBy AS uuid), CAST(:assignedTo AS uuid), CAST(:dueDate AS date),
               CAST(:createdAt AS timestamp with time zone),
               CAST(:createdAt AS timestamp with time zone), CAST(:version AS bigint)
        WHERE NOT EXISTS (SELECT 1 FROM task_view WHERE task_id = CAST(:taskId AS uuid))
        """,
        params);
  }

  @EventHandler
  void on(TaskRetitledEvent event, @SequenceNumber long sequence) {
    change(
        event.taskId(),
        sequence,
        event.occurredAt(),
        "title = :title",
        values().addValue("title", event.title()));
  }

  @EventHandler
  void on(TaskDescriptionChangedEvent event, @SequenceNumber long sequence) {
    change(
        event.taskId(),
        sequence,
        event.occurredAt(),
        "description = :description",
        SqlValues.addText(values(), "description", event.description()));
  }

  @EventHandler
  void on(TaskStatusChangedEvent event, @SequenceNumber long sequence) {
    change(
        event.taskId(),
        sequence,
        event.occurredAt(),
        "status = :status",
        values().addValue("status", event.status().wireName()));
  }

  @EventHandler
  void on(TaskAssignedEvent event, @SequenceNumber long sequence) {
    change(
        event.taskId(),
        sequence,
        event.occurredAt(),
        "assigned_to = :assignedTo",
        SqlValues.addUuid(values(), "assignedTo", uuid(event.assignee())));
  }

  @EventHandler
  void on(TaskUnassignedEvent event, @SequenceNumber long sequence) {
    change(event.taskId(), sequence, event.occurredAt(), "assigned_to = NULL", values());
  }

  @EventHandler
  void on(TaskDueDateChangedEvent event, @SequenceNumber long sequence) {
    change(
        event.taskId(),
        sequence,
        event.occurredAt(),
        "due_date = :dueDate",
        SqlValues.addDate(values(), "dueDate", event.dueDate()));
  }

  @EventHandler
  void on(TaskDeletedEvent event, @SequenceNumber long sequence) {
    tasks.delete(event.taskId().value(), sequence);
  }

  /** Empties the read model before a replay. */
  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("DELETE FROM task_view");
  }

  private void change(
      TaskId taskId,
      long sequence,
      Instant occurredAt,
      String assignments,
      MapSqlParameterSource values) {
    tasks.update(
        taskId.value(),
        sequence,
        assignments + ", updated_at = :updatedAt",
        values.addValue("updatedAt", SqlValues.timestamp(occurredAt)));
  }

  private static UUID uuid(UserId user) {
    return user == null ? null : user.value();
  }

  private static MapSqlParameterSource values() {
    return new MapSqlParameterSource();
  }
}
