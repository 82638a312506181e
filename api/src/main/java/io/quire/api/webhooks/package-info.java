/**
 * The signed webhook endpoint: reads the raw body once (at most 256 KiB), has the command side
 * verify it, reads the event ({@link io.quire.api.webhooks.WebhookPayload}) and sends it as one
 * idempotent command.
 */
package io.quire.api.webhooks;
