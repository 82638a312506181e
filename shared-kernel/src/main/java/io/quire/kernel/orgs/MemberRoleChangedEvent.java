package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member's role changed. */
@Revision("1")
public record MemberRoleChangedEvent(
    OrgId orgId, UserId userId, Role role, UserId changedBy, Instant changedAt)
    implements OrgScoped {}
