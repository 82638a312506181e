/**
 * The org read models: orgs ({@code org_view}) and memberships ({@code org_member_view}), built by
 * {@link io.quire.query.orgs.OrgProjection} (processing group {@code orgs}) and read by {@link
 * io.quire.query.orgs.OrgQueries}: access checks by slug, an org as one member sees it, a user's
 * orgs, and an org's members with their usernames.
 */
package io.quire.query.orgs;
