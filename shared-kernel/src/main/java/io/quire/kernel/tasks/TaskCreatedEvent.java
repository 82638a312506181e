package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import io.quire.kernel.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A task was created with status {@code todo}. {@code actor} is null when an integration created
 * it; {@code occurredAt} is when.
 *
 * <p>Revision 2 names who and when as every other task event does ({@code actor}, {@code
 * occurredAt}); revision 1 called them {@code createdBy} and {@code createdAt}. Events stored at
 * revision 1 are read as revision 2 ({@code io.quire.kernel.upcasting.TaskCreatedEventUpcaster}).
 */
@Revision("2")
public record TaskCreatedEvent(
    TaskId taskId,
    OrgId orgId,
    @PersonalData(subject = "actor") String title,
    @PersonalData(subject = "actor") String description,
    UserId assignedTo,
    LocalDate dueDate,
    UserId actor,
    Instant occurredAt)
    implements OrgScoped {}
