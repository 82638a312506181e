/**
 * Integrations: an org's registered webhook senders. The server generates each secret ({@link
 * WebhookSecrets}), shows it once, and keeps it only sealed with the server's key ({@link
 * SecretBox}, {@code QUIRE_SECRET_KEY}); {@link IntegrationLookup} is what the webhook endpoint
 * verifies deliveries against.
 */
package io.quire.command.integrations;
