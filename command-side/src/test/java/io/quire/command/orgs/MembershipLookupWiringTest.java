package io.quire.command.orgs;

import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.command.common.PermissionDeniedException;
import io.quire.command.tasks.Task;
import io.quire.command.testing.H2Database;
import io.quire.kernel.orgs.AddMemberCommand;
import io.quire.kernel.orgs.CreateOrgCommand;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.RemoveMemberCommand;
import io.quire.kernel.orgs.Role;
import io.quire.kernel.tasks.CreateTaskCommand;
import io.quire.kernel.tasks.TaskId;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orgs, tasks and the membership lookup together in a real (in-memory) Axon setup, with the lookup
 * updater in a subscribing processor as the application runs it: a membership change is visible to
 * the next command at once, and a failing lookup write fails the command that caused it.
 */
class MembershipLookupWiringTest {

  private final H2Database database = H2Database.withMigration("V2");
  private final MembershipLookupTable lookup = new MembershipLookupTable(database.jdbc());
  private final OrgId org = OrgId.random();
  private Configuration axon;
  private CommandGateway commands;

  @BeforeEach
  void startAxon() {
    Configurer configurer =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(Org.class)
            .configureAggregate(Task.class)
            .registerComponent(MembershipLookup.class, c -> lookup)
            .registerComponent(Clock.class, c -> CLOCK);
    configurer
        .eventProcessing()
        .registerSubscribingEventProcessor(MembershipLookupUpdater.PROCESSING_GROUP)
        .registerEventHandler(c -> new MembershipLookupUpdater(lookup));
    new MembershipLookupConfiguration()
        .membershipLookupFailuresPropagate()
        .configureModule(configurer);
    axon = configurer.buildConfiguration();
    axon.start();
    commands = axon.commandGateway();
    commands.sendAndWait(new CreateOrgCommand(org, "acme", "Acme Corp", ALICE));
  }

  @AfterEach
  void stop() {
    axon.shutdown();
    database.shutdown();
  }

  @Test
  void theCreatorOfAnOrgIsItsAdminInTheLookupAtOnce() {
    assertThat(lookup.roleOf(org, ALICE)).contains(Role.ADMIN);
  }

  @Test
  void aMemberMayCreateTasksAsSoonAsTheyAreAdded() {
    commands.sendAndWait(new AddMemberCommand(org, BOB, Role.MEMBER, ALICE, null));

    commands.sendAndWait(
        new CreateTaskCommand(TaskId.random(), org, "Hello", null, null, null, BOB));

    assertThat(lookup.roleOf(org, BOB)).contains(Role.MEMBER);
  }

  @Test
  void aRemovedMemberMayNoLongerCreateTasks() {
    commands.sendAndWait(new AddMemberCommand(org, BOB, Role.MEMBER, ALICE, null));
    commands.sendAndWait(new RemoveMemberCommand(org, BOB, BOB, null));

    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new CreateTaskCommand(TaskId.random(), org, "Hi", null, null, null, BOB)))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void aFailingLookupWriteFailsTheCommand() {
    database.jdbc().execute("drop table org_membership_lookup");

    assertThatThrownBy(
            () -> commands.sendAndWait(new AddMemberCommand(org, BOB, Role.MEMBER, ALICE, null)))
        .hasMessageContaining("org_membership_lookup");
  }
}
