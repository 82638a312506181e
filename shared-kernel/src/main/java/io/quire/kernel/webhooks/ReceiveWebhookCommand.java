package io.quire.kernel.webhooks;

import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A verified delivery of the sender's event {@code eventId} arrived at the integration. Answers a
 * {@link WebhookReceiptAnswer}: accepted for the first delivery of the event, duplicate for any
 * other.
 */
public record ReceiveWebhookCommand(
    @TargetAggregateIdentifier ReceiptId receiptId,
    IntegrationId integrationId,
    OrgId orgId,
    String eventId,
    String type,
    Instant occurredAt,
    WebhookAction action) {}
