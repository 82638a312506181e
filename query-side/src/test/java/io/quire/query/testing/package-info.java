/**
 * Test fixtures of the read models: a migrated in-memory H2 database per test that counts
 * statements, an event feed that stores events in an in-memory Axon event store and hands them to
 * the projections as a subscribing processor does, deterministic times, and a world of users, orgs,
 * tasks, articles and comments built through those events.
 */
package io.quire.query.testing;
