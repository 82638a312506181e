package io.quire.command.orgs;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CAROL;
import static io.quire.command.testing.Fixtures.GLOBEX;
import static io.quire.command.testing.Fixtures.NOW;
import static io.quire.kernel.orgs.Role.ADMIN;
import static io.quire.kernel.orgs.Role.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.command.testing.H2Database;
import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.MemberRemovedEvent;
import io.quire.kernel.orgs.MemberRoleChangedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The membership lookup's SQL, on H2 in PostgreSQL mode with the shipped migration. */
class MembershipLookupUpdaterTest {

  private final H2Database database = H2Database.withMigration("V2");
  private final MembershipLookupTable lookup = new MembershipLookupTable(database.jdbc());
  private final MembershipLookupUpdater updater = new MembershipLookupUpdater(lookup);

  @AfterEach
  void dropDatabase() {
    database.shutdown();
  }

  @Test
  void anAddedMemberIsFoundWithTheirRole() {
    updater.on(new MemberAddedEvent(ACME, ALICE, ADMIN, ALICE, NOW));
    updater.on(new MemberAddedEvent(ACME, BOB, MEMBER, ALICE, NOW));

    assertThat(lookup.roleOf(ACME, ALICE)).contains(ADMIN);
    assertThat(lookup.roleOf(ACME, BOB)).contains(MEMBER);
    assertThat(lookup.isMember(ACME, CAROL)).isFalse();
  }

  @Test
  void aRoleChangeReplacesTheRole() {
    updater.on(new MemberAddedEvent(ACME, BOB, MEMBER, ALICE, NOW));

    updater.on(new MemberRoleChangedEvent(ACME, BOB, ADMIN, ALICE, NOW));

    assertThat(lookup.roleOf(ACME, BOB)).contains(ADMIN);
  }

  @Test
  void aRemovedMemberIsNoLongerFound() {
    updater.on(new MemberAddedEvent(ACME, BOB, MEMBER, ALICE, NOW));

    updater.on(new MemberRemovedEvent(ACME, BOB, BOB, NOW));

    assertThat(lookup.roleOf(ACME, BOB)).isEmpty();
  }

  @Test
  void membershipsArePerOrg() {
    updater.on(new MemberAddedEvent(ACME, BOB, ADMIN, BOB, NOW));
    updater.on(new MemberAddedEvent(GLOBEX, BOB, MEMBER, ALICE, NOW));
    updater.on(new MemberRemovedEvent(GLOBEX, BOB, BOB, NOW));

    assertThat(lookup.roleOf(ACME, BOB)).contains(ADMIN);
    assertThat(lookup.roleOf(GLOBEX, BOB)).isEmpty();
  }

  @Test
  void handlingTheSameEventsTwiceLeavesTheSameRows() {
    Runnable history =
        () -> {
          updater.on(new MemberAddedEvent(ACME, ALICE, ADMIN, ALICE, NOW));
          updater.on(new MemberAddedEvent(ACME, BOB, MEMBER, ALICE, NOW));
          updater.on(new MemberAddedEvent(ACME, CAROL, MEMBER, ALICE, NOW));
          updater.on(new MemberRoleChangedEvent(ACME, BOB, ADMIN, ALICE, NOW));
          updater.on(new MemberRemovedEvent(ACME, CAROL, CAROL, NOW));
        };
    history.run();

    history.run();

    assertThat(lookup.roleOf(ACME, ALICE)).contains(ADMIN);
    assertThat(lookup.roleOf(ACME, BOB)).contains(ADMIN);
    assertThat(lookup.roleOf(ACME, CAROL)).isEmpty();
    assertThat(rows()).isEqualTo(2);
  }

  @Test
  void aRoleChangeWithoutAnEarlierRowStillRecordsTheRole() {
    updater.on(new MemberRoleChangedEvent(ACME, BOB, ADMIN, ALICE, NOW));

    assertThat(lookup.roleOf(ACME, BOB)).contains(ADMIN);
  }

  @Test
  void removingAnUnknownMembershipChangesNothing() {
    updater.on(new MemberAddedEvent(ACME, ALICE, ADMIN, ALICE, NOW));

    updater.on(new MemberRemovedEvent(ACME, BOB, BOB, NOW));

    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void aResetForgetsEveryMembership() {
    updater.on(new MemberAddedEvent(ACME, ALICE, ADMIN, ALICE, NOW));
    updater.on(new MemberAddedEvent(GLOBEX, BOB, ADMIN, BOB, NOW));

    updater.reset();

    assertThat(rows()).isZero();
  }

  @Test
  void nobodyIsAMemberOfAnyOrg() {
    updater.on(new MemberAddedEvent(ACME, ALICE, ADMIN, ALICE, NOW));

    assertThat(lookup.roleOf(ACME, null)).isEmpty();
    assertThat(lookup.roleOf(null, ALICE)).isEmpty();
  }

  private int rows() {
    return database
        .jdbc()
        .queryForObject("select count(*) from org_membership_lookup", Integer.class);
  }
}
