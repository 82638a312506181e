package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.errors.ErrorEnvelopeAdvice;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.api.testing.Webhooks;
import io.quire.api.testing.Webhooks.TestIntegration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every request has an id: the client's sane {@code X-Request-Id} or a fresh UUID, answered in
 * {@code X-Request-Id} (errors too), in every log line of the request, and in the metadata of every
 * event it caused (beside Axon's causation chain), which the audit output shows as {@code
 * request_id}.
 */
@IntegrationTest
class RequestIdIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UUID_SHAPE =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired Webhooks webhooks;
  @Autowired JdbcTemplate jdbc;

  private static String aRequestId() {
    return "it-" + UUID.randomUUID();
  }

  /** The stored metadata of every event of this aggregate, oldest first. */
  private List<JsonNode> metadataOf(String aggregateId) {
    return jdbc.query(
        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
            + " ORDER BY sequence_number",
        (row, n) -> {
          try {
            return JSON.readTree(row.getBytes(1));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        },
        aggregateId);
  }

  @Test
  void aSaneRequestIdIsAnsweredAndStoredWithEveryEventTheRequestCausedBesideAxonsCausation() {
    TestUser ada = users.aRegisteredUser("rid");
    String id = aRequestId();
    String slug = Orgs.aNewSlug("rid");

    Response created =
        api.as(ada.token())
            .request("POST", "/api/v1/orgs/")
            .header("X-Request-Id", id)
            .json(Map.of("slug", slug, "name", "Request ids"))
            .send();

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("X-Request-Id")).isEqualTo(id);
    String orgId =
        jdbc.queryForObject("SELECT org_id FROM org_slugs WHERE slug = ?", String.class, slug);
    List<JsonNode> events = metadataOf(orgId);
    assertThat(events).as("org.created and member.added").hasSize(2);
    for (JsonNode metadata : events) {
      assertThat(metadata.get("requestId").asText()).isEqualTo(id);
      assertThat(metadata.get("correlationId").asText()).isNotBlank();
      assertThat(metadata.get("traceId").asText()).isNotBlank();
    }
    assertThat(events.get(1).get("correlationId")).isEqualTo(events.get(0).get("correlationId"));
    assertThat(events.get(1).get("traceId")).isEqualTo(events.get(0).get("traceId"));
  }

  @Test
  void theAuditOutputShowsTheRequestIdOfEachEvent() {
    TestUser staff = users.aStaffUser();
    TestUser ada = users.aRegisteredUser("rid");
    String id = aRequestId();
    String slug = Orgs.aNewSlug("rid");
    long start =
        api.as(staff.token()).get("/api/v1/admin/events/head/").json().get("position").asLong();
    assertThat(
            api.as(ada.token())
                .request("POST", "/api/v1/orgs/")
                .header("X-Request-Id", id)
                .json(Map.of("slug", slug, "name", "Audited"))
                .send()
                .status())
        .isEqualTo(201);

    JsonNode stream =
        api.as(staff.token()).get("/api/v1/admin/events/?after=" + start + "&limit=1000").json();
    JsonNode orgLog = api.as(ada.token()).get("/api/v1/orgs/" + slug + "/audit/").json();
    Response lines =
        api.as(staff.token())
            .request("GET", "/api/v1/admin/events/?after=" + start)
            .header("Accept", "application/x-ndjson")
            .send();

    List<String> ofThisRequest = new ArrayList<>();
    stream
        .get("results")
        .forEach(
            e -> {
              if (id.equals(e.path("request_id").asText(null))) {
                ofThisRequest.add(e.get("type").asText());
              }
            });
    assertThat(ofThisRequest).containsExactly("org.created", "member.added");
    assertThat(orgLog.get("results"))
        .hasSize(2)
        .allMatch(e -> e.get("request_id").asText().equals(id));
    assertThat(lines.text().lines().filter(l -> l.contains("\"request_id\":\"" + id + "\"")))
        .hasSize(2);
    JsonNode registration =
        api.as(staff.token())
            .get("/api/v1/admin/events/?type=user.registered&after=0&limit=1")
            .json();
    assertThat(registration.at("/results/0").has("request_id"))
        .as("present, null when unknown")
        .isTrue();
  }

  @Test
  void theOpenApiDocumentDescribesTheRequestIdOfAuditEntries() {
    JsonNode auditEvent = api.get("/api/schema/").json().at("/components/schemas/AuditEvent");

    JsonNode requestId = auditEvent.at("/properties/request_id");
    assertThat(requestId.get("type").asText()).isEqualTo("string");
    assertThat(requestId.get("nullable").asBoolean()).isTrue();
    assertThat(requestId.get("description").asText()).contains("X-Request-Id");
    assertThat(auditEvent.get("required")).anyMatch(r -> r.asText().equals("request_id"));
  }

  @Test
  void aMalformedRequestIdIsReplacedByAFreshOneThatTheEventsCarry() {
    TestUser ada = users.aRegisteredUser("rid");
    List<String> malformed =
        List.of(
            "",
            "has spaces",
            "a".repeat(65),
            "quote\"d",
            "semi;colon",
            "tab\tbed",
            "ünicode",
            "{json}",
            "/slash");
    for (String sent : malformed) {
      String slug = Orgs.aNewSlug("rid");
      Response r =
          api.as(ada.token())
              .request("POST", "/api/v1/orgs/")
              .header("X-Request-Id", sent)
              .json(Map.of("slug", slug, "name", "Malformed"))
              .send();

      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      String answered = r.header("X-Request-Id");
      assertThat(answered).as("for %s", sent).matches(UUID_SHAPE);
      String orgId =
          jdbc.queryForObject("SELECT org_id FROM org_slugs WHERE slug = ?", String.class, slug);
      assertThat(metadataOf(orgId)).allMatch(m -> m.get("requestId").asText().equals(answered));
    }
    String longest = "A".repeat(32) + "z.9_-".repeat(6) + "01";
    assertThat(longest).hasSize(64);
    assertThat(
            api.request("GET", "/livez/")
                .header("X-Request-Id", longest)
                .send()
                .header("X-Request-Id"))
        .isEqualTo(longest);
  }

  @Test
  void requestsWithoutAnIdGetADifferentFreshOneEach() {
    String first = api.get("/livez/").header("X-Request-Id");
    String second = api.get("/livez/").header("X-Request-Id");

    assertThat(first).matches(UUID_SHAPE);
    assertThat(second).matches(UUID_SHAPE).isNotEqualTo(first);
  }

  @Test
  void everyErrorAnswerCarriesTheRequestIdToo() throws Exception {
    Map<String, Response> answers = new java.util.LinkedHashMap<>();
    answers.put("404 unknown path", sentWithId("GET", "/no/such/path/"));
    answers.put("401 no token", sentWithId("GET", "/api/v1/auth/me/"));
    answers.put(
        "401 bad token",
        api.request("GET", "/api/v1/auth/me/")
            .token("nope")
            .header("X-Request-Id", "rid-401b")
            .send());
    answers.put("405", sentWithId("DELETE", "/livez/"));
    answers.put("405 TRACE", sentWithId("TRACE", "/livez/"));
    answers.put("400 query", sentWithId("GET", "/api/v1/articles/?q=" + "x".repeat(9000)));
    answers.put("500", sentWithId("GET", "/test-probes/errors/boom"));
    answers.put("401 actuator", sentWithId("GET", "/actuator/prometheus"));

    answers.forEach(
        (what, r) -> {
          assertThat(r.status()).as(what + ": " + r).isGreaterThanOrEqualTo(400);
          assertThat(r.header("X-Request-Id")).as(what).startsWith("rid-");
          assertThat(r.json().has("error")).as(what).isTrue();
        });
    // Tomcat's own refusal of a malformed request line, before any filter: an id all the same.
    assertThat(rawRequest("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 400")
        .containsPattern("(?i)x-request-id: " + UUID_SHAPE);
  }

  private Response sentWithId(String method, String path) {
    return api.request(method, path).header("X-Request-Id", "rid-" + method.toLowerCase()).send();
  }

  private String rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", api.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
        return in.lines().collect(Collectors.joining("\n"));
      }
    }
  }

  @Test
  void everyLogLineOfTheRequestCarriesItsIdAndTheErrorIdIsTheRequestId() {
    String id = aRequestId();
    Logger logger = (Logger) LoggerFactory.getLogger(ErrorEnvelopeAdvice.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    logger.addAppender(captured);
    Response r;
    try {
      r = api.request("GET", "/test-probes/errors/boom").header("X-Request-Id", id).send();
    } finally {
      logger.detachAppender(captured);
    }

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.header("X-Request-Id")).isEqualTo(id);
    assertThat(r.json().at("/error/details/error_id").asText()).isEqualTo(id);
    List<ILoggingEvent> lines =
        captured.list.stream()
            .filter(e -> id.equals(e.getMDCPropertyMap().get("requestId")))
            .toList();
    assertThat(lines).hasSize(1);
    assertThat(new String(consoleEncoder().encode(lines.get(0)), StandardCharsets.UTF_8))
        .as("the console pattern writes the id")
        .contains("[" + id + "] ");
  }

  @SuppressWarnings("unchecked")
  private static ch.qos.logback.core.encoder.Encoder<ILoggingEvent> consoleEncoder() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var console =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    assertThat(console).as("Spring Boot's console appender").isNotNull();
    return console.getEncoder();
  }

  @Test
  void anExportsBackgroundJobCarriesTheIdOfTheRequestThatAskedForIt() {
    Team team = orgs.aTeam();
    orgs.aTask(team.org(), team.bob(), team.carol(), "Exported");
    String id = aRequestId();
    Response requested =
        api.as(team.ada().token())
            .request("POST", team.org().path("exports/"))
            .header("X-Request-Id", id)
            .json(Map.of("format", "csv"))
            .send();
    assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
    String export = requested.json().get("id").asText();

    await().atMost(Duration.ofSeconds(30)).until(() -> metadataOf(export).size() >= 3);

    assertThat(metadataOf(export))
        .as("requested, started, completed")
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(m -> m.get("requestId").asText().equals(id));
  }

  @Test
  void aWebhookDeliverysEventsCarryItsRequestId() {
    Team team = orgs.aTeam();
    TestIntegration tracker = webhooks.anIntegrationOf(team.org(), team.ada());
    String id = aRequestId();

    Response r =
        webhooks
            .taskCreated(tracker, Webhooks.anEventId(), "EXT-RID", "From the tracker")
            .header("X-Request-Id", id)
            .send();

    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    String receipt = r.json().get("receipt_id").asText();
    assertThat(metadataOf(receipt))
        .isNotEmpty()
        .allMatch(m -> m.get("requestId").asText().equals(id));
    List<String> taskEvents =
        jdbc.queryForList(
            "SELECT e.aggregate_identifier FROM domain_event_entry e"
                + " WHERE e.payload_type LIKE '%TaskCreatedEvent' AND e.meta_data IS NOT NULL"
                + " AND convert_from(e.meta_data, 'UTF8') LIKE ?",
            String.class, "%" + id + "%");
    assertThat(taskEvents).as("the task the delivery created").hasSize(1);
  }
}
