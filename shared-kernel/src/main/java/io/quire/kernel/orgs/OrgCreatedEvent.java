package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An org was created. A {@link MemberAddedEvent} for its first admin follows it. */
@Revision("1")
public record OrgCreatedEvent(
    OrgId orgId, String slug, String name, UserId createdBy, Instant createdAt)
    implements OrgScoped {}
