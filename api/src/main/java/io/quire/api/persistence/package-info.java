/**
 * Persistence adjustments: database dialects that keep the schema the same on PostgreSQL and H2,
 * Axon's event storage engine without snapshot queries, and the logging of the event store's
 * handled unique-key violations.
 */
package io.quire.api.persistence;
