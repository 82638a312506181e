/**
 * Messages of the webhook receipt aggregate: one receipt per (integration, sender's event id),
 * whose id is derived from that pair ({@link io.quire.kernel.webhooks.ReceiptId#of}), so every
 * delivery of one event, concurrent or after a restart, arrives at the same aggregate. The first
 * delivery creates it together with its effect; later ones are recorded as redeliveries.
 */
package io.quire.kernel.webhooks;
