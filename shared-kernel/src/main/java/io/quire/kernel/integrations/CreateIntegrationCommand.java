package io.quire.kernel.integrations;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An org admin registers an integration. {@code sealedSecret} is the generated secret encrypted
 * with the server's key; the clear secret is never in a message.
 */
public record CreateIntegrationCommand(
    @TargetAggregateIdentifier IntegrationId integrationId,
    OrgId orgId,
    String name,
    String sealedSecret,
    UserId actor) {}
