package io.quire.kernel.webhooks;

import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgScoped;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A later delivery of an event already received; it had no effect. */
@Revision("1")
public record WebhookRedeliveredEvent(
    ReceiptId receiptId, IntegrationId integrationId, OrgId orgId, Instant receivedAt)
    implements OrgScoped {}
