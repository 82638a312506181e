package io.quire.command.orgs;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CAROL;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.DAVE;
import static io.quire.command.testing.Fixtures.NOW;
import static io.quire.kernel.orgs.Role.ADMIN;
import static io.quire.kernel.orgs.Role.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.command.common.PermissionDeniedException;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.AddMemberCommand;
import io.quire.kernel.orgs.ChangeMemberRoleCommand;
import io.quire.kernel.orgs.CreateOrgCommand;
import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.MemberRemovedEvent;
import io.quire.kernel.orgs.MemberRoleChangedEvent;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.RemoveMemberCommand;
import io.quire.kernel.orgs.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgAggregateTest {

  private AggregateTestFixture<Org> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Org.class);
    fixture.registerInjectableResource(CLOCK);
  }

  // Creation ----------------------------------------------------------------------------------

  @Test
  void creatingAnOrgMakesItsCreatorTheFirstAdmin() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateOrgCommand(ACME, "acme", "Acme Corp", ALICE))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new OrgCreatedEvent(ACME, "acme", "Acme Corp", ALICE, NOW),
            new MemberAddedEvent(ACME, ALICE, ADMIN, ALICE, NOW))
        .expectState(org -> assertThat(org.members()).isEqualTo(Map.of(ALICE, ADMIN)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "Acme", "acme--corp", "-acme", "acme-", "acme corp", "acme_corp"})
  void anOrgWithAnInvalidSlugIsNotCreated(String slug) {
    fixture
        .givenNoPriorActivity()
        .when(new CreateOrgCommand(ACME, slug, "Acme Corp", ALICE))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void anOrgWithABlankNameIsNotCreated() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateOrgCommand(ACME, "acme", "  ", ALICE))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void anOrgIsCreatedOnlyOnce() {
    org()
        .when(new CreateOrgCommand(ACME, "acme", "Acme Corp", ALICE))
        .expectException(Exception.class)
        .expectNoEvents();
  }

  // Adding members ----------------------------------------------------------------------------

  @Test
  void anAdminAddsAMemberWithARole() {
    org()
        .when(new AddMemberCommand(ACME, BOB, MEMBER, ALICE, null))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new MemberAddedEvent(ACME, BOB, MEMBER, ALICE, NOW))
        .expectState(org -> assertThat(org.members()).isEqualTo(Map.of(ALICE, ADMIN, BOB, MEMBER)));
  }

  @Test
  void anAdminMayAddAnotherAdmin() {
    org()
        .when(new AddMemberCommand(ACME, BOB, ADMIN, ALICE, null))
        .expectEvents(new MemberAddedEvent(ACME, BOB, ADMIN, ALICE, NOW));
  }

  @Test
  void aMemberCannotAddMembers() {
    org(member(BOB, MEMBER))
        .when(new AddMemberCommand(ACME, CAROL, MEMBER, BOB, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void aNonMemberCannotAddMembers() {
    org()
        .when(new AddMemberCommand(ACME, CAROL, MEMBER, DAVE, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void aMemberIsNotAddedTwice() {
    org(member(BOB, MEMBER))
        .when(new AddMemberCommand(ACME, BOB, ADMIN, ALICE, null))
        .expectException(AlreadyMemberException.class)
        .expectNoEvents();
  }

  // Changing roles ----------------------------------------------------------------------------

  @Test
  void anAdminPromotesAMember() {
    org(member(BOB, MEMBER))
        .when(new ChangeMemberRoleCommand(ACME, BOB, ADMIN, ALICE, null))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new MemberRoleChangedEvent(ACME, BOB, ADMIN, ALICE, NOW))
        .expectState(org -> assertThat(org.members()).isEqualTo(Map.of(ALICE, ADMIN, BOB, ADMIN)));
  }

  @Test
  void anAdminStepsDownWhenAnotherAdminRemains() {
    org(member(BOB, ADMIN))
        .when(new ChangeMemberRoleCommand(ACME, ALICE, MEMBER, ALICE, null))
        .expectEvents(new MemberRoleChangedEvent(ACME, ALICE, MEMBER, ALICE, NOW));
  }

  @Test
  void aMemberCannotChangeRoles() {
    org(member(BOB, MEMBER))
        .when(new ChangeMemberRoleCommand(ACME, BOB, ADMIN, BOB, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void theRoleOfANonMemberCannotBeChanged() {
    org()
        .when(new ChangeMemberRoleCommand(ACME, CAROL, ADMIN, ALICE, null))
        .expectException(NotAMemberException.class)
        .expectNoEvents();
  }

  @Test
  void givingAMemberTheRoleTheyHaveChangesNothing() {
    org(member(BOB, MEMBER))
        .when(new ChangeMemberRoleCommand(ACME, BOB, MEMBER, ALICE, null))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void theLastAdminCannotBeDemoted() {
    org(member(BOB, MEMBER))
        .when(new ChangeMemberRoleCommand(ACME, ALICE, MEMBER, ALICE, null))
        .expectException(LastAdminException.class)
        .expectNoEvents();
  }

  // Removing members --------------------------------------------------------------------------

  @Test
  void anAdminRemovesAMember() {
    org(member(BOB, MEMBER))
        .when(new RemoveMemberCommand(ACME, BOB, ALICE, null))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new MemberRemovedEvent(ACME, BOB, ALICE, NOW))
        .expectState(org -> assertThat(org.members()).isEqualTo(Map.of(ALICE, ADMIN)));
  }

  @Test
  void anAdminRemovesAnotherAdmin() {
    org(member(BOB, ADMIN))
        .when(new RemoveMemberCommand(ACME, ALICE, BOB, null))
        .expectEvents(new MemberRemovedEvent(ACME, ALICE, BOB, NOW));
  }

  @Test
  void aMemberLeavesAnOrg() {
    org(member(BOB, MEMBER))
        .when(new RemoveMemberCommand(ACME, BOB, BOB, null))
        .expectEvents(new MemberRemovedEvent(ACME, BOB, BOB, NOW));
  }

  @Test
  void aMemberCannotRemoveAnotherMember() {
    org(member(BOB, MEMBER), member(CAROL, MEMBER))
        .when(new RemoveMemberCommand(ACME, CAROL, BOB, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void aNonMemberCannotRemoveAMember() {
    org(member(BOB, MEMBER))
        .when(new RemoveMemberCommand(ACME, BOB, DAVE, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void aNonMemberCannotBeRemoved() {
    org()
        .when(new RemoveMemberCommand(ACME, CAROL, ALICE, null))
        .expectException(NotAMemberException.class)
        .expectNoEvents();
  }

  @Test
  void theLastAdminCannotLeave() {
    org(member(BOB, MEMBER))
        .when(new RemoveMemberCommand(ACME, ALICE, ALICE, null))
        .expectException(LastAdminException.class)
        .expectNoEvents();
  }

  @Test
  void aRemovedMemberCanBeAddedAgain() {
    org(member(BOB, MEMBER), new MemberRemovedEvent(ACME, BOB, BOB, NOW))
        .when(new AddMemberCommand(ACME, BOB, MEMBER, ALICE, null))
        .expectEvents(new MemberAddedEvent(ACME, BOB, MEMBER, ALICE, NOW));
  }

  // Fixtures ----------------------------------------------------------------------------------

  /** Acme, created by Alice (its first admin), then the given events. */
  private TestExecutor<Org> org(Object... then) {
    List<Object> events = new ArrayList<>();
    events.add(new OrgCreatedEvent(ACME, "acme", "Acme Corp", ALICE, NOW));
    events.add(new MemberAddedEvent(ACME, ALICE, ADMIN, ALICE, NOW));
    events.addAll(List.of(then));
    return fixture.given(events);
  }

  /** Alice adds a member. */
  private static MemberAddedEvent member(UserId userId, Role role) {
    return new MemberAddedEvent(ACME, userId, role, ALICE, NOW);
  }
}
