/**
 * Orgs and their memberships: the event-sourced {@link io.quire.command.orgs.Org} aggregate and its
 * named policies (slug shape, an org always keeps an admin), the slug claims in {@code org_slugs}
 * that keep slugs unique under concurrent creation ({@link io.quire.command.orgs.OrgService}), and
 * the command side's own membership lookup table ({@link io.quire.command.orgs.MembershipLookup}),
 * kept in the transaction that appends membership events so that other aggregates can check
 * membership without depending on rebuildable read models.
 */
package io.quire.command.orgs;
