package io.quire.kernel.tasks;

import io.quire.kernel.orgs.OrgId;
import java.time.Instant;

/**
 * Asks for a task as it stood at an instant, rebuilt from its events; answers an {@code
 * Optional<TaskView>}, empty if it did not exist yet (or had been deleted).
 */
public record FindTaskAsOfQuery(OrgId orgId, TaskId taskId, Instant asOf) {}
