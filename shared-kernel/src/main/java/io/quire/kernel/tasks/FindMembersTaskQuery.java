package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;

/**
 * Asks for one task of the org with this slug, for a member of that org; answers an {@code
 * Optional<TaskView>}, empty when there is no such org, the user is not its member, or the org has
 * no such task. The membership check and the read in one: the task detail's whole database work.
 */
public record FindMembersTaskQuery(String slug, UserId member, TaskId taskId) {}
