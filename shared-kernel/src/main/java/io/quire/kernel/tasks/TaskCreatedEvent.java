package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A task was created with status {@code todo}. {@code createdBy} is null when an integration
 * created it.
 */
@Revision("1")
public record TaskCreatedEvent(
    TaskId taskId,
    OrgId orgId,
    String title,
    String description,
    UserId assignedTo,
    LocalDate dueDate,
    UserId createdBy,
    Instant createdAt)
    implements OrgScoped {}
