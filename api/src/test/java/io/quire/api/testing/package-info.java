/**
 * Integration test support, shared with the pacts module through this module's test-jar: a fresh
 * PostgreSQL database per test run, the {@link io.quire.api.testing.IntegrationTest} annotation
 * that shares one Spring context across test classes, and fixtures that read like prose.
 */
package io.quire.api.testing;
