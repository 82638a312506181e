package io.quire.api.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.testing.Orgs.TestOrg;
import io.quire.api.testing.Users.TestUser;
import io.quire.command.integrations.IntegrationService;
import io.quire.command.webhooks.WebhookSignature;
import io.quire.kernel.integrations.IntegrationId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Integrations and signed deliveries, the way a sender makes them: {@code
 * webhooks.anIntegrationOf(team.org(), team.ada())}, then {@code webhooks.taskCreated(tracker,
 * "evt-1", "ext-1", "Title").send()}. A delivery is signed with the integration's secret and
 * stamped with the application's clock unless a test says otherwise.
 */
public class Webhooks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final IntegrationService integrations;
  private final HttpApi api;
  private final Clock clock;

  public Webhooks(IntegrationService integrations, HttpApi api, Clock clock) {
    this.integrations = integrations;
    this.api = api;
    this.clock = clock;
  }

  /** A new integration of the org, registered by its admin. */
  public TestIntegration anIntegrationOf(TestOrg org, TestUser admin) {
    IntegrationService.Created created = integrations.create(org.id(), "Tracker", admin.userId());
    return new TestIntegration(created.integrationId(), created.secret(), org);
  }

  /** A new, unique sender's event id. */
  public static String anEventId() {
    return "evt_" + UUID.randomUUID();
  }

  /** A {@code task.created} delivery. */
  public Delivery taskCreated(
      TestIntegration integration, String eventId, String externalId, String title) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("external_id", externalId);
    data.put("title", title);
    return delivery(integration, eventId, "task.created", data);
  }

  /** A {@code task.status_changed} delivery. */
  public Delivery statusChanged(
      TestIntegration integration, String eventId, String externalId, String status) {
    return delivery(
        integration,
        eventId,
        "task.status_changed",
        Map.of("external_id", externalId, "status", status));
  }

  /** A delivery of any type with this data. */
  public Delivery delivery(TestIntegration integration, String eventId, String type, Object data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", eventId);
    body.put("type", type);
    body.put("occurred_at", "2026-03-01T11:59:00Z");
    body.put("data", data);
    try {
      return new Delivery(integration, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A delivery with exactly this raw body. */
  public Delivery raw(TestIntegration integration, String body) {
    return new Delivery(integration, body);
  }

  /** An integration as its sender knows it: id, secret, and where to deliver. */
  public record TestIntegration(IntegrationId id, String secret, TestOrg org) {

    public String webhookPath() {
      return "/api/v1/webhooks/" + id + "/";
    }

    public String receiptsPath() {
      return org.path("integrations/" + id + "/receipts/");
    }
  }

  /** One delivery being prepared; each {@link #send} is another delivery of the same bytes. */
  public final class Delivery {
    private final TestIntegration integration;
    private final String body;
    private String path;
    private HttpApi server = api;
    private String timestamp;
    private String contentType = "application/json";
    private String signature;
    private boolean signed = true;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Delivery(TestIntegration integration, String body) {
      this.integration = integration;
      this.body = body;
      this.path = integration.webhookPath();
    }

    /** Stamped this many seconds after the server's clock (negative: before). */
    public Delivery stampedSecondsFromNow(long seconds) {
      this.timestamp = Long.toString(clock.instant().getEpochSecond() + seconds);
      return this;
    }

    /** Stamped with exactly this header value. */
    public Delivery stamped(String timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** Signed with another secret. */
    public Delivery signedWith(String secret) {
      this.signature = WebhookSignature.sign(secret, timestamp(), bytes());
      return this;
    }

    /** With exactly this signature header. */
    public Delivery signature(String header) {
      this.signature = header;
      return this;
    }

    /** Without a signature header. */
    public Delivery unsigned() {
      this.signed = false;
      return this;
    }

    /** To another path (another integration's id, say). */
    public Delivery to(String path) {
      this.path = path;
      return this;
    }

    /** Declared as another content type. */
    public Delivery contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** With another header too (one the sender's own infrastructure adds, say). */
    public Delivery header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** To another server (a second application on the same database, say). */
    public Delivery via(HttpApi server) {
      this.server = server;
      return this;
    }

    public String body() {
      return body;
    }

    public HttpApi.Response send() {
      HttpApi.Request request =
          server
              .request("POST", path)
              .header("X-Webhook-Timestamp", timestamp())
              .body(contentType, body);
      headers.forEach(request::header);
      if (signed) {
        request.header(
            "X-Webhook-Signature",
            signature != null
                ? signature
                : WebhookSignature.sign(integration.secret(), timestamp(), bytes()));
      }
      return request.send();
    }

    private String timestamp() {
      if (timestamp == null) {
        timestamp = Long.toString(clock.instant().getEpochSecond());
      }
      return timestamp;
    }

    private byte[] bytes() {
      return body.getBytes(StandardCharsets.UTF_8);
    }
  }
}
