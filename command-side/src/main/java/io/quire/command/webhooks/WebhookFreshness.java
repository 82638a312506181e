package io.quire.command.webhooks;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * How far a delivery's {@code X-Webhook-Timestamp} may be from the server's clock, either way:
 * {@value #TOLERANCE_SECONDS} seconds, boundary included. An older signed delivery is a replay (a
 * sender's retries sign anew), a newer one a sender whose clock is wrong.
 */
public final class WebhookFreshness {

  public static final long TOLERANCE_SECONDS = 300;

  private WebhookFreshness() {}

  /** Whether a delivery stamped {@code timestampSeconds} (Unix seconds) is fresh at {@code now}. */
  public static boolean isFresh(long timestampSeconds, Instant now) {
    try {
      Duration apart = Duration.between(Instant.ofEpochSecond(timestampSeconds), now).abs();
      return apart.compareTo(Duration.ofSeconds(TOLERANCE_SECONDS)) <= 0;
    } catch (DateTimeException | ArithmeticException outOfRange) {
      return false;
    }
  }
}
