package io.quire.query.tasks;

import io.quire.kernel.accounts.UserPersonalDataErasedEvent;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDescriptionChangedEvent;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.query.events.PersonalDataTraces;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scrubs {@code task_view} after an erasure, in the erasure's transaction: each task whose title or
 * description the erased person wrote gets both again from its events, where that person's text now
 * reads {@code "[erased]"} and everyone else's as it was. The row's version does not move (no task
 * event happened); the task list's version does (the database's triggers on {@code task_view}), so
 * no kept page shows the text again. A rebuild needs none of this: it reads the events as they are.
 */
@Component
@ProcessingGroup(TaskProjection.PROCESSING_GROUP)
public class TaskScrubbing {

  private final NamedParameterJdbcTemplate jdbc;
  private final PersonalDataTraces traces;

  public TaskScrubbing(NamedParameterJdbcTemplate jdbc, PersonalDataTraces traces) {
    this.jdbc = jdbc;
    this.traces = traces;
  }

  @EventHandler
  void on(UserPersonalDataErasedEvent event) {
    traces
        .eventsTouchedBy(
            event.userId(),
            TaskCreatedEvent.class,
            TaskRetitledEvent.class,
            TaskDescriptionChangedEvent.class)
        .forEach(this::refold);
  }

  private void refold(String taskId, List<Object> events) {
    String title = null;
    String description = null;
    for (Object event : events) {
      if (event instanceof TaskCreatedEvent created) {
        title = created.title();
        description = created.description();
      } else if (event instanceof TaskRetitledEvent retitled) {
        title = retitled.title();
      } else if (event instanceof TaskDescriptionChangedEvent changed) {
        description = changed.description();
      }
    }
    jdbc.update(
        "UPDATE task_view SET title = :title, description = :description WHERE task_id = :taskId",
        new MapSqlParameterSource("taskId", UUID.fromString(taskId))
            .addValue("title", title)
            .addValue("description", description));
  }
}
