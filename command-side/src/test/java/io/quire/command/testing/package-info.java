/**
 * Test support for the command side: a fixed clock and a cast of users, and an in-memory {@link
 * io.quire.command.orgs.MembershipLookup} to register as an injectable resource in aggregate
 * fixtures.
 */
package io.quire.command.testing;
