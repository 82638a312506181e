package io.quire.command.webhooks;

import static io.quire.command.testing.Fixtures.ACME;
import static io.quire.command.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.webhooks.ReceiptId;
import io.quire.kernel.webhooks.ReceiveWebhookCommand;
import io.quire.kernel.webhooks.WebhookAction;
import io.quire.kernel.webhooks.WebhookReceiptAnswer;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** A delivery that lost a race is sent again; any other failure is the answer. */
class WebhookDeliveriesTest {

  private final IntegrationId integration = IntegrationId.random();
  private final ReceiveWebhookCommand delivery =
      new ReceiveWebhookCommand(
          ReceiptId.of(integration, "evt_1"),
          integration,
          ACME,
          "evt_1",
          "comment.created",
          NOW,
          new WebhookAction.Ignore());
  private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void aDeliveryThatLostARaceIsSentAgainAndAnsweredAsADuplicate() {
    failFirst(2, () -> new ConcurrencyException("another delivery appended first"));

    WebhookReceiptAnswer answer = new WebhookDeliveries(bus).receive(delivery);

    assertThat(answer.duplicate()).isTrue();
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aRaceLostOnCreatingTheReceiptCountsAsARaceToo() {
    failFirst(
        1,
        () ->
            new IllegalStateException(
                "wrapped", new AggregateStreamCreationException("stream exists")));

    new WebhookDeliveries(bus).receive(delivery);

    assertThat(attempts).hasValue(2);
  }

  @Test
  void aDeliveryThatKeepsLosingGivesUpAfterTheLastAttempt() {
    failFirst(Integer.MAX_VALUE, () -> new ConcurrencyException("always behind"));

    assertThatThrownBy(() -> new WebhookDeliveries(bus).receive(delivery))
        .isInstanceOf(ConcurrencyException.class);
    assertThat(attempts).hasValue(WebhookDeliveries.MAX_ATTEMPTS);
  }

  @Test
  void anyOtherFailureIsAnsweredAtOnceWithoutAnotherAttempt() {
    failFirst(Integer.MAX_VALUE, () -> new UnknownExternalIdException("T-1"));

    assertThatThrownBy(() -> new WebhookDeliveries(bus).receive(delivery))
        .isInstanceOf(UnknownExternalIdException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void onlyConcurrencyFailuresAnywhereInTheCauseChainAreRaces() {
    assertThat(WebhookDeliveries.lostARace(new RuntimeException(new ConcurrencyException("x"))))
        .isTrue();
    assertThat(WebhookDeliveries.lostARace(new RuntimeException(new IllegalStateException())))
        .isFalse();
    assertThat(WebhookDeliveries.lostARace(new InvalidSignatureException())).isFalse();
  }

  private void failFirst(int failures, java.util.function.Supplier<RuntimeException> failure) {
    bus.subscribe(
        ReceiveWebhookCommand.class.getName(),
        command -> {
          if (attempts.incrementAndGet() <= failures) {
            throw failure.get();
          }
          ReceiveWebhookCommand received = (ReceiveWebhookCommand) command.getPayload();
          return new WebhookReceiptAnswer(received.receiptId(), attempts.get() > 1);
        });
  }
}
