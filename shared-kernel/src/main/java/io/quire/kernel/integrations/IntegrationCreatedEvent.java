package io.quire.kernel.integrations;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An integration was registered; {@code sealedSecret} is its secret, encrypted. */
@Revision("1")
public record IntegrationCreatedEvent(
    IntegrationId integrationId,
    OrgId orgId,
    String name,
    String sealedSecret,
    UserId createdBy,
    Instant createdAt)
    implements OrgScoped {}
