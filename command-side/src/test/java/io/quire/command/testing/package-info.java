/**
 * Test support for the command side: a fixed clock and a cast of users, an in-memory {@link
 * io.quire.command.orgs.MembershipLookup} and an in-memory {@link
 * io.quire.command.articles.ArticleLookup} to register as injectable resources in aggregate
 * fixtures, and a private H2 database with the application's own migrations.
 */
package io.quire.command.testing;
