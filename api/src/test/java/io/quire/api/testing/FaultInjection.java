package io.quire.api.testing;

import io.quire.kernel.webhooks.WebhookReceivedEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Makes a chosen write fail inside its transaction, as a broken disk or a lost connection would, to
 * show that nothing of it remains: {@code faults.failReceiptOf(eventId)} makes the next transaction
 * that records that webhook event's receipt throw, after its effect and its receipt were written
 * and before it commits. Runs in a subscribing processor of its own, like every projection, so the
 * failure fails the command. Unarmed, it does nothing.
 */
@ProcessingGroup("test-fault-injection")
public class FaultInjection {

  private final Set<String> receiptsToFail = ConcurrentHashMap.newKeySet();

  /** The next receipt of this sender's event id fails to commit. */
  public void failReceiptOf(String eventId) {
    receiptsToFail.add(eventId);
  }

  @EventHandler
  void on(WebhookReceivedEvent event) {
    if (receiptsToFail.remove(event.eventId())) {
      throw new IllegalStateException("Injected failure for the receipt of " + event.eventId());
    }
  }
}
