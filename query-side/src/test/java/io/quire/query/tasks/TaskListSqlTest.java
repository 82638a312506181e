package io.quire.query.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.ListTasksQuery;
import io.quire.kernel.tasks.TaskOrdering;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.query.sql.SqlDialect;
import org.junit.jupiter.api.Test;

class TaskListSqlTest {

  private static final OrgId ORG = OrgId.of("1c8d2a7f-7e2b-4d54-8b66-1e6a4f2d3b02");
  private static final UserId BOB = UserId.of("3eaf4c91-904d-4f76-8d88-308c6b4f5d04");

  private static ListTasksQuery unfiltered() {
    return new ListTasksQuery(ORG, null, null, null, null, 1, 20);
  }

  private static ListTasksQuery everyFilter(TaskOrdering ordering) {
    return new ListTasksQuery(ORG, TaskStatus.IN_PROGRESS, BOB, "50%_off\\", ordering, 3, 20);
  }

  @Test
  void withoutFiltersOnlyTheOrgIsInTheWhereClauseAndNewestComeFirst() {
    TaskListSql sql = TaskListSql.of(unfiltered(), SqlDialect.POSTGRESQL);

    assertThat(sql.pageSql())
        .endsWith(
            "WHERE t.org_id = :orgId\n"
                + "ORDER BY t.created_at DESC, t.task_id DESC\n"
                + "LIMIT :limit OFFSET :offset");
    assertThat(sql.countSql())
        .as("PostgreSQL keeps the count")
        .isEqualTo("SELECT COALESCE(SUM(c.tasks), 0)\nFROM task_counts c\nWHERE c.org_id = :orgId");
    assertThat(sql.params().getValues())
        .containsEntry("orgId", ORG.value())
        .containsEntry("limit", 20)
        .containsEntry("offset", 0L)
        .doesNotContainKeys("status", "assignedTo", "pattern");
  }

  @Test
  void everyFilterIsAConditionWithItsParameterOnPostgresql() {
    TaskListSql sql = TaskListSql.of(everyFilter(TaskOrdering.DUE_DATE), SqlDialect.POSTGRESQL);

    String where =
        "WHERE t.org_id = :orgId\n"
            + "  AND t.status = :status\n"
            + "  AND t.assigned_to = :assignedTo\n"
            + "  AND (t.title ILIKE :pattern ESCAPE '\\' OR t.description ILIKE :pattern ESCAPE '\\')";
    assertThat(sql.pageSql())
        .contains(where + "\nORDER BY t.due_date ASC NULLS LAST, t.task_id ASC\n")
        .endsWith("LIMIT :limit OFFSET :offset");
    assertThat(sql.countSql()).isEqualTo("SELECT COUNT(*)\nFROM task_view t\n" + where);
    assertThat(sql.params().getValues())
        .containsEntry("status", "in_progress")
        .containsEntry("assignedTo", BOB.value())
        .containsEntry("pattern", "%50\\%\\_off\\\\%")
        .containsEntry("offset", 40L);
  }

  @Test
  void aStatusTabReadsItsKeptCountOnPostgresqlAndIsCountedOnH2() {
    ListTasksQuery query = new ListTasksQuery(ORG, TaskStatus.DONE, null, null, null, 2, 20);

    assertThat(TaskListSql.of(query, SqlDialect.POSTGRESQL).countSql())
        .isEqualTo(
            "SELECT COALESCE(SUM(c.tasks), 0)\nFROM task_counts c\nWHERE c.org_id = :orgId\n"
                + "  AND c.status = :status");
    assertThat(TaskListSql.of(query, SqlDialect.STANDARD).countSql())
        .isEqualTo(
            "SELECT COUNT(*)\nFROM task_view t\nWHERE t.org_id = :orgId\n  AND t.status = :status");
  }

  @Test
  void anAssigneeOrTextFilterIsAlwaysCounted() {
    ListTasksQuery mine = new ListTasksQuery(ORG, null, BOB, null, null, 1, 20);
    ListTasksQuery text = new ListTasksQuery(ORG, TaskStatus.TODO, null, "plan", null, 1, 20);

    assertThat(TaskListSql.of(mine, SqlDialect.POSTGRESQL).countSql())
        .isEqualTo(
            "SELECT COUNT(*)\nFROM task_view t\nWHERE t.org_id = :orgId\n"
                + "  AND t.assigned_to = :assignedTo");
    assertThat(TaskListSql.of(text, SqlDialect.POSTGRESQL).countSql())
        .startsWith("SELECT COUNT(*)\nFROM task_view t\n")
        .contains("ILIKE");
  }

  @Test
  void withoutFiltersH2CountsTheOrgsTasks() {
    assertThat(TaskListSql.of(unfiltered(), SqlDialect.STANDARD).countSql())
        .isEqualTo("SELECT COUNT(*)\nFROM task_view t\nWHERE t.org_id = :orgId");
  }

  @Test
  void theTextConditionLowerCasesBothSidesOnH2() {
    TaskListSql sql = TaskListSql.of(everyFilter(null), SqlDialect.STANDARD);

    assertThat(sql.pageSql())
        .contains(
            "(LOWER(t.title) LIKE LOWER(:pattern) ESCAPE '\\'"
                + " OR LOWER(t.description) LIKE LOWER(:pattern) ESCAPE '\\')");
  }

  @Test
  void anEmptyTextIsNoFilter() {
    ListTasksQuery query = new ListTasksQuery(ORG, null, null, "", null, 1, 20);

    assertThat(TaskListSql.of(query, SqlDialect.POSTGRESQL).pageSql()).doesNotContain("LIKE");
  }

  @Test
  void eachOrderingBreaksTiesByIdInItsOwnDirectionAndPutsMissingDueDatesLast() {
    assertThat(TaskListSql.orderBy(null)).isEqualTo("t.created_at DESC, t.task_id DESC");
    assertThat(TaskListSql.orderBy(TaskOrdering.NEWEST_FIRST))
        .isEqualTo("t.created_at DESC, t.task_id DESC");
    assertThat(TaskListSql.orderBy(TaskOrdering.CREATED_AT))
        .isEqualTo("t.created_at ASC, t.task_id ASC");
    assertThat(TaskListSql.orderBy(TaskOrdering.DUE_DATE))
        .isEqualTo("t.due_date ASC NULLS LAST, t.task_id ASC");
    assertThat(TaskListSql.orderBy(TaskOrdering.LATEST_DUE_FIRST))
        .isEqualTo("t.due_date DESC NULLS LAST, t.task_id DESC");
  }
}
