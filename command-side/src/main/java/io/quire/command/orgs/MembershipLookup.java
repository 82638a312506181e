package io.quire.command.orgs;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
import java.util.Optional;

/**
 * Who is a member of which org, with which role, as the command side knows it: aggregates other
 * than {@link Org} (tasks, for one) take it as a command handler parameter to check membership.
 *
 * <p>It is the table {@code org_membership_lookup}, written by {@link MembershipLookupUpdater} in
 * the transaction that appends the membership events, so it is never behind the org's events and
 * never depends on read models that operators may rebuild.
 */
public interface MembershipLookup {

  /** The user's role in the org, empty when the user (or a {@code null} user) is no member. */
  Optional<Role> roleOf(OrgId orgId, UserId userId);

  /** Whether the user is a member of the org, whatever the role. */
  default boolean isMember(OrgId orgId, UserId userId) {
    return roleOf(orgId, userId).isPresent();
  }
}
