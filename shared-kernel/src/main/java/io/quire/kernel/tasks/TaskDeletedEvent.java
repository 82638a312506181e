package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A task was deleted; it no longer appears anywhere but in history. {@code actor} is null for
 * changes made by an integration.
 */
@Revision("1")
public record TaskDeletedEvent(TaskId taskId, OrgId orgId, UserId actor, Instant occurredAt)
    implements OrgScoped {}
