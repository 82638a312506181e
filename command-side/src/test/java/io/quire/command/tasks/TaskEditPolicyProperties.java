package io.quire.command.tasks;

import static org.quicktheories.generators.SourceDSL.arbitrary;

import io.quire.command.testing.Fixtures;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.Role;
import io.quire.testsupport.Seeded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TaskEditPolicyProperties {

  /** Actors, creators and assignees from a small pool, so that they often coincide. */
  private static final Gen<UserId> PEOPLE = arbitrary().pick(Fixtures.PEOPLE);

  /**
   * A creator or assignee may also be nobody (a task an integration created, an unassigned one).
   */
  private static final Gen<UserId> PEOPLE_OR_NOBODY = orNull(Fixtures.PEOPLE);

  /** An actor's role in the task's org, {@code null} for a non-member. */
  private static final Gen<Role> ROLES = orNull(Arrays.asList(Role.values()));

  @Test
  void anActorMayEditIfAndOnlyIfAdminOrCreatorOrAssignee() {
    Seeded.qt()
        .forAll(ROLES, PEOPLE, PEOPLE_OR_NOBODY, PEOPLE_OR_NOBODY)
        .check(
            (role, actor, creator, assignee) ->
                TaskEditPolicy.mayEdit(role, actor, creator, assignee)
                    == (role == Role.ADMIN
                        || (role == Role.MEMBER
                            && (actor.equals(creator) || actor.equals(assignee)))));
  }

  @Test
  void anAdminMayAlwaysEditAndDelete() {
    Seeded.qt()
        .forAll(PEOPLE_OR_NOBODY, PEOPLE_OR_NOBODY, PEOPLE_OR_NOBODY)
        .check(
            (actor, creator, assignee) ->
                TaskEditPolicy.mayEdit(Role.ADMIN, actor, creator, assignee)
                    && TaskEditPolicy.mayDelete(Role.ADMIN, actor, creator));
  }

  @Test
  void aNonMemberMayNeverEditNorDelete() {
    Seeded.qt()
        .forAll(PEOPLE_OR_NOBODY, PEOPLE_OR_NOBODY, PEOPLE_OR_NOBODY)
        .check(
            (actor, creator, assignee) ->
                !TaskEditPolicy.mayEdit(null, actor, creator, assignee)
                    && !TaskEditPolicy.mayDelete(null, actor, creator));
  }

  @Test
  void anActorMayDeleteIfAndOnlyIfAdminOrCreator() {
    Seeded.qt()
        .forAll(ROLES, PEOPLE, PEOPLE_OR_NOBODY)
        .check(
            (role, actor, creator) ->
                TaskEditPolicy.mayDelete(role, actor, creator)
                    == (role == Role.ADMIN || (role == Role.MEMBER && actor.equals(creator))));
  }

  @Test
  void whoeverMayDeleteMayEdit() {
    Seeded.qt()
        .forAll(ROLES, PEOPLE, PEOPLE_OR_NOBODY, PEOPLE_OR_NOBODY)
        .check(
            (role, actor, creator, assignee) ->
                !TaskEditPolicy.mayDelete(role, actor, creator)
                    || TaskEditPolicy.mayEdit(role, actor, creator, assignee));
  }

  @Test
  void nobodyIsNeverTheCreatorOrTheAssignee() {
    // A missing actor (an integration) must not match a missing creator or assignee.
    Seeded.qt()
        .forAll(PEOPLE_OR_NOBODY, PEOPLE_OR_NOBODY)
        .check(
            (creator, assignee) ->
                !TaskEditPolicy.mayEdit(Role.MEMBER, null, creator, assignee)
                    && !TaskEditPolicy.mayDelete(Role.MEMBER, null, creator));
  }

  private static <T> Gen<T> orNull(List<T> values) {
    List<T> withNull = new ArrayList<>(values);
    withNull.add(null);
    return arbitrary().pick(withNull);
  }
}
