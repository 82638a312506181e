package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user joined an org with a role. */
@Revision("1")
public record MemberAddedEvent(
    OrgId orgId, UserId userId, Role role, UserId addedBy, Instant joinedAt) implements OrgScoped {}
