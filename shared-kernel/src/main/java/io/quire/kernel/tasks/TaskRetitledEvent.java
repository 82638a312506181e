package io.quire.kernel.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import io.quire.kernel.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A task's title changed. {@code actor} is null for changes made by an integration. */
@Revision("1")
public record TaskRetitledEvent(
    TaskId taskId,
    OrgId orgId,
    @PersonalData(subject = "actor") String title,
    UserId actor,
    Instant occurredAt)
    implements OrgScoped {}
