package io.quire.kernel.tasks;

import io.quire.kernel.orgs.OrgId;

/**
 * Asks for a page of a task's events, oldest first; answers an {@code Optional<TaskHistoryPage>},
 * empty for a task that is unknown in that org.
 */
public record TaskHistoryQuery(OrgId orgId, TaskId taskId, int page, int pageSize) {}
