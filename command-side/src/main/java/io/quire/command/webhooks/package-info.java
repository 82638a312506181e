/**
 * Incoming webhooks: verifying a delivery ({@link WebhookSignature}, {@link WebhookFreshness},
 * {@link WebhookVerifier}) and taking it exactly once ({@link WebhookReceiver}, {@link
 * WebhookReceipt}, {@link WebhookDeliveries}): the first delivery of a sender's event creates its
 * receipt and causes its effect in one transaction; every later one is recorded and has no effect.
 */
package io.quire.command.webhooks;
