package io.quire.kernel.webhooks;

import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import io.quire.kernel.tasks.TaskId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The first delivery of a sender's event was received and acted on, in the same transaction as its
 * effect. {@code taskId} is the task it concerned, null for an ignored type; {@code occurredAt} is
 * the sender's time, {@code receivedAt} the server's.
 */
@Revision("1")
public record WebhookReceivedEvent(
    ReceiptId receiptId,
    IntegrationId integrationId,
    OrgId orgId,
    String eventId,
    String type,
    WebhookOutcome outcome,
    TaskId taskId,
    Instant occurredAt,
    Instant receivedAt)
    implements OrgScoped {}
