package io.quire.command.orgs;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.command.testing.Fixtures;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.Role;
import io.quire.testsupport.Seeded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AdminSuccessionPolicyProperties {

  private static final Gen<UserId> PEOPLE = arbitrary().pick(Fixtures.PEOPLE);
  private static final Gen<Role> ROLES = arbitrary().enumValues(Role.class);

  /** A role after the change, {@code null} meaning the member leaves. */
  private static final Gen<Role> ROLES_OR_LEAVING = orNull(Arrays.asList(Role.values()));

  /** Memberships of a few people: any mix of roles, possibly no admin, possibly nobody. */
  private static final Gen<Map<UserId, Role>> MEMBERS =
      lists()
          .of(PEOPLE.zip(ROLES, Map::entry))
          .ofSizeBetween(0, 6)
          .map(
              entries -> {
                Map<UserId, Role> members = new HashMap<>();
                entries.forEach(e -> members.put(e.getKey(), e.getValue()));
                return members;
              });

  @Test
  void aChangeKeepsAnAdminIfAndOnlyIfTheOrgHasAnAdminAfterIt() {
    Seeded.qt()
        .forAll(MEMBERS, PEOPLE, ROLES_OR_LEAVING)
        .check(
            (members, userId, roleAfter) -> {
              Map<UserId, Role> after = new HashMap<>(members);
              if (roleAfter == null) {
                after.remove(userId);
              } else {
                after.put(userId, roleAfter);
              }
              return AdminSuccessionPolicy.keepsAnAdmin(members, userId, roleAfter)
                  == after.containsValue(Role.ADMIN);
            });
  }

  @Test
  void makingSomeoneAnAdminAlwaysKeepsAnAdmin() {
    Seeded.qt()
        .forAll(MEMBERS, PEOPLE)
        .check(
            (members, userId) -> AdminSuccessionPolicy.keepsAnAdmin(members, userId, Role.ADMIN));
  }

  @Test
  void changesToAnotherMemberNeverEndangerAnOrgWithTwoAdmins() {
    Seeded.qt()
        .forAll(MEMBERS, PEOPLE, ROLES_OR_LEAVING)
        .assuming(
            (members, userId, roleAfter) ->
                members.entrySet().stream()
                        .filter(e -> e.getValue() == Role.ADMIN && !e.getKey().equals(userId))
                        .count()
                    >= 1)
        .check(
            (members, userId, roleAfter) ->
                AdminSuccessionPolicy.keepsAnAdmin(members, userId, roleAfter));
  }

  private static <T> Gen<T> orNull(List<T> values) {
    List<T> withNull = new ArrayList<>(values);
    withNull.add(null);
    return arbitrary().pick(withNull);
  }
}
