package io.quire.query.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskView;
import io.quire.query.sql.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;

/** Maps rows of {@link TaskListSql#SELECT_TASKS} to {@link TaskView}s. */
final class TaskRows {

  static final RowMapper<TaskView> TASK_VIEW =
      (row, n) ->
          new TaskView(
              new TaskId(SqlValues.uuid(row, "task_id")),
              row.getString("slug"),
              row.getString("title"),
              row.getString("description"),
              status(row.getString("status")),
              user(row, "created_by"),
              user(row, "assigned_to"),
              SqlValues.date(row, "due_date"),
              SqlValues.instant(row, "created_at"),
              SqlValues.instant(row, "updated_at"),
              row.getLong("version"));

  private TaskRows() {}

  /** A status from its wire name ({@code in_progress}). */
  static TaskStatus status(String wireName) {
    return TaskStatus.valueOf(wireName.toUpperCase(Locale.ROOT));
  }

  /** The user in column {@code column} with the name in {@code column_username}, or null. */
  static UserSummary user(ResultSet row, String column) throws SQLException {
    UUID id = SqlValues.uuid(row, column);
    return id == null ? null : new UserSummary(new UserId(id), row.getString(column + "_username"));
  }
}
