package io.quire.command.orgs;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.NOW;
import static io.quire.kernel.orgs.Role.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.testing.Fixtures;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.AddMemberCommand;
import io.quire.kernel.orgs.ChangeMemberRoleCommand;
import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.MemberRemovedEvent;
import io.quire.kernel.orgs.MemberRoleChangedEvent;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.RemoveMemberCommand;
import io.quire.kernel.orgs.Role;
import io.quire.testsupport.Seeded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of membership commands, by random actors among a few people, applied to an org
 * one at a time: after every command the org has an admin and exactly the members a plain map model
 * says it should, accepted commands record exactly the model's event, and refused ones record
 * nothing.
 */
class OrgMembershipProperties {

  private static final Gen<UserId> PEOPLE = arbitrary().pick(Fixtures.PEOPLE);
  private static final Gen<Role> ROLES = arbitrary().enumValues(Role.class);

  private static final Gen<Step> STEPS =
      integers()
          .between(0, 2)
          .zip(
              PEOPLE,
              PEOPLE,
              ROLES,
              (kind, actor, user, role) ->
                  switch (kind) {
                    case 0 -> new Add(actor, user, role);
                    case 1 -> new ChangeRole(actor, user, role);
                    default -> new Remove(actor, user);
                  });

  @Test
  void anOrgAlwaysKeepsAnAdminAndTheMembersTheRulesSay() {
    Seeded.qt()
        .withExamples(200)
        .forAll(lists().of(STEPS).ofSizeBetween(1, 30))
        .checkAssert(OrgMembershipProperties::runAgainstTheModel);
  }

  private static void runAgainstTheModel(List<Step> steps) {
    List<Object> history = new ArrayList<>();
    history.add(new OrgCreatedEvent(ACME, "acme", "Acme Corp", ALICE, NOW));
    history.add(new MemberAddedEvent(ACME, ALICE, ADMIN, ALICE, NOW));
    Map<UserId, Role> model = new HashMap<>(Map.of(ALICE, ADMIN));
    AggregateTestFixture<Org> fixture = freshFixture();

    for (Step step : steps) {
      Outcome expected = step.decide(model);
      ResultValidator<Org> result = fixture.given(history).when(step.command());
      if (expected.refusal() != null) {
        result.expectException(expected.refusal()).expectNoEvents();
        // A fixture whose last command failed cannot show its aggregate's state any more.
        fixture = freshFixture();
      } else {
        step.applyTo(model);
        result
            .expectSuccessfulHandlerExecution()
            .expectEvents(expected.events().toArray())
            .expectState(
                org -> {
                  assertThat(org.members()).as("members after %s", step).isEqualTo(model);
                  assertThat(org.members()).as("an admin after %s", step).containsValue(ADMIN);
                });
        history.addAll(expected.events());
      }
    }
  }

  private static AggregateTestFixture<Org> freshFixture() {
    AggregateTestFixture<Org> fixture = new AggregateTestFixture<>(Org.class);
    fixture.registerInjectableResource(CLOCK);
    return fixture;
  }

  // The commands, and the model: the membership rules over a plain map ---------------------------

  private interface Step {
    Object command();

    /** What the rules say the command does to an org with these members. */
    Outcome decide(Map<UserId, Role> members);

    /** The command's effect on the members, if accepted. */
    void applyTo(Map<UserId, Role> members);

    default boolean leavesAnAdmin(Map<UserId, Role> members) {
      Map<UserId, Role> after = new HashMap<>(members);
      applyTo(after);
      return after.containsValue(ADMIN);
    }
  }

  private record Add(UserId actor, UserId user, Role role) implements Step {
    @Override
    public Object command() {
      return new AddMemberCommand(ACME, user, role, actor, null);
    }

    @Override
    public Outcome decide(Map<UserId, Role> members) {
      if (members.get(actor) != ADMIN) {
        return Outcome.refused(PermissionDeniedException.class);
      }
      if (members.containsKey(user)) {
        return Outcome.refused(AlreadyMemberException.class);
      }
      return Outcome.records(new MemberAddedEvent(ACME, user, role, actor, NOW));
    }

    @Override
    public void applyTo(Map<UserId, Role> members) {
      members.put(user, role);
    }
  }

  private record ChangeRole(UserId actor, UserId user, Role role) implements Step {
    @Override
    public Object command() {
      return new ChangeMemberRoleCommand(ACME, user, role, actor, null);
    }

    @Override
    public Outcome decide(Map<UserId, Role> members) {
      if (members.get(actor) != ADMIN) {
        return Outcome.refused(PermissionDeniedException.class);
      }
      if (!members.containsKey(user)) {
        return Outcome.refused(NotAMemberException.class);
      }
      if (members.get(user) == role) {
        return Outcome.records();
      }
      if (!leavesAnAdmin(members)) {
        return Outcome.refused(LastAdminException.class);
      }
      return Outcome.records(new MemberRoleChangedEvent(ACME, user, role, actor, NOW));
    }

    @Override
    public void applyTo(Map<UserId, Role> members) {
      members.put(user, role);
    }
  }

  private record Remove(UserId actor, UserId user) implements Step {
    @Override
    public Object command() {
      return new RemoveMemberCommand(ACME, user, actor, null);
    }

    @Override
    public Outcome decide(Map<UserId, Role> members) {
      if (members.get(actor) != ADMIN && !actor.equals(user)) {
        return Outcome.refused(PermissionDeniedException.class);
      }
      if (!members.containsKey(user)) {
        return Outcome.refused(NotAMemberException.class);
      }
      if (!leavesAnAdmin(members)) {
        return Outcome.refused(LastAdminException.class);
      }
      return Outcome.records(new MemberRemovedEvent(ACME, user, actor, NOW));
    }

    @Override
    public void applyTo(Map<UserId, Role> members) {
      members.remove(user);
    }
  }

  /** A refusal, or the events an accepted command records (possibly none). */
  private record Outcome(Class<? extends Exception> refusal, List<Object> events) {
    static Outcome refused(Class<? extends Exception> refusal) {
      return new Outcome(refusal, List.of());
    }

    static Outcome records(Object... events) {
      return new Outcome(null, List.of(events));
    }
  }
}
