package io.quire.command.webhooks;

import io.quire.command.common.CommandRetries;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.ChangeIntegrationTaskStatusCommand;
import io.quire.kernel.tasks.CreateIntegrationTaskCommand;
import io.quire.kernel.tasks.TaskDeletedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.webhooks.ReceiveWebhookCommand;
import io.quire.kernel.webhooks.WebhookAction;
import io.quire.kernel.webhooks.WebhookOutcome;
import io.quire.kernel.webhooks.WebhookReceiptAnswer;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Takes a verified delivery, in one unit of work and so one database transaction:
 *
 * <ul>
 *   <li>if the event's receipt exists, the delivery is a duplicate: recorded on the receipt, and
 *       nothing else happens;
 *   <li>otherwise its effect runs (commands to the task, sent in this unit of work, so their events
 *       are in this transaction) and the receipt is created with the outcome.
 * </ul>
 *
 * Two first deliveries racing (in this process or another) both find no receipt; the event store's
 * unique (aggregate, sequence) key lets one commit, and the other's whole transaction, effect
 * included, rolls back. {@link WebhookDeliveries} then sends it again, and it is a duplicate. So an
 * event's effect happens exactly once, whatever arrives when.
 *
 * <p>The task commands go through a gateway without retries: a retry would run on another thread,
 * outside this transaction.
 */
@Component
class WebhookReceiver {

  private final Repository<WebhookReceipt> receipts;
  private final CommandGateway inThisUnitOfWork;
  private final EventStore events;
  private final Clock clock;

  WebhookReceiver(
      @Qualifier(WebhookReceiptConfiguration.REPOSITORY) Repository<WebhookReceipt> receipts,
      CommandBus commandBus,
      EventStore events,
      Clock clock) {
    this.receipts = receipts;
    this.inThisUnitOfWork = CommandRetries.withoutRetries(commandBus);
    this.events = events;
    this.clock = clock;
  }

  @CommandHandler
  WebhookReceiptAnswer handle(ReceiveWebhookCommand command) throws Exception {
    Optional<Aggregate<WebhookReceipt>> existing = load(command);
    if (existing.isPresent()) {
      existing.get().execute(receipt -> receipt.redeliver(clock.instant()));
      return new WebhookReceiptAnswer(command.receiptId(), true);
    }
    Effect effect = causeEffect(command);
    receipts.newInstance(
        () -> new WebhookReceipt(command, effect.outcome(), effect.taskId(), clock.instant()));
    return new WebhookReceiptAnswer(command.receiptId(), false);
  }

  /**
   * The event's receipt, if an earlier delivery made it. Asked of the event store first: loading a
   * receipt that does not exist would throw, and Axon logs every such failure as a warning with its
   * stack trace, which cost a third of a first delivery's CPU (docs/performance.md).
   */
  private Optional<Aggregate<WebhookReceipt>> load(ReceiveWebhookCommand command) {
    String id = command.receiptId().toString();
    if (events.lastSequenceNumberFor(id).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(receipts.load(id));
  }

  private Effect causeEffect(ReceiveWebhookCommand command) {
    IntegrationId integration = command.integrationId();
    OrgId org = command.orgId();
    WebhookAction action = command.action();
    if (action instanceof WebhookAction.CreateTask create) {
      TaskId taskId = CreateIntegrationTaskCommand.taskIdFor(integration, create.externalId());
      if (taskState(taskId) != TaskState.NONE) {
        return new Effect(WebhookOutcome.NO_CHANGE, taskId);
      }
      inThisUnitOfWork.sendAndWait(
          new CreateIntegrationTaskCommand(
              taskId, org, integration, create.title(), create.description()));
      return new Effect(WebhookOutcome.TASK_CREATED, taskId);
    }
    if (action instanceof WebhookAction.ChangeTaskStatus change) {
      TaskId taskId = CreateIntegrationTaskCommand.taskIdFor(integration, change.externalId());
      switch (taskState(taskId)) {
        case NONE -> throw new UnknownExternalIdException(change.externalId());
        case DELETED -> {
          return new Effect(WebhookOutcome.NO_CHANGE, taskId);
        }
        default -> {
          boolean changed =
              inThisUnitOfWork.sendAndWait(
                  new ChangeIntegrationTaskStatusCommand(
                      taskId, org, integration, change.status()));
          return new Effect(
              changed ? WebhookOutcome.TASK_STATUS_CHANGED : WebhookOutcome.NO_CHANGE, taskId);
        }
      }
    }
    return new Effect(WebhookOutcome.IGNORED, null);
  }

  /**
   * Whether the task exists, read from its events: checking first, instead of letting a command on
   * a missing or deleted task fail, keeps this transaction from being marked for rollback.
   */
  private TaskState taskState(TaskId taskId) {
    Optional<Long> last = events.lastSequenceNumberFor(taskId.toString());
    if (last.isEmpty()) {
      return TaskState.NONE;
    }
    DomainEventStream tail = events.readEvents(taskId.toString(), last.get());
    boolean deleted = false;
    while (tail.hasNext()) {
      deleted = tail.next().getPayloadType() == TaskDeletedEvent.class;
    }
    return deleted ? TaskState.DELETED : TaskState.EXISTS;
  }

  private enum TaskState {
    NONE,
    EXISTS,
    DELETED
  }

  private record Effect(WebhookOutcome outcome, TaskId taskId) {}
}
