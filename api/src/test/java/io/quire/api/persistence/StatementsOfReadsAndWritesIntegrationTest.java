package io.quire.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.TestOrg;
import io.quire.api.testing.StatementCounter;
import io.quire.api.testing.StatementCounter.Counted;
import io.quire.api.testing.StatementCounter.Sent;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.api.web.ReadModels;
import io.quire.kernel.tasks.FindTaskQuery;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskView;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the database is asked on the hot paths (docs/performance.md): a query runs its statements
 * without a transaction around them, and a command loads its aggregate with one query for the
 * events, never asking for a snapshot.
 */
@IntegrationTest
class StatementsOfReadsAndWritesIntegrationTest {

  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired ReadModels readModels;

  @Test
  void aQueryRunsItsStatementsOutsideATransaction() {
    TestUser ada = users.aRegisteredUser("ada");
    TestOrg org = orgs.anOrgAdministeredBy(ada);
    String task = orgs.aTask(org, ada, null, "Write the plan");

    Counted<Optional<TaskView>> read =
        StatementCounter.count(
            () -> readModels.find(new FindTaskQuery(org.id(), TaskId.of(task)), TaskView.class));

    assertThat(read.result()).isPresent();
    assertThat(read.sent()).isNotEmpty().allMatch(Sent::autoCommit);
  }

  @Test
  void aCommandLoadsItsAggregateFromItsEventsWithoutAskingForASnapshot() {
    TestUser ada = users.aRegisteredUser("ada");
    TestOrg org = orgs.anOrgAdministeredBy(ada);
    String task = orgs.aTask(org, ada, null, "Write the plan");

    Counted<Void> edit =
        StatementCounter.count(
            () -> {
              orgs.retitle(task, ada, "Write the whole plan");
              return null;
            });

    assertThat(edit.sent())
        .extracting(s -> s.sql().toLowerCase(Locale.ROOT))
        .noneMatch(sql -> sql.contains("snapshot_event_entry"))
        .filteredOn(sql -> sql.startsWith("select") && sql.contains("from domain_event_entry"))
        .as("the one read of the task's events")
        .hasSize(1);
    assertThat(edit.sent()).noneMatch(Sent::autoCommit);
  }
}
