package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;

/**
 * Asks for a page of an org's tasks; null filters match everything, {@code text} matches title or
 * description case-insensitively. Answers a {@link TaskPage}.
 */
public record ListTasksQuery(
    OrgId orgId,
    TaskStatus status,
    UserId assignedTo,
    String text,
    TaskOrdering ordering,
    int page,
    int pageSize) {}
