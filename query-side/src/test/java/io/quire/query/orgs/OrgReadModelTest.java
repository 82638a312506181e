package io.quire.query.orgs;

import static io.quire.query.testing.ReadModelWorld.ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.orgs.FindMemberQuery;
import io.quire.kernel.orgs.FindOrgAccessQuery;
import io.quire.kernel.orgs.FindOrgQuery;
import io.quire.kernel.orgs.ListMembersQuery;
import io.quire.kernel.orgs.ListMyOrgsQuery;
import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.MemberPage;
import io.quire.kernel.orgs.MemberRoleChangedEvent;
import io.quire.kernel.orgs.MemberSummary;
import io.quire.kernel.orgs.OrgAccess;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgPage;
import io.quire.kernel.orgs.OrgSummary;
import io.quire.kernel.orgs.Role;
import io.quire.query.testing.ReadModelWorld;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrgReadModelTest {

  private final ReadModelWorld world = new ReadModelWorld();
  private final OrgQueries queries = world.orgQueries();
  private final UserId ada = world.user("ada");
  private final UserId bob = world.user("bob");

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void theCreatorOfAnOrgIsItsAdmin() {
    OrgId acme = world.org("acme", ada);

    assertThat(queries.handle(new FindOrgAccessQuery("acme", ada)))
        .contains(new OrgAccess(acme, "acme", Role.ADMIN));
  }

  @Test
  void anUnknownSlugAndAnOrgOfOthersLookTheSame() {
    world.org("acme", ada);

    assertThat(queries.handle(new FindOrgAccessQuery("acme", bob))).isEmpty();
    assertThat(queries.handle(new FindOrgAccessQuery("nope", bob))).isEmpty();
  }

  @Test
  void anOrgShowsTheViewersOwnRoleAndItsEventCountAsVersion() {
    Instant createdAt = world.moments().peek();
    OrgId acme = world.org("acme", ada);
    world.join(acme, bob, Role.MEMBER);

    assertThat(queries.handle(new FindOrgQuery(acme, bob)))
        .contains(new OrgSummary("acme", "The acme org", createdAt, 2, Role.MEMBER, 3));
    assertThat(queries.handle(new FindOrgQuery(acme, ada)))
        .hasValueSatisfying(org -> assertThat(org.role()).isEqualTo(Role.ADMIN));
  }

  @Test
  void aNonMemberFindsNoOrg() {
    OrgId acme = world.org("acme", ada);

    assertThat(queries.handle(new FindOrgQuery(acme, bob))).isEmpty();
  }

  @Test
  void memberCountFollowsJoinsAndLeaves() {
    OrgId acme = world.org("acme", ada);
    UserId cy = world.user("cy");
    world.join(acme, bob, Role.MEMBER);
    world.join(acme, cy, Role.ADMIN);
    world.remove(acme, bob);

    assertThat(queries.handle(new FindOrgQuery(acme, ada)))
        .hasValueSatisfying(
            org -> {
              assertThat(org.memberCount()).isEqualTo(2);
              assertThat(org.version()).isEqualTo(5);
            });
  }

  @Test
  void aRemovedMemberLosesAccess() {
    OrgId acme = world.org("acme", ada);
    world.join(acme, bob, Role.MEMBER);

    world.remove(acme, bob);

    assertThat(queries.handle(new FindOrgAccessQuery("acme", bob))).isEmpty();
    assertThat(queries.handle(new FindMemberQuery(acme, bob))).isEmpty();
    assertThat(queries.handle(new ListMyOrgsQuery(bob, 1, 20)).count()).isZero();
  }

  @Test
  void aRoleChangeShowsInAccessAndInTheMemberList() {
    OrgId acme = world.org("acme", ada);
    world.join(acme, bob, Role.MEMBER);

    world.changeRole(acme, bob, Role.ADMIN);

    assertThat(queries.handle(new FindOrgAccessQuery("acme", bob)))
        .hasValueSatisfying(access -> assertThat(access.isAdmin()).isTrue());
    assertThat(queries.handle(new FindMemberQuery(acme, bob)))
        .hasValueSatisfying(member -> assertThat(member.role()).isEqualTo(Role.ADMIN));
  }

  @Test
  void aMemberSeesOnlyTheirOrgsOrderedBySlug() {
    world.org("zeta", ada);
    world.org("beta", bob);
    OrgId alpha = world.org("alpha", ada);
    world.join(alpha, bob, Role.MEMBER);

    assertThat(queries.handle(new ListMyOrgsQuery(ada, 1, 20)))
        .satisfies(
            page -> {
              assertThat(page.count()).isEqualTo(2);
              assertThat(slugs(page)).containsExactly("alpha", "zeta");
              assertThat(page.results()).allMatch(org -> org.role() == Role.ADMIN);
            });
    assertThat(slugs(queries.handle(new ListMyOrgsQuery(bob, 1, 20))))
        .containsExactly("alpha", "beta");
  }

  @Test
  void myOrgsArePagedAndAPagePastTheEndIsEmptyWithTheCount() {
    Stream.of("d-org", "a-org", "c-org", "e-org", "b-org").forEach(slug -> world.org(slug, ada));

    assertThat(slugs(queries.handle(new ListMyOrgsQuery(ada, 1, 2))))
        .containsExactly("a-org", "b-org");
    assertThat(slugs(queries.handle(new ListMyOrgsQuery(ada, 3, 2)))).containsExactly("e-org");
    assertThat(queries.handle(new ListMyOrgsQuery(ada, 4, 2))).isEqualTo(new OrgPage(5, List.of()));
  }

  @Test
  void membersAreListedOldestFirstWithTheirUsernames() {
    OrgId acme = world.org("acme", ada);
    world.join(acme, bob, Role.MEMBER);
    Instant adaJoined = Instant.parse("2026-03-01T12:00:00Z");

    MemberPage members = queries.handle(new ListMembersQuery(acme, 1, 20));

    assertThat(members.count()).isEqualTo(2);
    assertThat(members.results())
        .containsExactly(
            new MemberSummary(new UserSummary(ada, "ada"), Role.ADMIN, adaJoined),
            new MemberSummary(new UserSummary(bob, "bob"), Role.MEMBER, adaJoined.plusSeconds(60)));
  }

  @Test
  void membersWhoJoinedAtTheSameTimeAreOrderedByIdSoPagesNeverOverlap() {
    OrgId acme = world.org("acme", ada);
    Instant sameTime = world.moments().next();
    List<UserId> joiners = IntStream.range(0, 7).mapToObj(i -> world.user("user" + i)).toList();
    joiners.forEach(
        user ->
            world
                .events()
                .publish(ORG, acme, new MemberAddedEvent(acme, user, Role.MEMBER, ada, sameTime)));

    List<UserId> listed =
        IntStream.rangeClosed(1, 3)
            .mapToObj(page -> queries.handle(new ListMembersQuery(acme, page, 3)).results())
            .flatMap(List::stream)
            .map(member -> member.user().id())
            .toList();

    assertThat(listed.get(0)).isEqualTo(ada);
    assertThat(listed.subList(1, listed.size()))
        .containsExactlyElementsOf(
            joiners.stream().sorted(Comparator.comparing(UserId::toString)).toList());
  }

  @Test
  void aMemberMissingFromTheUserDirectoryIsListedWithoutAUsername() {
    OrgId acme = world.org("acme", ada);
    UserId stranger = new UserId(UUID.randomUUID());
    world.join(acme, stranger, Role.MEMBER);

    assertThat(queries.handle(new FindMemberQuery(acme, stranger)))
        .hasValueSatisfying(
            member -> assertThat(member.user()).isEqualTo(new UserSummary(stranger, null)));
  }

  @Test
  void listsAreOneStatementForThePageAndOneForTheCountWhateverThePageSize() {
    OrgId acme = world.org("acme", ada);
    IntStream.range(0, 30).forEach(i -> world.join(acme, world.user("member" + i), Role.MEMBER));
    IntStream.range(0, 30).forEach(i -> world.org("org-" + i, ada));

    for (int pageSize : new int[] {1, 10, 100}) {
      assertThat(
              world
                  .db()
                  .statementsDuring(() -> queries.handle(new ListMembersQuery(acme, 1, pageSize))))
          .isEqualTo(2);
      assertThat(
              world
                  .db()
                  .statementsDuring(() -> queries.handle(new ListMyOrgsQuery(ada, 1, pageSize))))
          .isEqualTo(2);
    }
    assertThat(
            world.db().statementsDuring(() -> queries.handle(new FindOrgAccessQuery("acme", ada))))
        .isEqualTo(1);
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    OrgId acme = world.org("acme", ada);
    DomainEventMessage<?> bobJoined =
        world
            .events()
            .publish(
                ORG,
                acme,
                new MemberAddedEvent(acme, bob, Role.MEMBER, ada, world.moments().next()));

    world.events().redeliver(bobJoined);

    assertThat(queries.handle(new FindOrgQuery(acme, ada)))
        .hasValueSatisfying(org -> assertThat(org.memberCount()).isEqualTo(2));
    assertThat(world.db().rows("org_member_view")).isEqualTo(2);
  }

  @Test
  void replayingEveryEventAfterAResetRebuildsTheSameReadModel() {
    OrgId acme = world.org("acme", ada);
    world.join(acme, bob, Role.MEMBER);
    world.changeRole(acme, bob, Role.ADMIN);
    world.org("other", bob);
    OrgPage before = queries.handle(new ListMyOrgsQuery(bob, 1, 20));
    MemberPage membersBefore = queries.handle(new ListMembersQuery(acme, 1, 20));

    world.events().replayAll();

    assertThat(queries.handle(new ListMyOrgsQuery(bob, 1, 20))).isEqualTo(before);
    assertThat(queries.handle(new ListMembersQuery(acme, 1, 20))).isEqualTo(membersBefore);
  }

  @Test
  void aResetEmptiesTheOrgTables() {
    OrgId acme = world.org("acme", ada);
    world.join(acme, bob, Role.MEMBER);

    world.events().reset();

    assertThat(world.db().rows("org_view")).isZero();
    assertThat(world.db().rows("org_member_view")).isZero();
  }

  @Test
  void anEventAfterMissingOnesFails() {
    OrgId acme = world.org("acme", ada);

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .deliver(
                        ORG,
                        acme,
                        5,
                        new MemberRoleChangedEvent(
                            acme, ada, Role.MEMBER, ada, world.moments().next())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("events are missing");
  }

  @Test
  void anEventOfAnOrgTheReadModelDoesNotKnowFails() {
    OrgId unknown = OrgId.random();

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .deliver(
                        ORG,
                        unknown,
                        1,
                        new MemberAddedEvent(
                            unknown, bob, Role.MEMBER, ada, world.moments().next())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSecondOrgWithATakenSlugFails() {
    world.org("acme", ada);
    OrgId copy = OrgId.random();

    assertThatThrownBy(
            () ->
                world
                    .events()
                    .publish(
                        ORG,
                        copy,
                        new OrgCreatedEvent(copy, "acme", "Copy", bob, world.moments().next())))
        .isInstanceOf(RuntimeException.class);
  }

  private static List<String> slugs(OrgPage page) {
    return page.results().stream().map(OrgSummary::slug).toList();
  }
}
