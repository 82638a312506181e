package io.quire.command;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CAROL;
import static io.quire.command.testing.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.command.orgs.MembershipLookup;
import io.quire.command.orgs.Org;
import io.quire.command.tasks.Task;
import io.quire.command.testing.InMemoryMembershipLookup;
import io.quire.kernel.orgs.AddMemberCommand;
import io.quire.kernel.orgs.CreateOrgCommand;
import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
import io.quire.kernel.tasks.CreateTaskCommand;
import io.quire.kernel.tasks.DeleteTaskCommand;
import io.quire.kernel.tasks.EditTaskCommand;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskRetitledEvent;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves what the commands' {@code @TargetAggregateVersion} buys with Axon's real event-sourcing
 * repository (not the test fixture's): a command whose expected version is behind (or ahead of) the
 * aggregate's last sequence number is refused with {@link ConflictingAggregateVersionException} and
 * stores nothing, although no handler declares a {@code ConflictResolver}; a current one, or none,
 * goes through.
 */
class ExpectedVersionTest {

  private final TaskId task = TaskId.random();
  private final InMemoryMembershipLookup memberships =
      new InMemoryMembershipLookup().with(ACME, ALICE, Role.ADMIN).with(ACME, BOB, Role.MEMBER);
  private Configuration axon;
  private CommandGateway commands;

  @BeforeEach
  void startAxon() {
    axon =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(Task.class)
            .configureAggregate(Org.class)
            .registerComponent(MembershipLookup.class, c -> memberships)
            .registerComponent(Clock.class, c -> CLOCK)
            .buildConfiguration();
    axon.start();
    commands = axon.commandGateway();
  }

  @AfterEach
  void stopAxon() {
    axon.shutdown();
  }

  @Test
  void anEditWithAStaleExpectedVersionIsRefusedAndStoresNothing() {
    commands.sendAndWait(createTask()); // sequence 0
    commands.sendAndWait(retitle("Second title", 0L)); // sequence 1

    assertThatThrownBy(() -> commands.sendAndWait(retitle("Lost update", 0L)))
        .isInstanceOf(ConflictingAggregateVersionException.class);

    assertThat(events(task.toString())).hasSize(2);
    assertThat(lastPayload(task.toString()))
        .isEqualTo(new TaskRetitledEvent(task, ACME, "Second title", BOB, CLOCK.instant()));
  }

  @Test
  void anEditWithTheCurrentExpectedVersionGoesThrough() {
    commands.sendAndWait(createTask());
    commands.sendAndWait(retitle("Second title", 0L));

    commands.sendAndWait(retitle("Third title", 1L));

    assertThat(events(task.toString())).hasSize(3);
    assertThat(lastPayload(task.toString()))
        .isEqualTo(new TaskRetitledEvent(task, ACME, "Third title", BOB, CLOCK.instant()));
  }

  @Test
  void anEditWithoutAnExpectedVersionIsNotChecked() {
    commands.sendAndWait(createTask());
    commands.sendAndWait(retitle("Second title", null));

    commands.sendAndWait(retitle("Third title", null));

    assertThat(events(task.toString())).hasSize(3);
  }

  @Test
  void anEditThatWouldChangeNothingIsStillRefusedWhenStale() {
    commands.sendAndWait(createTask());
    commands.sendAndWait(retitle("Second title", 0L));

    assertThatThrownBy(() -> commands.sendAndWait(retitle("Second title", 0L)))
        .isInstanceOf(ConflictingAggregateVersionException.class);
    assertThat(events(task.toString())).hasSize(2);
  }

  @Test
  void anExpectedVersionAheadOfTheAggregateIsRefused() {
    commands.sendAndWait(createTask());

    assertThatThrownBy(() -> commands.sendAndWait(retitle("From the future", 5L)))
        .isInstanceOf(ConflictingAggregateVersionException.class);
    assertThat(events(task.toString())).hasSize(1);
  }

  @Test
  void aDeleteWithAStaleExpectedVersionIsRefused() {
    commands.sendAndWait(createTask());
    commands.sendAndWait(retitle("Second title", null));

    assertThatThrownBy(() -> commands.sendAndWait(new DeleteTaskCommand(task, BOB, 0L)))
        .isInstanceOf(ConflictingAggregateVersionException.class);
    assertThat(events(task.toString())).hasSize(2);
  }

  @Test
  void aMembershipCommandWithAStaleExpectedVersionIsRefused() {
    OrgId org = OrgId.random();
    commands.sendAndWait(new CreateOrgCommand(org, "acme", "Acme Corp", ALICE)); // sequences 0, 1
    commands.sendAndWait(new AddMemberCommand(org, BOB, Role.MEMBER, ALICE, 1L)); // 2

    assertThatThrownBy(
            () -> commands.sendAndWait(new AddMemberCommand(org, CAROL, Role.MEMBER, ALICE, 1L)))
        .isInstanceOf(ConflictingAggregateVersionException.class);
    assertThat(events(org.toString())).hasSize(3);

    commands.sendAndWait(new AddMemberCommand(org, CAROL, Role.MEMBER, ALICE, 2L));
    assertThat(lastPayload(org.toString()))
        .isEqualTo(new MemberAddedEvent(org, CAROL, Role.MEMBER, ALICE, CLOCK.instant()));
  }

  private CreateTaskCommand createTask() {
    return new CreateTaskCommand(task, ACME, "First title", null, null, null, BOB);
  }

  private EditTaskCommand retitle(String title, Long expectedVersion) {
    return new EditTaskCommand(task, BOB, expectedVersion, title, null, null, null, null);
  }

  private List<? extends EventMessage<?>> events(String aggregateId) {
    return axon.eventStore().readEvents(aggregateId).asStream().toList();
  }

  private Object lastPayload(String aggregateId) {
    List<? extends EventMessage<?>> events = events(aggregateId);
    return events.get(events.size() - 1).getPayload();
  }
}
