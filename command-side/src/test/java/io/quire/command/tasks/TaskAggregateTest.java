package io.quire.command.tasks;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CAROL;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.DAVE;
import static io.quire.command.testing.Fixtures.EVE;
import static io.quire.command.testing.Fixtures.GLOBEX;
import static io.quire.command.testing.Fixtures.NOW;
import static io.quire.kernel.orgs.Role.ADMIN;
import static io.quire.kernel.orgs.Role.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.testing.InMemoryMembershipLookup;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.tasks.ChangeIntegrationTaskStatusCommand;
import io.quire.kernel.tasks.CreateIntegrationTaskCommand;
import io.quire.kernel.tasks.CreateTaskCommand;
import io.quire.kernel.tasks.DeleteTaskCommand;
import io.quire.kernel.tasks.TaskAssignedEvent;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDeletedEvent;
import io.quire.kernel.tasks.TaskDescriptionChangedEvent;
import io.quire.kernel.tasks.TaskDueDateChangedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskStatusChangedEvent;
import io.quire.kernel.tasks.TaskUnassignedEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cast: in Acme, Alice is an admin; Bob, Carol and Dave are members; Eve is not a member (she
 * is a member of Globex). Bob creates the task, assigned to Carol, unless a test says otherwise.
 */
class TaskAggregateTest {

  private static final TaskId TASK = TaskId.of("0c000000-0000-4000-8000-000000000001");
  private static final LocalDate MARCH_10 = LocalDate.parse("2026-03-10");
  private static final LocalDate MARCH_20 = LocalDate.parse("2026-03-20");

  private final InMemoryMembershipLookup memberships =
      new InMemoryMembershipLookup()
          .with(ACME, ALICE, ADMIN)
          .with(ACME, BOB, MEMBER)
          .with(ACME, CAROL, MEMBER)
          .with(ACME, DAVE, MEMBER)
          .with(GLOBEX, EVE, ADMIN);
  private AggregateTestFixture<Task> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Task.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource(memberships);
  }

  // Creation ----------------------------------------------------------------------------------

  @Test
  void aMemberCreatesATaskWithEverything() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateTaskCommand(TASK, ACME, "Ship it", "Soon", CAROL, MARCH_10, BOB))
        .expectSuccessfulHandlerExecution()
        .expectEvents(
            new TaskCreatedEvent(TASK, ACME, "Ship it", "Soon", CAROL, MARCH_10, BOB, NOW));
  }

  @Test
  void aMemberCreatesATaskWithOnlyATitle() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateTaskCommand(TASK, ACME, "Ship it", null, null, null, BOB))
        .expectEvents(new TaskCreatedEvent(TASK, ACME, "Ship it", null, null, null, BOB, NOW));
  }

  @Test
  void aNonMemberCannotCreateATaskInTheOrg() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateTaskCommand(TASK, ACME, "Ship it", null, null, null, EVE))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void aTaskNeedsATitle(String title) {
    fixture
        .givenNoPriorActivity()
        .when(new CreateTaskCommand(TASK, ACME, title, null, null, null, BOB))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aTaskCannotBeCreatedWithoutATitle() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateTaskCommand(TASK, ACME, null, null, null, null, BOB))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void aTaskCannotBeAssignedToANonMemberWhenCreated() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateTaskCommand(TASK, ACME, "Ship it", null, EVE, null, BOB))
        .expectException(AssigneeNotAMemberException.class)
        .expectNoEvents();
  }

  // Integrations --------------------------------------------------------------------------------

  private static final IntegrationId TRACKER =
      new IntegrationId(UUID.fromString("0d000000-0000-4000-8000-000000000001"));

  @Test
  void anIntegrationCreatesATaskThatNoUserCreated() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateIntegrationTaskCommand(TASK, ACME, TRACKER, "From the tracker", null))
        .expectEvents(
            new TaskCreatedEvent(TASK, ACME, "From the tracker", "", null, null, null, NOW));
  }

  @Test
  void anIntegrationsTaskNeedsATitle() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateIntegrationTaskCommand(TASK, ACME, TRACKER, " ", null))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void anIntegrationChangesTheStatusOfItsOrgsTaskWithoutAnActor() {
    task()
        .when(new ChangeIntegrationTaskStatusCommand(TASK, ACME, TRACKER, TaskStatus.DONE))
        .expectResultMessagePayload(true)
        .expectEvents(new TaskStatusChangedEvent(TASK, ACME, TaskStatus.DONE, null, NOW));
  }

  @Test
  void anIntegrationSettingTheStatusATaskHasChangesNothing() {
    task()
        .when(new ChangeIntegrationTaskStatusCommand(TASK, ACME, TRACKER, TaskStatus.TODO))
        .expectResultMessagePayload(false)
        .expectNoEvents();
  }

  @Test
  void anIntegrationCannotChangeATaskOfAnotherOrg() {
    task()
        .when(new ChangeIntegrationTaskStatusCommand(TASK, GLOBEX, TRACKER, TaskStatus.DONE))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void theSameExternalIdAlwaysNamesTheSameTaskAndOthersAnother() {
    IntegrationId other =
        new IntegrationId(UUID.fromString("0d000000-0000-4000-8000-000000000002"));
    assertThat(CreateIntegrationTaskCommand.taskIdFor(TRACKER, "ext-1"))
        .isEqualTo(CreateIntegrationTaskCommand.taskIdFor(TRACKER, "ext-1"))
        .isNotEqualTo(CreateIntegrationTaskCommand.taskIdFor(TRACKER, "ext-2"))
        .isNotEqualTo(CreateIntegrationTaskCommand.taskIdFor(other, "ext-1"));
  }

  // Editing: who may ---------------------------------------------------------------------------

  @Test
  void theCreatorEditsTheirTask() {
    task()
        .when(edit(BOB).title("Ship it today").command())
        .expectEvents(new TaskRetitledEvent(TASK, ACME, "Ship it today", BOB, NOW));
  }

  @Test
  void theAssigneeEditsTheTaskAssignedToThem() {
    task()
        .when(edit(CAROL).status(TaskStatus.IN_PROGRESS).command())
        .expectEvents(new TaskStatusChangedEvent(TASK, ACME, TaskStatus.IN_PROGRESS, CAROL, NOW));
  }

  @Test
  void anAdminEditsAnyTask() {
    task()
        .when(edit(ALICE).status(TaskStatus.DONE).command())
        .expectEvents(new TaskStatusChangedEvent(TASK, ACME, TaskStatus.DONE, ALICE, NOW));
  }

  @Test
  void memberCannotEditSomeoneElsesTask() {
    task()
        .when(edit(DAVE).title("Mine now").command())
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void aNonMemberCannotEditATask() {
    task()
        .when(edit(EVE).title("Hello from Globex").command())
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void aFormerAssigneeCannotEditTheTaskAnyMore() {
    task(new TaskAssignedEvent(TASK, ACME, DAVE, BOB, NOW))
        .when(edit(CAROL).status(TaskStatus.DONE).command())
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void aCreatorWhoLeftTheOrgCannotEditTheirTask() {
    memberships.without(ACME, BOB);
    task()
        .when(edit(BOB).title("Still mine?").command())
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  // Editing: what it records -------------------------------------------------------------------

  @Test
  void anEditRecordsOneEventPerChangedFieldInAFixedOrder() {
    task()
        .when(
            edit(BOB)
                .due(MARCH_20)
                .assignTo(DAVE)
                .status(TaskStatus.DONE)
                .description("Today")
                .title("Ship it now")
                .command())
        .expectEvents(
            new TaskRetitledEvent(TASK, ACME, "Ship it now", BOB, NOW),
            new TaskDescriptionChangedEvent(TASK, ACME, "Today", BOB, NOW),
            new TaskStatusChangedEvent(TASK, ACME, TaskStatus.DONE, BOB, NOW),
            new TaskAssignedEvent(TASK, ACME, DAVE, BOB, NOW),
            new TaskDueDateChangedEvent(TASK, ACME, MARCH_20, BOB, NOW));
  }

  @Test
  void fieldsSetToWhatTheyAreAlreadyRecordNothing() {
    task()
        .when(
            edit(BOB)
                .title("Ship it")
                .description("Soon")
                .status(TaskStatus.TODO)
                .assignTo(CAROL)
                .due(MARCH_10)
                .command())
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void anEmptyEditRecordsNothing() {
    task().when(edit(BOB).command()).expectSuccessfulHandlerExecution().expectNoEvents();
  }

  @Test
  void onlyTheFieldsThatChangeAreRecorded() {
    task()
        .when(edit(BOB).title("Ship it").description("Later").due(MARCH_10).command())
        .expectEvents(new TaskDescriptionChangedEvent(TASK, ACME, "Later", BOB, NOW));
  }

  @Test
  void aTaskIsUnassigned() {
    task()
        .when(edit(BOB).unassign().command())
        .expectEvents(new TaskUnassignedEvent(TASK, ACME, BOB, NOW));
  }

  @Test
  void unassigningAnUnassignedTaskRecordsNothing() {
    task(new TaskUnassignedEvent(TASK, ACME, BOB, NOW))
        .when(edit(BOB).unassign().command())
        .expectNoEvents();
  }

  @Test
  void theDueDateIsCleared() {
    task()
        .when(edit(BOB).noDueDate().command())
        .expectEvents(new TaskDueDateChangedEvent(TASK, ACME, null, BOB, NOW));
  }

  @Test
  void theStatusMayGoBackToTodo() {
    task(new TaskStatusChangedEvent(TASK, ACME, TaskStatus.DONE, BOB, NOW))
        .when(edit(BOB).status(TaskStatus.TODO).command())
        .expectEvents(new TaskStatusChangedEvent(TASK, ACME, TaskStatus.TODO, BOB, NOW));
  }

  @Test
  void theAssigneeHandsTheTaskOnAndThenMayNoLongerEditIt() {
    task()
        .when(edit(CAROL).assignTo(DAVE).command())
        .expectEvents(new TaskAssignedEvent(TASK, ACME, DAVE, CAROL, NOW));
    task(new TaskAssignedEvent(TASK, ACME, DAVE, CAROL, NOW))
        .when(edit(CAROL).title("Back to me").command())
        .expectException(PermissionDeniedException.class);
  }

  @Test
  void aTaskCannotBeAssignedToANonMember() {
    task()
        .when(edit(BOB).title("Renamed").assignTo(EVE).command())
        .expectException(AssigneeNotAMemberException.class)
        .expectNoEvents();
  }

  @Test
  void aTaskKeepsAnAssigneeWhoHasLeftTheOrgUntilItIsReassigned() {
    memberships.without(ACME, CAROL);
    task()
        .when(edit(BOB).assignTo(CAROL).title("Renamed").command())
        .expectEvents(new TaskRetitledEvent(TASK, ACME, "Renamed", BOB, NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n"})
  void aTitleCannotBeBlanked(String title) {
    task()
        .when(edit(BOB).title(title).command())
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  // Deleting ----------------------------------------------------------------------------------

  @Test
  void theCreatorDeletesTheirTask() {
    task()
        .when(new DeleteTaskCommand(TASK, BOB, null))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new TaskDeletedEvent(TASK, ACME, BOB, NOW))
        .expectMarkedDeleted();
  }

  @Test
  void anAdminDeletesAnyTask() {
    task()
        .when(new DeleteTaskCommand(TASK, ALICE, null))
        .expectEvents(new TaskDeletedEvent(TASK, ACME, ALICE, NOW))
        .expectMarkedDeleted();
  }

  @Test
  void theAssigneeCannotDeleteTheTask() {
    task()
        .when(new DeleteTaskCommand(TASK, CAROL, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void anotherMemberCannotDeleteTheTask() {
    task()
        .when(new DeleteTaskCommand(TASK, DAVE, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void aNonMemberCannotDeleteTheTask() {
    task()
        .when(new DeleteTaskCommand(TASK, EVE, null))
        .expectException(PermissionDeniedException.class)
        .expectNoEvents();
  }

  @Test
  void aDeletedTaskTakesNoMoreEdits() {
    task(new TaskDeletedEvent(TASK, ACME, BOB, NOW))
        .when(edit(ALICE).title("Revived").command())
        .expectException(AggregateDeletedException.class)
        .expectNoEvents();
  }

  @Test
  void aDeletedTaskIsNotDeletedTwice() {
    task(new TaskDeletedEvent(TASK, ACME, BOB, NOW))
        .when(new DeleteTaskCommand(TASK, ALICE, null))
        .expectException(AggregateDeletedException.class)
        .expectNoEvents();
  }

  // Fixtures ----------------------------------------------------------------------------------

  /** Bob's task "Ship it" ("Soon"), assigned to Carol, due on March 10th; then the given events. */
  private TestExecutor<Task> task(Object... then) {
    List<Object> events = new ArrayList<>();
    events.add(new TaskCreatedEvent(TASK, ACME, "Ship it", "Soon", CAROL, MARCH_10, BOB, NOW));
    events.addAll(List.of(then));
    return fixture.given(events);
  }

  private static Edit edit(UserId actor) {
    return Edit.of(TASK, actor);
  }
}
