package io.quire.kernel.webhooks;

import java.time.Instant;

/**
 * A receipt as its list shows it; {@code deliveries} counts the first delivery and every repeat.
 */
public record ReceiptView(
    ReceiptId receiptId,
    String eventId,
    String type,
    Instant receivedAt,
    WebhookOutcome outcome,
    long deliveries) {}
