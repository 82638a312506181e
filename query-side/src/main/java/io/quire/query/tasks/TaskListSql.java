package io.quire.query.tasks;

import io.quire.kernel.tasks.ListTasksQuery;
import io.quire.kernel.tasks.TaskOrdering;
import io.quire.query.sql.LikePattern;
import io.quire.query.sql.PageWindow;
import io.quire.query.sql.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The two statements of one page of the task list: the page ({@link #pageSql}) and the total
 * ({@link #countSql}), with their parameters. Only the filters given appear in the SQL (no {@code
 * :x IS NULL OR ...}), so each statement can use the index that serves it. Pure: renders SQL, runs
 * nothing.
 *
 * <p>Orderings, each with ties broken by {@code task_id} in the same direction, so the order is
 * total and pages never overlap or skip a task:
 *
 * <ul>
 *   <li>{@code -created_at} (the default): newest first;
 *   <li>{@code created_at}: oldest first;
 *   <li>{@code due_date}: earliest due first, tasks without a due date last;
 *   <li>{@code -due_date}: latest due first, tasks without a due date still last ({@code NULLS
 *       LAST} in both directions: "no due date" is never the most urgent nor the least).
 * </ul>
 */
record TaskListSql(String pageSql, String countSql, MapSqlParameterSource params) {

  /** The tasks of a list with the org's slug and the users' names, as {@link TaskRows} maps. */
  static final String SELECT_TASKS =
      """
      SELECT t.task_id, o.slug, t.title, t.description, t.status,
             t.created_by, creator.username AS created_by_username,
             t.assigned_to, assignee.username AS assigned_to_username,
             t.due_date, t.created_at, t.updated_at, t.version
      FROM task_view t
      JOIN org_view o ON o.org_id = t.org_id
      LEFT JOIN user_directory creator ON creator.id = t.created_by
      LEFT JOIN user_directory assignee ON assignee.id = t.assigned_to
      """;

  static TaskListSql of(ListTasksQuery query, SqlDialect dialect) {
    PageWindow window = PageWindow.of(query.page(), query.pageSize());
    MapSqlParameterSource params = new MapSqlParameterSource("orgId", query.orgId().value());
    List<String> conditions = new ArrayList<>();
    conditions.add("t.org_id = :orgId");
    if (query.status() != null) {
      conditions.add("t.status = :status");
      params.addValue("status", query.status().wireName());
    }
    if (query.assignedTo() != null) {
      conditions.add("t.assigned_to = :assignedTo");
      params.addValue("assignedTo", query.assignedTo().value());
    }
    if (hasText(query)) {
      conditions.add(
          "("
              + dialect.likeIgnoringCase("t.title", "pattern")
              + " OR "
              + dialect.likeIgnoringCase("t.description", "pattern")
              + ")");
      params.addValue("pattern", LikePattern.containing(query.text()));
    }
    String where = "WHERE " + String.join("\n  AND ", conditions) + "\n";
    params.addValue("limit", window.limit()).addValue("offset", window.offset());
    return new TaskListSql(
        SELECT_TASKS
            + where
            + "ORDER BY "
            + orderBy(query.ordering())
            + "\nLIMIT :limit OFFSET :offset",
        countSql(query, dialect, where),
        params);
  }

  /**
   * How many tasks match: read from {@code task_counts} where the database keeps it and the filters
   * are at most a status (the org's whole list, in any ordering, and its status tabs); otherwise
   * counted.
   */
  private static String countSql(ListTasksQuery query, SqlDialect dialect, String where) {
    if (!dialect.keepsTaskListBookkeeping() || query.assignedTo() != null || hasText(query)) {
      return "SELECT COUNT(*)\nFROM task_view t\n" + where.strip();
    }
    return "SELECT COALESCE(SUM(c.tasks), 0)\nFROM task_counts c\nWHERE c.org_id = :orgId"
        + (query.status() == null ? "" : "\n  AND c.status = :status");
  }

  /** Whether the list filters by text (an empty text is no filter). */
  private static boolean hasText(ListTasksQuery query) {
    return query.text() != null && !query.text().isEmpty();
  }

  /** The ORDER BY of an ordering; null is the default, {@code -created_at}. */
  static String orderBy(TaskOrdering ordering) {
    if (ordering == null) {
      return orderBy(TaskOrdering.NEWEST_FIRST);
    }
    return switch (ordering) {
      case CREATED_AT -> "t.created_at ASC, t.task_id ASC";
      case NEWEST_FIRST -> "t.created_at DESC, t.task_id DESC";
      case DUE_DATE -> "t.due_date ASC NULLS LAST, t.task_id ASC";
      case LATEST_DUE_FIRST -> "t.due_date DESC NULLS LAST, t.task_id DESC";
    };
  }
}
