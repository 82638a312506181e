package io.quire.command.webhooks;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.CLOCK;
import static io.quire.command.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.command.orgs.MembershipLookup;
import io.quire.command.tasks.Task;
import io.quire.command.testing.InMemoryMembershipLookup;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.Role;
import io.quire.kernel.tasks.CreateIntegrationTaskCommand;
import io.quire.kernel.tasks.DeleteTaskCommand;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskStatusChangedEvent;
import io.quire.kernel.webhooks.ReceiptId;
import io.quire.kernel.webhooks.ReceiveWebhookCommand;
import io.quire.kernel.webhooks.WebhookAction;
import io.quire.kernel.webhooks.WebhookOutcome;
import io.quire.kernel.webhooks.WebhookReceiptAnswer;
import io.quire.kernel.webhooks.WebhookReceivedEvent;
import io.quire.kernel.webhooks.WebhookRedeliveredEvent;
import java.time.Clock;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries through {@link WebhookDeliveries} to {@link WebhookReceiver} and the {@link Task}
 * aggregate in a real (in-memory) Axon setup, wired as the application wires them: the receipt
 * decides between a first delivery (its effect, then the receipt) and a duplicate (recorded on the
 * receipt, nothing else).
 */
class WebhookReceiverWiringTest {

  private final IntegrationId integration = IntegrationId.random();
  private final InMemoryMembershipLookup memberships =
      new InMemoryMembershipLookup().with(ACME, ALICE, Role.ADMIN);
  private Configuration axon;
  private WebhookDeliveries deliveries;

  @BeforeEach
  void startAxon() {
    Configurer configurer =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(Task.class)
            .registerComponent(MembershipLookup.class, c -> memberships)
            .registerComponent(Clock.class, c -> CLOCK);
    configurer.registerCommandHandler(
        c ->
            new WebhookReceiver(
                new WebhookReceiptConfiguration().webhookReceiptRepository(c.eventStore()),
                c.commandBus(),
                c.eventStore(),
                CLOCK));
    axon = configurer.buildConfiguration();
    axon.start();
    deliveries = new WebhookDeliveries(axon.commandBus());
  }

  @AfterEach
  void stop() {
    axon.shutdown();
  }

  @Test
  void aFirstTaskCreatedDeliveryCreatesTheTaskAndItsReceipt() {
    ReceiveWebhookCommand delivery =
        delivery(
            "evt_1", "task.created", new WebhookAction.CreateTask("T-1", "From the tracker", "d"));

    WebhookReceiptAnswer answer = deliveries.receive(delivery);

    assertThat(answer).isEqualTo(new WebhookReceiptAnswer(delivery.receiptId(), false));
    TaskId task = CreateIntegrationTaskCommand.taskIdFor(integration, "T-1");
    assertThat(payloads(task.toString())).singleElement().isInstanceOf(TaskCreatedEvent.class);
    assertThat(receipt(delivery))
        .singleElement()
        .isInstanceOfSatisfying(
            WebhookReceivedEvent.class,
            received -> {
              assertThat(received.outcome()).isEqualTo(WebhookOutcome.TASK_CREATED);
              assertThat(received.taskId()).isEqualTo(task);
              assertThat(received.eventId()).isEqualTo("evt_1");
              assertThat(received.receivedAt()).isEqualTo(NOW);
            });
  }

  @Test
  void aRepeatedDeliveryIsADuplicateThatChangesNothingButTheReceipt() {
    ReceiveWebhookCommand delivery =
        delivery("evt_1", "task.created", new WebhookAction.CreateTask("T-1", "Once", null));
    deliveries.receive(delivery);

    WebhookReceiptAnswer again = deliveries.receive(delivery);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.receiptId()).isEqualTo(delivery.receiptId());
    TaskId task = CreateIntegrationTaskCommand.taskIdFor(integration, "T-1");
    assertThat(payloads(task.toString())).as("still one task event").hasSize(1);
    assertThat(receipt(delivery)).hasSize(2).last().isInstanceOf(WebhookRedeliveredEvent.class);
  }

  @Test
  void aSecondEventForAnExternalIdThatHasATaskChangesNothing() {
    deliveries.receive(
        delivery("evt_1", "task.created", new WebhookAction.CreateTask("T-1", "First", null)));
    ReceiveWebhookCommand other =
        delivery("evt_2", "task.created", new WebhookAction.CreateTask("T-1", "Second", null));

    WebhookReceiptAnswer answer = deliveries.receive(other);

    assertThat(answer.duplicate()).as("another event: not a duplicate").isFalse();
    assertThat(outcomeOf(other)).isEqualTo(WebhookOutcome.NO_CHANGE);
    assertThat(payloads(CreateIntegrationTaskCommand.taskIdFor(integration, "T-1").toString()))
        .hasSize(1);
  }

  @Test
  void aStatusChangeOfAKnownExternalIdChangesTheTasksStatusOnce() {
    deliveries.receive(
        delivery("evt_1", "task.created", new WebhookAction.CreateTask("T-1", "Task", null)));
    ReceiveWebhookCommand done =
        delivery(
            "evt_2",
            "task.status_changed",
            new WebhookAction.ChangeTaskStatus("T-1", TaskStatus.DONE));
    ReceiveWebhookCommand doneAgain =
        delivery(
            "evt_3",
            "task.status_changed",
            new WebhookAction.ChangeTaskStatus("T-1", TaskStatus.DONE));

    deliveries.receive(done);
    deliveries.receive(doneAgain);

    assertThat(outcomeOf(done)).isEqualTo(WebhookOutcome.TASK_STATUS_CHANGED);
    assertThat(outcomeOf(doneAgain))
        .as("the task had that status already")
        .isEqualTo(WebhookOutcome.NO_CHANGE);
    assertThat(payloads(CreateIntegrationTaskCommand.taskIdFor(integration, "T-1").toString()))
        .filteredOn(TaskStatusChangedEvent.class::isInstance)
        .singleElement()
        .extracting(e -> ((TaskStatusChangedEvent) e).status())
        .isEqualTo(TaskStatus.DONE);
  }

  @Test
  void aStatusChangeOfAnUnknownExternalIdIsRefusedAndLeavesNoReceipt() {
    ReceiveWebhookCommand change =
        delivery(
            "evt_9",
            "task.status_changed",
            new WebhookAction.ChangeTaskStatus("T-404", TaskStatus.DONE));

    assertThatThrownBy(() -> deliveries.receive(change))
        .isInstanceOf(UnknownExternalIdException.class)
        .hasMessageContaining("T-404");
    assertThat(receipt(change)).as("no receipt: the sender may send it again later").isEmpty();
  }

  @Test
  void aStatusChangeOfADeletedTaskChangesNothing() {
    deliveries.receive(
        delivery("evt_1", "task.created", new WebhookAction.CreateTask("T-1", "Task", null)));
    TaskId task = CreateIntegrationTaskCommand.taskIdFor(integration, "T-1");
    axon.commandGateway().sendAndWait(new DeleteTaskCommand(task, ALICE, null));
    ReceiveWebhookCommand change =
        delivery(
            "evt_2",
            "task.status_changed",
            new WebhookAction.ChangeTaskStatus("T-1", TaskStatus.IN_PROGRESS));

    deliveries.receive(change);

    assertThat(outcomeOf(change)).isEqualTo(WebhookOutcome.NO_CHANGE);
    assertThat(payloads(task.toString())).noneMatch(TaskStatusChangedEvent.class::isInstance);
  }

  @Test
  void anEventOfAnotherTypeIsRecordedAsIgnored() {
    ReceiveWebhookCommand other = delivery("evt_5", "comment.created", new WebhookAction.Ignore());

    WebhookReceiptAnswer answer = deliveries.receive(other);

    assertThat(answer.duplicate()).isFalse();
    assertThat(outcomeOf(other)).isEqualTo(WebhookOutcome.IGNORED);
    assertThat(receipt(other))
        .singleElement()
        .extracting(e -> ((WebhookReceivedEvent) e).taskId())
        .isNull();
  }

  @Test
  void aReceiptWhoseIdIsNotDerivedFromItsEventIsRefused() {
    ReceiveWebhookCommand forged =
        new ReceiveWebhookCommand(
            ReceiptId.of(integration, "evt_other"),
            integration,
            ACME,
            "evt_1",
            "comment.created",
            NOW,
            new WebhookAction.Ignore());

    assertThatThrownBy(() -> deliveries.receive(forged))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("derived from its event id");
  }

  private ReceiveWebhookCommand delivery(String eventId, String type, WebhookAction action) {
    return new ReceiveWebhookCommand(
        ReceiptId.of(integration, eventId), integration, ACME, eventId, type, NOW, action);
  }

  private WebhookOutcome outcomeOf(ReceiveWebhookCommand delivery) {
    return ((WebhookReceivedEvent) receipt(delivery).get(0)).outcome();
  }

  private List<Object> receipt(ReceiveWebhookCommand delivery) {
    return payloads(delivery.receiptId().toString());
  }

  private List<Object> payloads(String aggregateId) {
    return axon.eventStore()
        .readEvents(aggregateId)
        .asStream()
        .map(EventMessage::getPayload)
        .map(Object.class::cast)
        .toList();
  }
}
