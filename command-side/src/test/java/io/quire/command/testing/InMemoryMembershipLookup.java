package io.quire.command.testing;

import io.quire.command.orgs.MembershipLookup;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MembershipLookup} the test fills by hand. */
public final class InMemoryMembershipLookup implements MembershipLookup {

  private final Map<OrgId, Map<UserId, Role>> roles = new ConcurrentHashMap<>();

  /** Makes the user a member of the org with the role (replacing any role they had). */
  public InMemoryMembershipLookup with(OrgId orgId, UserId userId, Role role) {
    roles.computeIfAbsent(orgId, id -> new ConcurrentHashMap<>()).put(userId, role);
    return this;
  }

  public InMemoryMembershipLookup without(OrgId orgId, UserId userId) {
    Map<UserId, Role> members = roles.get(orgId);
    if (members != null) {
      members.remove(userId);
    }
    return this;
  }

  @Override
  public Optional<Role> roleOf(OrgId orgId, UserId userId) {
    if (orgId == null || userId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(roles.getOrDefault(orgId, Map.of()).get(userId));
  }
}
