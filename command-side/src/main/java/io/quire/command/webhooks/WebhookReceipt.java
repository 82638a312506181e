package io.quire.command.webhooks;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.webhooks.ReceiptId;
import io.quire.kernel.webhooks.ReceiveWebhookCommand;
import io.quire.kernel.webhooks.WebhookOutcome;
import io.quire.kernel.webhooks.WebhookReceivedEvent;
import io.quire.kernel.webhooks.WebhookRedeliveredEvent;
import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The receipt of one sender's event at one integration, keyed by {@link ReceiptId#of}. Created by
 * the first delivery, with the outcome of the effect that {@link WebhookReceiver} caused in the
 * same transaction; each later delivery only adds a {@link WebhookRedeliveredEvent}. Commands reach
 * it through {@link WebhookReceiver}, which decides between the two.
 */
@Aggregate(repository = WebhookReceiptConfiguration.REPOSITORY)
public class WebhookReceipt {

  @AggregateIdentifier private ReceiptId id;
  private IntegrationId integrationId;
  private OrgId orgId;

  protected WebhookReceipt() {
    // For Axon's event sourcing.
  }

  /** The first delivery of the command's event, which had {@code outcome} (on {@code taskId}). */
  WebhookReceipt(ReceiveWebhookCommand first, WebhookOutcome outcome, TaskId taskId, Instant now) {
    if (!first.receiptId().equals(ReceiptId.of(first.integrationId(), first.eventId()))) {
      throw new IllegalArgumentException("A receipt's id is derived from its event id.");
    }
    apply(
        new WebhookReceivedEvent(
            first.receiptId(),
            first.integrationId(),
            first.orgId(),
            first.eventId(),
            first.type(),
            outcome,
            taskId,
            first.occurredAt(),
            now));
  }

  /** A later delivery of the same event: recorded, nothing else. */
  void redeliver(Instant now) {
    apply(new WebhookRedeliveredEvent(id, integrationId, orgId, now));
  }

  @EventSourcingHandler
  void on(WebhookReceivedEvent event) {
    this.id = event.receiptId();
    this.integrationId = event.integrationId();
    this.orgId = event.orgId();
  }
}
