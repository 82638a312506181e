package io.quire.command.exports;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.EVE;
import static io.quire.command.testing.Fixtures.GLOBEX;
import static io.quire.command.testing.Fixtures.NOW;
import static io.quire.kernel.orgs.Role.ADMIN;
import static io.quire.kernel.orgs.Role.MEMBER;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.testing.InMemoryMembershipLookup;
import io.quire.kernel.exports.CompleteExportCommand;
import io.quire.kernel.exports.ExportCompletedEvent;
import io.quire.kernel.exports.ExportFailedEvent;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportRequestedEvent;
import io.quire.kernel.exports.ExportStartedEvent;
import io.quire.kernel.exports.FailExportCommand;
import io.quire.kernel.exports.RequestExportCommand;
import io.quire.kernel.exports.StartExportCommand;
import io.quire.kernel.tasks.TaskStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In Acme, Alice is an admin and Bob a member; Eve is an admin of Globex only. */
class ExportAggregateTest {

  private static final ExportId EXPORT = ExportId.of("0e000000-0000-4000-8000-000000000001");

  private static final ExportRequestedEvent REQUESTED =
      new ExportRequestedEvent(EXPORT, ACME, ExportFormat.CSV, null, ALICE, NOW);
  private static final ExportStartedEvent STARTED = new ExportStartedEvent(EXPORT, NOW);

  private final InMemoryMembershipLookup memberships =
      new InMemoryMembershipLookup()
          .with(ACME, ALICE, ADMIN)
          .with(ACME, BOB, MEMBER)
          .with(GLOBEX, EVE, ADMIN);
  private AggregateTestFixture<Export> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Export.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(memberships);
  }

  @Test
  void anAdminRequestsAnExportOfAllTasks() {
    fixture
        .givenNoPriorActivity()
        .when(new RequestExportCommand(EXPORT, ACME, ExportFormat.CSV, null, ALICE))
        .expectSuccessfulHandlerExecution()
        .expectEvents(REQUESTED);
  }

  @Test
  void anAdminRequestsAnExportOfTheTasksOfOneStatus() {
    fixture
        .givenNoPriorActivity()
        .when(new RequestExportCommand(EXPORT, ACME, ExportFormat.JSON, TaskStatus.DONE, ALICE))
        .expectEvents(
            new ExportRequestedEvent(EXPORT, ACME, ExportFormat.JSON, TaskStatus.DONE, ALICE, NOW));
  }

  @Test
  void memberCannotRequestAnExport() {
    fixture
        .givenNoPriorActivity()
        .when(new RequestExportCommand(EXPORT, ACME, ExportFormat.CSV, null, BOB))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void anAdminOfAnotherOrgCannotRequestAnExport() {
    fixture
        .givenNoPriorActivity()
        .when(new RequestExportCommand(EXPORT, ACME, ExportFormat.CSV, null, EVE))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void anExportNeedsAFormat() {
    fixture
        .givenNoPriorActivity()
        .when(new RequestExportCommand(EXPORT, ACME, null, null, ALICE))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aPendingExportStarts() {
    fixture.given(REQUESTED).when(new StartExportCommand(EXPORT)).expectEvents(STARTED);
  }

  @Test
  void aRunningExportStartsAgainAfterARestart() {
    fixture.given(REQUESTED, STARTED).when(new StartExportCommand(EXPORT)).expectEvents(STARTED);
  }

  @Test
  void aDoneExportDoesNotStartAgain() {
    fixture
        .given(REQUESTED, STARTED, new ExportCompletedEvent(EXPORT, 3, NOW))
        .when(new StartExportCommand(EXPORT))
        .expectException(ExportNotRunningException.class)
        .expectNoEvents();
  }

  @Test
  void aFailedExportDoesNotStartAgain() {
    fixture
        .given(REQUESTED, STARTED, new ExportFailedEvent(EXPORT, "Disk full.", NOW))
        .when(new StartExportCommand(EXPORT))
        .expectException(ExportNotRunningException.class)
        .expectNoEvents();
  }

  @Test
  void aRunningExportCompletesWithItsRowCount() {
    fixture
        .given(REQUESTED, STARTED)
        .when(new CompleteExportCommand(EXPORT, 42))
        .expectEvents(new ExportCompletedEvent(EXPORT, 42, NOW));
  }

  @Test
  void aPendingExportCannotComplete() {
    fixture
        .given(REQUESTED)
        .when(new CompleteExportCommand(EXPORT, 42))
        .expectException(ExportNotRunningException.class)
        .expectNoEvents();
  }

  @Test
  void completingADoneExportAgainChangesNothing() {
    fixture
        .given(REQUESTED, STARTED, new ExportCompletedEvent(EXPORT, 42, NOW))
        .when(new CompleteExportCommand(EXPORT, 7))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aFailedExportCannotComplete() {
    fixture
        .given(REQUESTED, STARTED, new ExportFailedEvent(EXPORT, "Disk full.", NOW))
        .when(new CompleteExportCommand(EXPORT, 42))
        .expectException(ExportNotRunningException.class)
        .expectNoEvents();
  }

  @Test
  void aRunningExportFailsWithItsReason() {
    fixture
        .given(REQUESTED, STARTED)
        .when(new FailExportCommand(EXPORT, "The database went away."))
        .expectEvents(new ExportFailedEvent(EXPORT, "The database went away.", NOW));
  }

  @Test
  void aFailureNeedsAReason() {
    fixture
        .given(REQUESTED, STARTED)
        .when(new FailExportCommand(EXPORT, " "))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aPendingExportCannotFail() {
    fixture
        .given(REQUESTED)
        .when(new FailExportCommand(EXPORT, "Disk full."))
        .expectException(ExportNotRunningException.class)
        .expectNoEvents();
  }

  @Test
  void aDoneExportCannotFail() {
    fixture
        .given(REQUESTED, STARTED, new ExportCompletedEvent(EXPORT, 42, NOW))
        .when(new FailExportCommand(EXPORT, "Disk full."))
        .expectException(ExportNotRunningException.class)
        .expectNoEvents();
  }
}
