package io.quire.kernel.tasks;

import io.quire.kernel.orgs.OrgId;

/** Asks for one task of an org; answers an {@code Optional<TaskView>}. */
public record FindTaskQuery(OrgId orgId, TaskId taskId) {}
