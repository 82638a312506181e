package io.quire.query.tasks;

import io.quire.kernel.tasks.FindMembersTaskQuery;
import io.quire.kernel.tasks.FindTaskQuery;
import io.quire.kernel.tasks.ListTasksQuery;
import io.quire.kernel.tasks.TaskPage;
import io.quire.kernel.tasks.TaskView;
import io.quire.query.sql.SqlDialect;
import io.quire.query.sql.SqlValues;
import io.quire.query.sql.VersionedPages;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the task list and task detail from {@code task_view}, with the org's slug and the users'
 * names joined in ({@code org_view}, {@code user_directory}): a page is one statement plus one
 * {@code COUNT}, whatever its size and filters (see {@link TaskListSql}).
 */
@Component
public class TaskQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final SqlDialect dialect;

  /** Kept pages: at most 100,000 tasks in all, a few tens of MiB of heap. */
  private final VersionedPages<ListTasksQuery, TaskPage> pages =
      new VersionedPages<>(100_000, page -> page.results().size());

  public TaskQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.dialect = SqlDialect.of(jdbc.getJdbcOperations());
  }

  /**
   * A page of the org's tasks, filtered and ordered as asked, and how many match. Where the
   * database keeps a version of each org's list (PostgreSQL), a page asked for again while that
   * version has not changed is served from memory ({@link VersionedPages}): one statement instead
   * of two, and no rows to read.
   */
  @QueryHandler
  public TaskPage handle(ListTasksQuery query) {
    if (!dialect.keepsTaskListBookkeeping()) {
      return compute(query);
    }
    // An org without a row has never had a task: version 0, which the first task makes 1.
    long version =
        SqlValues.atMostOne(
                jdbc.queryForList(
                    "SELECT version FROM task_list_versions WHERE org_id = :orgId",
                    new MapSqlParameterSource("orgId", query.orgId().value()),
                    Long.class))
            .orElse(0L);
    return pages.page(query, version, () -> compute(query));
  }

  private TaskPage compute(ListTasksQuery query) {
    TaskListSql sql = TaskListSql.of(query, dialect);
    Long count = jdbc.queryForObject(sql.countSql(), sql.params(), Long.class);
    return new TaskPage(
        count == null ? 0 : count, jdbc.query(sql.pageSql(), sql.params(), TaskRows.TASK_VIEW));
  }

  /** One task of the org; empty if it does not exist (any more) or belongs to another org. */
  @QueryHandler
  public Optional<TaskView> handle(FindTaskQuery query) {
    return SqlValues.atMostOne(
        jdbc.query(
            TaskListSql.SELECT_TASKS + "WHERE t.task_id = :taskId AND t.org_id = :orgId",
            new MapSqlParameterSource("taskId", query.taskId().value())
                .addValue("orgId", query.orgId().value()),
            TaskRows.TASK_VIEW));
  }

  /**
   * One task of the org, if the user is a member of it: the org access check and the read in one
   * statement (empty for a non-member, an unknown org or task alike, as each is the same 404).
   */
  @QueryHandler
  public Optional<TaskView> handle(FindMembersTaskQuery query) {
    return SqlValues.atMostOne(
        jdbc.query(
            TaskListSql.SELECT_TASKS
                + "JOIN org_member_view m ON m.org_id = o.org_id AND m.user_id = :userId\n"
                + "WHERE t.task_id = :taskId AND o.slug = :slug",
            new MapSqlParameterSource("taskId", query.taskId().value())
                .addValue("slug", query.slug())
                .addValue("userId", query.member().value()),
            TaskRows.TASK_VIEW));
  }
}
