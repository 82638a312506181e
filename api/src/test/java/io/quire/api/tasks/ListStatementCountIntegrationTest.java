package io.quire.api.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Orgs.TestOrg;
import io.quire.api.testing.StatementCounter;
import io.quire.api.testing.StatementCounter.Counted;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.api.web.ReadModels;
import io.quire.kernel.orgs.ListMembersQuery;
import io.quire.kernel.orgs.ListMyOrgsQuery;
import io.quire.kernel.orgs.MemberPage;
import io.quire.kernel.orgs.OrgPage;
import io.quire.kernel.orgs.Role;
import io.quire.kernel.tasks.ListTasksQuery;
import io.quire.kernel.tasks.TaskHistoryPage;
import io.quire.kernel.tasks.TaskHistoryQuery;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskOrdering;
import io.quire.kernel.tasks.TaskPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No N+1: a page of any list costs the same number of SQL statements for 1 item as for 100. The
 * queries run on the test's own thread, where {@link StatementCounter} counts.
 */
@IntegrationTest
class ListStatementCountIntegrationTest {

  @Autowired ReadModels readModels;
  @Autowired Orgs orgs;
  @Autowired Users users;

  @Test
  void aTaskPageCostsTheSameStatementsForOneTaskAsForAHundred() {
    Team one = orgs.aTeam();
    Team many = orgs.aTeam();
    orgs.aTask(one.org(), one.bob(), one.carol(), "Only");
    for (int i = 0; i < 100; i++) {
      orgs.aTask(
          many.org(),
          i % 2 == 0 ? many.bob() : many.erin(),
          i % 3 == 0 ? null : many.carol(),
          "Task " + i);
    }

    Counted<TaskPage> small =
        StatementCounter.count(() -> readModels.get(tasks(one.org()), TaskPage.class));
    Counted<TaskPage> large =
        StatementCounter.count(() -> readModels.get(tasks(many.org()), TaskPage.class));

    assertThat(small.result().results()).hasSize(1);
    assertThat(large.result().results()).hasSize(100);
    assertThat(small.statements()).isPositive();
    assertThat(large.statements()).isEqualTo(small.statements());
  }

  @Test
  void aMemberPageCostsTheSameStatementsForOneMemberAsForAHundred() {
    TestUser loner = users.aRegisteredUser("loner");
    TestOrg small = orgs.anOrgAdministeredBy(loner);
    TestUser admin = users.aRegisteredUser("admin");
    TestOrg large = orgs.anOrgAdministeredBy(admin);
    for (int i = 0; i < 99; i++) {
      orgs.join(large, users.aRegisteredUser("m"), Role.MEMBER, admin);
    }

    Counted<MemberPage> one =
        StatementCounter.count(
            () -> readModels.get(new ListMembersQuery(small.id(), 1, 100), MemberPage.class));
    Counted<MemberPage> hundred =
        StatementCounter.count(
            () -> readModels.get(new ListMembersQuery(large.id(), 1, 100), MemberPage.class));

    assertThat(one.result().results()).hasSize(1);
    assertThat(hundred.result().results()).hasSize(100);
    assertThat(hundred.statements()).isEqualTo(one.statements());
  }

  @Test
  void anOrgPageAndAHistoryPageCostTheSameForOneItemAsForMany() {
    TestUser few = users.aRegisteredUser("few");
    orgs.anOrgAdministeredBy(few);
    TestUser lots = users.aRegisteredUser("lots");
    for (int i = 0; i < 30; i++) {
      orgs.anOrgAdministeredBy(lots);
    }
    Counted<OrgPage> oneOrg =
        StatementCounter.count(
            () -> readModels.get(new ListMyOrgsQuery(few.userId(), 1, 100), OrgPage.class));
    Counted<OrgPage> manyOrgs =
        StatementCounter.count(
            () -> readModels.get(new ListMyOrgsQuery(lots.userId(), 1, 100), OrgPage.class));
    assertThat(manyOrgs.result().results()).hasSize(30);
    assertThat(manyOrgs.statements()).isEqualTo(oneOrg.statements());

    Team team = orgs.aTeam();
    String quiet = orgs.aTask(team.org(), team.bob(), null, "Quiet");
    String busy = orgs.aTask(team.org(), team.bob(), team.carol(), "Busy");
    var ada = team.ada();
    for (int i = 0; i < 20; i++) {
      orgs.retitle(busy, i % 2 == 0 ? ada : team.bob(), "Busy " + i);
    }
    Counted<TaskHistoryPage> short_ = StatementCounter.count(() -> history(team.org(), quiet));
    Counted<TaskHistoryPage> long_ = StatementCounter.count(() -> history(team.org(), busy));
    assertThat(long_.result().results()).hasSize(21);
    assertThat(long_.statements()).isEqualTo(short_.statements());
  }

  private TaskHistoryPage history(TestOrg org, String task) {
    return readModels
        .find(new TaskHistoryQuery(org.id(), TaskId.of(task), 1, 100), TaskHistoryPage.class)
        .orElseThrow();
  }

  private static ListTasksQuery tasks(TestOrg org) {
    return new ListTasksQuery(org.id(), null, null, null, TaskOrdering.NEWEST_FIRST, 1, 100);
  }
}
