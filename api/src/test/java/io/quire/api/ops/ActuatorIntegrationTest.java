package io.quire.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.PrometheusScrape;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.api.testing.Webhooks;
import io.quire.api.testing.Webhooks.TestIntegration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The actuator as operators meet it: health probes for anyone, Prometheus metrics for staff only,
 * every other endpoint off, and every error the JSON envelope (docs/architecture.md, Operations).
 */
@IntegrationTest
class ActuatorIntegrationTest {

  private static final String PROMETHEUS = "/actuator/prometheus";

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired Webhooks webhooks;

  private PrometheusScrape scrape(TestUser staff) {
    Response r = api.as(staff.token()).get(PROMETHEUS);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/plain");
    return PrometheusScrape.of(r.text());
  }

  @Test
  void healthAndItsLivenessAndReadinessGroupsAnswerAnyoneWithAStatusOnly() {
    for (String path :
        List.of(
            "/actuator/health",
            "/actuator/health/",
            "/actuator/health/liveness",
            "/actuator/health/readiness/")) {
      Response r = api.request("GET", path).header("Authorization", "Token stale").send();

      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      JsonNode body = r.json();
      assertThat(body.get("status").asText()).as(path).isEqualTo("UP");
      assertThat(body.has("components")).as(path + " shows no components").isFalse();
      assertThat(body.has("details")).as(path + " shows no details").isFalse();
    }
  }

  @Test
  void prometheusRefusesCallersWithoutAStaffTokenInTheEnvelope() {
    TestUser member = users.aRegisteredUser("metrics");

    assertEnvelope(api.get(PROMETHEUS), 401, "not_authenticated");
    assertEnvelope(api.as("not-a-token").get(PROMETHEUS), 401, "invalid_token");
    assertEnvelope(api.as(member.token()).get(PROMETHEUS), 403, "permission_denied");
    assertEnvelope(
        api.request("GET", PROMETHEUS).header("Authorization", "Bearer " + member.token()).send(),
        403,
        "permission_denied");
  }

  @Test
  void noSpellingOfThePathGetsPastTheStaffCheck() {
    for (String path :
        List.of(
            "/actuator/prometheus/",
            "/actuator//prometheus",
            "/actuator/health/../prometheus",
            "/actuator/health/%2e%2e/prometheus",
            "/actuator/health;x=y/../prometheus",
            "/actuator;x=y/prometheus",
            "/actuator/health/db",
            "/actuator")) {
      Response r = api.get(path);

      assertThat(r.status()).as(r.toString()).isIn(400, 401);
      assertThat(r.text()).as(path).doesNotContain("jvm_");
    }
  }

  @Test
  void everyOtherActuatorEndpointIsOffEvenForStaff() {
    var staff = api.as(users.aStaffUser().token());
    for (String path :
        List.of(
            "/actuator",
            "/actuator/",
            "/actuator/env",
            "/actuator/beans",
            "/actuator/metrics",
            "/actuator/info",
            "/actuator/loggers",
            "/actuator/heapdump",
            "/actuator/threaddump",
            "/actuator/shutdown")) {
      assertEnvelope(staff.get(path), 404, "not_found");
    }
    assertEnvelope(staff.post("/actuator/shutdown", Map.of()), 404, "not_found");
    assertEnvelope(staff.post(PROMETHEUS, Map.of()), 405, "method_not_allowed");
  }

  @Test
  void prometheusShowsHttpJvmConnectionPoolAndAxonMetricsAfterTraffic() {
    TestUser staff = users.aStaffUser();
    Team team = orgs.aTeam();
    var ada = api.as(team.ada().token());
    assertThat(ada.post(team.org().path("tasks/"), Map.of("title", "Metered")).status())
        .isEqualTo(201);
    assertThat(ada.get(team.org().path("tasks/")).status()).isEqualTo(200);

    PrometheusScrape scrape = scrape(staff);

    assertThat(
            scrape.sum(
                "http_server_requests_seconds_count",
                Map.of("method", "POST", "uri", "/api/v1/orgs/{slug}/tasks", "status", "201")))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape.series("jvm_memory_used_bytes", Map.of())).isNotEmpty();
    assertThat(scrape.series("jvm_threads_live_threads", Map.of())).isNotEmpty();
    assertThat(scrape.series("hikaricp_connections_active", Map.of())).isNotEmpty();
    assertThat(scrape.series("hikaricp_connections_max", Map.of())).isNotEmpty();
    // Axon: per payload type on the buses, per processing group and payload type in processors.
    assertThat(
            scrape.sum(
                "commandBus_successCounter_total", Map.of("payloadType", "CreateTaskCommand")))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            scrape.sum(
                "commandBus_allTimer_seconds_count", Map.of("payloadType", "CreateTaskCommand")))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            scrape.sum(
                "eventProcessor_successCounter_total",
                Map.of("processorName", "tasks", "payloadType", "TaskCreatedEvent")))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            scrape.sum(
                "eventProcessor_allTimer_seconds_count",
                Map.of("processorName", "audit-log", "payloadType", "TaskCreatedEvent")))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape.sum("queryBus_successCounter_total", Map.of("payloadType", "ListTasksQuery")))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape.all())
        .as("Axon's timers publish count, sum and max, not client-side quantiles")
        .noneMatch(s -> s.labels().containsKey("quantile"));
    assertThat(scrape.all())
        .as("every series names the application")
        .allMatch(s -> "quire".equals(s.labels().get("application")));
  }

  @Test
  void theEventStreamsStampingAndReadsAreCounted() {
    TestUser staff = users.aStaffUser();
    var asStaff = api.as(staff.token());
    PrometheusScrape before = scrape(staff);
    Team team = orgs.aTeam();
    orgs.aTask(team.org(), team.ada(), team.bob(), "Counted");

    Response page = asStaff.get("/api/v1/admin/events/?after=0&limit=5");
    Response head = asStaff.get("/api/v1/admin/events/head/");
    Response log = api.as(team.ada().token()).get(team.org().path("audit/"));
    PrometheusScrape after = scrape(staff);

    assertThat(List.of(page.status(), head.status(), log.status())).containsOnly(200);
    long position = head.json().get("position").asLong();
    assertThat(after.sum("quire_stream_head_position", Map.of())).isGreaterThanOrEqualTo(position);
    assertThat(after.sum("quire_stream_stamped_events_total", Map.of()))
        .isGreaterThan(before.sum("quire_stream_stamped_events_total", Map.of()));
    assertThat(after.sum("quire_stream_stampings_seconds_count", Map.of("outcome", "stamped")))
        .isGreaterThan(
            before.sum("quire_stream_stampings_seconds_count", Map.of("outcome", "stamped")));
    for (String kind : List.of("stream_page", "head", "org_page")) {
      assertThat(after.sum("quire_stream_reads_total", Map.of("kind", kind)))
          .as(kind)
          .isGreaterThan(before.sum("quire_stream_reads_total", Map.of("kind", kind)));
    }
    assertThat(after.sum("quire_stream_read_events_total", Map.of("kind", "stream_page")))
        .isGreaterThanOrEqualTo(
            before.sum("quire_stream_read_events_total", Map.of("kind", "stream_page")) + 5);
  }

  @Test
  void sealChecksAreTimedByScopeAndResult() {
    TestUser staff = users.aStaffUser();
    Team team = orgs.aTeam();

    Response verified =
        api.as(staff.token()).get("/api/v1/admin/events/verify/?aggregate_id=" + team.org().id());
    PrometheusScrape after = scrape(staff);

    assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    assertThat(verified.json().get("first_broken").isNull()).isTrue();
    assertThat(
            after.sum(
                "quire_stream_verifications_seconds_count",
                Map.of("scope", "aggregate", "result", "intact")))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void webhookDeliveriesAreCountedAsAcceptedDuplicateOrRejectedWithTheirReason() {
    TestUser staff = users.aStaffUser();
    Team team = orgs.aTeam();
    TestIntegration tracker = webhooks.anIntegrationOf(team.org(), team.ada());
    PrometheusScrape before = scrape(staff);
    Webhooks.Delivery delivery =
        webhooks.taskCreated(tracker, Webhooks.anEventId(), "EXT-1", "From the tracker");

    assertThat(delivery.send().status()).isEqualTo(202);
    assertThat(delivery.send().status()).isEqualTo(200);
    assertThat(
            webhooks
                .taskCreated(tracker, Webhooks.anEventId(), "EXT-2", "Forged")
                .signedWith("whsec_not-the-secret")
                .send()
                .status())
        .isEqualTo(401);
    assertThat(
            webhooks
                .taskCreated(tracker, Webhooks.anEventId(), "EXT-3", "Late")
                .stampedSecondsFromNow(-3600)
                .send()
                .status())
        .isEqualTo(400);
    assertThat(
            webhooks
                .taskCreated(tracker, Webhooks.anEventId(), "EXT-4", "Plain")
                .contentType("text/plain")
                .send()
                .status())
        .isEqualTo(415);
    PrometheusScrape after = scrape(staff);

    for (Map<String, String> labels :
        List.of(
            Map.of("outcome", "accepted", "reason", "none"),
            Map.of("outcome", "duplicate", "reason", "none"),
            Map.of("outcome", "rejected", "reason", "invalid_signature"),
            Map.of("outcome", "rejected", "reason", "stale_timestamp"),
            Map.of("outcome", "rejected", "reason", "unsupported_media_type"))) {
      assertThat(after.sum("quire_webhook_deliveries_total", labels))
          .as(labels.toString())
          .isGreaterThanOrEqualTo(before.sum("quire_webhook_deliveries_total", labels) + 1);
    }
  }

  private static void assertEnvelope(Response r, int status, String code) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/json");
    assertThat(r.json().at("/error/code").asText()).as(r.toString()).isEqualTo(code);
    assertThat(r.header("X-Request-Id")).as(r.toString()).isNotBlank();
  }
}
