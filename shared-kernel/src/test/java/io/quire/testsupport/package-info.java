/**
 * Test support shared by every module through this module's test-jar: the outbound network guard
 * and seeded property-based testing.
 */
package io.quire.testsupport;
