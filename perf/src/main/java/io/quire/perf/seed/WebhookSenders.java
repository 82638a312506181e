package io.quire.perf.seed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The senders of a webhook load test: a new org of its own per run (so the run's effects can be
 * counted exactly), its admin, and {@code count} integrations with their secrets, all made through
 * the HTTP API.
 */
public final class WebhookSenders {

  private WebhookSenders() {}

  /** One integration as its sender knows it. */
  public record Sender(String integrationId, String secret) {}

  /**
   * The run's org, its admin's token, its senders, and how far the server's clock is ahead of this
   * machine's (read off the integrations' {@code created_at}): deliveries are stamped by the
   * server's clock, which in a test may be a fixed one.
   */
  public record Prepared(
      String slug, String adminToken, List<Sender> senders, Duration serverClockAhead) {}

  /**
   * Makes a new org with {@code count} integrations; {@code run} names it (unique per run). {@code
   * clock} is this machine's, against which the server's is compared.
   */
  public static Prepared prepare(URI baseUrl, String run, int count, Clock clock) {
    QuireClient client = new QuireClient(baseUrl);
    String username = "burst-" + run;
    String password = "burst-password-" + run;
    client.register(username, username + "@example.com", password);
    String token = client.token(username, password);
    String slug = "burst-" + run;
    client.createOrg(token, slug, "Webhook burst " + run);
    List<Sender> senders = new ArrayList<>();
    Duration ahead = Duration.ZERO;
    for (int i = 0; i < count; i++) {
      Instant asked = clock.instant();
      QuireClient.NewIntegration integration =
          client.createIntegration(token, slug, "Sender " + (i + 1));
      ahead = Duration.between(asked, integration.createdAt());
      senders.add(new Sender(integration.id(), integration.secret()));
    }
    return new Prepared(slug, token, List.copyOf(senders), ahead);
  }
}
