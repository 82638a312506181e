package io.quire.command.orgs;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.Role;
import java.util.Map;

/**
 * An org always keeps at least one admin: no member's role change and no removal may leave it
 * without one.
 */
public final class AdminSuccessionPolicy {

  private AdminSuccessionPolicy() {}

  /**
   * Whether the org still has an admin once {@code userId}'s role becomes {@code roleAfter}.
   *
   * @param members the org's members and their roles before the change
   * @param userId the member whose membership changes
   * @param roleAfter the member's new role, or {@code null} when the member leaves the org
   */
  public static boolean keepsAnAdmin(Map<UserId, Role> members, UserId userId, Role roleAfter) {
    if (roleAfter == Role.ADMIN) {
      return true;
    }
    return members.entrySet().stream()
        .anyMatch(member -> member.getValue() == Role.ADMIN && !member.getKey().equals(userId));
  }

  /**
   * Refuses a change that would leave the org without an admin.
   *
   * @throws LastAdminException when {@link #keepsAnAdmin} is false
   */
  public static void require(Map<UserId, Role> members, UserId userId, Role roleAfter) {
    if (!keepsAnAdmin(members, userId, roleAfter)) {
      throw new LastAdminException();
    }
  }
}
