package io.quire.command.webhooks;

/** A correctly signed delivery whose timestamp is outside {@link WebhookFreshness}'s tolerance. */
public class StaleTimestampException extends RuntimeException {
  public StaleTimestampException() {
    super(
        "The delivery's timestamp is more than "
            + WebhookFreshness.TOLERANCE_SECONDS
            + " seconds from the server's clock.");
  }
}
