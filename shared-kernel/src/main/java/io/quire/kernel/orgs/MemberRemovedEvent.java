package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member left the org or was removed from it. */
@Revision("1")
public record MemberRemovedEvent(OrgId orgId, UserId userId, UserId removedBy, Instant removedAt)
    implements OrgScoped {}
