package io.quire.command.webhooks;

import io.quire.command.common.CommandRetries;
import io.quire.kernel.webhooks.ReceiveWebhookCommand;
import io.quire.kernel.webhooks.WebhookReceiptAnswer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;

/**
 * Sends a verified delivery to {@link WebhookReceiver}, again when it lost a race: to another first
 * delivery of the same event (whose receipt or task was created first) or to another change of the
 * same receipt or task. The lost attempt rolled back completely, and the event store's unique key
 * made it wait for the winner's commit, so the next attempt sees the winner's receipt and is a
 * duplicate. Other failures (a bad delivery, an unknown external id) are answers and pass through.
 */
@Service
public class WebhookDeliveries {

  static final int MAX_ATTEMPTS = 10;

  private final CommandGateway commands;

  WebhookDeliveries(CommandBus commandBus) {
    this.commands = CommandRetries.withoutRetries(commandBus);
  }

  /** The receipt of the delivery, and whether it was a duplicate. */
  public WebhookReceiptAnswer receive(ReceiveWebhookCommand delivery) {
    for (int attempt = 1; ; attempt++) {
      try {
        return commands.sendAndWait(delivery);
      } catch (RuntimeException failure) {
        if (attempt >= MAX_ATTEMPTS || !lostARace(failure)) {
          throw failure;
        }
      }
    }
  }

  static boolean lostARace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AggregateStreamCreationException || t instanceof ConcurrencyException) {
        return true;
      }
    }
    return false;
  }
}
