package io.quire.kernel.webhooks;

/** How a delivery was taken: the receipt's id and whether an earlier delivery had it already. */
public record WebhookReceiptAnswer(ReceiptId receiptId, boolean duplicate) {}
