package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A task's status changed. {@code actor} is null for changes made by an integration. */
@Revision("1")
public record TaskStatusChangedEvent(
    TaskId taskId, OrgId orgId, TaskStatus status, UserId actor, Instant occurredAt)
    implements OrgScoped {}
