package io.quire.query.integrations;

import io.quire.kernel.webhooks.WebhookReceivedEvent;
import io.quire.kernel.webhooks.WebhookRedeliveredEvent;
import io.quire.query.sql.SqlValues;
import io.quire.query.sql.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds {@code webhook_receipt_view}: a row per receipt from its first delivery, whose {@code
 * deliveries} grows by one with each redelivery. Guarded by the row's version ({@link
 * VersionedRows}), so each delivery is counted exactly once, also in a replay.
 */
@Component
@ProcessingGroup(WebhookReceiptProjection.PROCESSING_GROUP)
public class WebhookReceiptProjection {

  public static final String PROCESSING_GROUP = "webhook-receipts";

  private final NamedParameterJdbcTemplate jdbc;
  private final VersionedRows receipts;

  public WebhookReceiptProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.receipts = new VersionedRows(jdbc, "webhook_receipt_view", "receipt_id");
  }

  @EventHandler
  void on(WebhookReceivedEvent event, @SequenceNumber long sequence) {
    if (!receipts.isNew(event.receiptId().value())) {
      return;
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource("receiptId", event.receiptId().value())
            .addValue("integrationId", event.integrationId().value())
            .addValue("orgId", event.orgId().value())
            .addValue("eventId", event.eventId())
            .addValue("type", event.type())
            .addValue("outcome", event.outcome().wireName())
            .addValue("receivedAt", SqlValues.timestamp(event.receivedAt()))
            .addValue("version", sequence + 1);
    SqlValues.addUuid(params, "taskId", event.taskId() == null ? null : event.taskId().value());
    jdbc.update(
        """
        INSERT INTO webhook_receipt_view (receipt_id, integration_id, org_id, event_id, type,
                                          outcome, task_id, received_at, deliveries, version)
        VALUES (:receiptId, :integrationId, :orgId, :eventId, :type,
                :outcome, :taskId, :receivedAt, 1, :version)
        """,
        params);
  }

  @EventHandler
  void on(WebhookRedeliveredEvent event, @SequenceNumber long sequence) {
    receipts.update(
        event.receiptId().value(),
        sequence,
        "deliveries = deliveries + 1",
        new MapSqlParameterSource());
  }

  /** Empties the read model before a replay. */
  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("DELETE FROM webhook_receipt_view");
  }
}
