package io.quire.command.orgs;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code org_membership_lookup} table: {@link MembershipLookup}'s reads and the idempotent
 * writes of {@link MembershipLookupUpdater}. Plain SQL that PostgreSQL and H2 (in PostgreSQL mode)
 * both run; it joins whatever transaction is open, JPA's included.
 */
@Component
class MembershipLookupTable implements MembershipLookup {

  private final JdbcTemplate jdbc;

  MembershipLookupTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Role> roleOf(OrgId orgId, UserId userId) {
    if (orgId == null || userId == null) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select role from org_membership_lookup where org_id = ? and user_id = ?",
            (rs, row) -> Role.valueOf(rs.getString("role")),
            orgId.value(),
            userId.value())
        .stream()
        .findFirst();
  }

  /** Records the user's role in the org, whether or not a row for the pair exists. */
  void put(OrgId orgId, UserId userId, Role role) {
    int updated =
        jdbc.update(
            "update org_membership_lookup set role = ? where org_id = ? and user_id = ?",
            role.name(),
            orgId.value(),
            userId.value());
    if (updated == 0) {
      jdbc.update(
          "insert into org_membership_lookup (org_id, user_id, role) values (?, ?, ?)",
          orgId.value(),
          userId.value(),
          role.name());
    }
  }

  /** Forgets the user's membership of the org, if there is one. */
  void remove(OrgId orgId, UserId userId) {
    jdbc.update(
        "delete from org_membership_lookup where org_id = ? and user_id = ?",
        orgId.value(),
        userId.value());
  }

  /** Forgets every membership. */
  void clear() {
    jdbc.update("delete from org_membership_lookup");
  }
}
