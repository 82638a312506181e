package io.quire.perf.seed;

import java.net.URI;
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

  /** The run's org, its admin's token, and its senders. */
  public record Prepared(String slug, String adminToken, List<Sender> senders) {}

  /** Makes a new org with {@code count} integrations; {@code run} names it (unique per run). */
  public static Prepared prepare(URI baseUrl, String run, int count) {
    QuireClient client = new QuireClient(baseUrl);
    String username = "burst-" + run;
    String password = "burst-password-" + run;
    client.register(username, username + "@example.com", password);
    String token = client.token(username, password);
    String slug = "burst-" + run;
    client.createOrg(token, slug, "Webhook burst " + run);
    List<Sender> senders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      QuireClient.NewIntegration integration =
          client.createIntegration(token, slug, "Sender " + (i + 1));
      senders.add(new Sender(integration.id(), integration.secret()));
    }
    return new Prepared(slug, token, List.copyOf(senders));
  }
}
