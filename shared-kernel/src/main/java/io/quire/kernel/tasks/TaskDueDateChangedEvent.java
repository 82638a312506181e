package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A task's due date was set or cleared ({@code dueDate} null). {@code actor} is null for changes
 * made by an integration.
 */
@Revision("1")
public record TaskDueDateChangedEvent(
    TaskId taskId, OrgId orgId, LocalDate dueDate, UserId actor, Instant occurredAt)
    implements OrgScoped {}
