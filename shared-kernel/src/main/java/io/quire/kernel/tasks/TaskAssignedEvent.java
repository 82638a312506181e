package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A task was assigned to a member (or reassigned). {@code actor} is null for changes made by an
 * integration.
 */
@Revision("1")
public record TaskAssignedEvent(
    TaskId taskId, OrgId orgId, UserId assignee, UserId actor, Instant occurredAt)
    implements OrgScoped {}
