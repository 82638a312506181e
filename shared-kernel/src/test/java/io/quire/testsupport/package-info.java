/**
 * Test support shared by every module through this module's test-jar: the outbound network guard,
 * seeded property-based testing, and the committed rows of events stored at older revisions.
 */
package io.quire.testsupport;
