/**
 * Messages of the integration aggregate: an org's registered sender of signed webhooks. The secret
 * travels only sealed (encrypted with the server's key), so neither the event store nor a read
 * model holds it in the clear.
 */
package io.quire.kernel.integrations;
