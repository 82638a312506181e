package io.quire.kernel.orgs;

/** A member's access to one org. */
public record OrgAccess(OrgId orgId, String slug, Role role) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
