package io.quire.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.Team;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.kernel.audit.AuditFilter;
import io.quire.kernel.audit.AuditPage;
import io.quire.kernel.audit.EventStreamQuery;
import io.quire.kernel.audit.OrgAuditQuery;
import io.quire.query.audit.AuditQueries;
import io.quire.query.users.Usernames;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The whole event stream, for staff: JSON pages and NDJSON, and the guarantee that makes {@code
 * next_after} safe to follow: a page never passes a global index whose transaction may still
 * commit.
 */
@IntegrationTest
class EventStreamIntegrationTest {

  private static final String EVENTS = "/api/v1/admin/events/";

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired NamedParameterJdbcTemplate namedJdbc;
  @Autowired Usernames usernames;

  @Autowired
  @Qualifier("eventSerializer")
  Serializer serializer;

  /**
   * The audit queries as a server would answer them that takes a missing index for one still being
   * written for an hour, so that what they answer while a test holds a transaction open does not
   * depend on how fast this machine is.
   */
  private AuditQueries patient() {
    return new AuditQueries(namedJdbc, serializer, usernames, Duration.ofHours(1));
  }

  @Test
  void staffReadTheWholeStreamAcrossOrgsAndAggregates() {
    TestUser staff = users.aStaffUser();
    long start = lastGlobalSequence(staff);
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.ada(), null, "Counted");

    List<JsonNode> events = streamUntilItShows(staff, start, task);

    assertThat(events)
        .extracting(e -> e.get("global_sequence").asLong())
        .isSorted()
        .doesNotHaveDuplicates()
        .allMatch(sequence -> sequence > start);
    assertThat(events)
        .filteredOn(e -> e.get("aggregate_id").asText().equals(team.dave().id()))
        .extracting(e -> e.get("type").asText())
        .containsExactly("user.registered");
    assertThat(events)
        .filteredOn(e -> e.get("aggregate_id").asText().equals(team.org().id().toString()))
        .extracting(e -> e.get("type").asText())
        .containsExactly(
            "org.created", "member.added", "member.added", "member.added", "member.added");
  }

  @Test
  void withNdjsonEveryEventIsALineOfTheSameShape() throws Exception {
    TestUser staff = users.aStaffUser();
    long start = lastGlobalSequence(staff);
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.ada(), null, "Streamed");
    List<JsonNode> paged = streamUntilItShows(staff, start, task);
    long last = paged.get(paged.size() - 1).get("global_sequence").asLong();

    Response streamed =
        api.as(staff.token())
            .request("GET", EVENTS + "?after=" + start)
            .header("Accept", "application/x-ndjson")
            .send();

    assertThat(streamed.status()).as(streamed.toString()).isEqualTo(200);
    assertThat(streamed.header("Content-Type")).startsWith("application/x-ndjson");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : streamed.text().split("\n")) {
      lines.add(json.readTree(line));
    }
    assertThat(lines.subList(0, paged.size())).containsExactlyElementsOf(paged);
    assertThat(lines).extracting(e -> e.get("global_sequence").asLong()).isSorted();
    assertThat(streamed.text()).endsWith("\n");

    Response limited =
        api.as(staff.token())
            .request("GET", EVENTS + "?after=" + start + "&limit=3")
            .header("Accept", "application/x-ndjson")
            .send();
    assertThat(limited.text().split("\n")).hasSize(3);
    assertThat(last).isGreaterThan(start);
  }

  @Test
  void onlyStaffReadTheStream() {
    Team team = orgs.aTeam();

    Response asAdminOfAnOrg = api.as(team.ada().token()).get(EVENTS);
    Response streamedToAnAdmin =
        api.as(team.ada().token())
            .request("GET", EVENTS)
            .header("Accept", "application/x-ndjson")
            .send();
    Response anonymous = api.get(EVENTS);

    assertThat(asAdminOfAnOrg.status()).isEqualTo(403);
    assertThat(asAdminOfAnOrg.json().at("/error/code").asText()).isEqualTo("permission_denied");
    assertThat(streamedToAnAdmin.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void theHighestQualityChoosesBetweenAPageAndAStreamAndQualityZeroIsNeverChosen()
      throws Exception {
    TestUser staff = users.aStaffUser();
    long start = lastGlobalSequence(staff);
    TestUser registered = users.aRegisteredUser("accepting");
    List<JsonNode> events = streamUntilItShows(staff, start, registered.id());
    JsonNode event =
        events.stream()
            .filter(e -> e.get("aggregate_id").asText().equals(registered.id()))
            .findFirst()
            .orElseThrow();
    String justIt = EVENTS + "?after=" + (event.get("global_sequence").asLong() - 1) + "&limit=1";

    Response refused = withAccept(staff, justIt, "application/x-ndjson;q=0");
    Response page = withAccept(staff, justIt, "application/json, application/x-ndjson;q=0");
    Response anything = withAccept(staff, justIt, "*/*");
    Response preferred = withAccept(staff, justIt, "application/json;q=0.5, application/x-ndjson");
    Response jsonRefused = withAccept(staff, justIt, "application/json;q=0, */*;q=0.1");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(406);
    assertThat(refused.header("Content-Type")).startsWith("application/json");
    assertThat(refused.json().at("/error/code").asText()).isEqualTo("not_acceptable");
    assertThat(refused.json().at("/error/details").isObject()).isTrue();
    for (Response json : List.of(page, anything)) {
      assertThat(json.status()).as(json.toString()).isEqualTo(200);
      assertThat(json.header("Content-Type")).startsWith("application/json");
      assertThat(json.json().get("results")).containsExactly(event);
    }
    for (Response streamed : List.of(preferred, jsonRefused)) {
      assertThat(streamed.status()).as(streamed.toString()).isEqualTo(200);
      assertThat(streamed.header("Content-Type")).startsWith("application/x-ndjson");
      assertThat(streamed.text()).endsWith("\n");
      assertThat(streamed.text().strip().split("\n")).hasSize(1);
      assertThat(json.readTree(streamed.text())).isEqualTo(event);
    }
  }

  @Test
  void authenticationComesBeforeContentNegotiationOnBothAuditEndpoints() {
    Team team = orgs.aTeam();
    TestUser staff = users.aStaffUser();
    String audit = team.org().path("audit/");

    Response anonymousStream =
        api.request("GET", EVENTS).header("Accept", "application/xml").send();
    Response anonymousLog = api.request("GET", audit).header("Accept", "application/xml").send();
    Response staffStream =
        api.as(staff.token()).request("GET", EVENTS).header("Accept", "application/xml").send();
    Response adminLog =
        api.as(team.ada().token()).request("GET", audit).header("Accept", "application/xml").send();

    for (Response anonymous : List.of(anonymousStream, anonymousLog)) {
      assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
      assertThat(anonymous.json().at("/error/code").asText()).isEqualTo("not_authenticated");
    }
    for (Response known : List.of(staffStream, adminLog)) {
      assertThat(known.status()).as(known.toString()).isEqualTo(406);
      assertThat(known.json().at("/error/code").asText()).isEqualTo("not_acceptable");
    }
  }

  @Test
  void aParameterGivenMoreThanOnceIsNamedAsSuchInAPageAndAStream() {
    TestUser staff = users.aStaffUser();
    String twice = EVENTS + "?after=1&after=2&limit=3&limit=3";

    Response page = api.as(staff.token()).get(twice);
    Response stream =
        api.as(staff.token()).request("GET", twice).header("Accept", "application/x-ndjson").send();

    for (Response refused : List.of(page, stream)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/json");
      JsonNode details = refused.json().at("/error/details");
      assertThat(details.fieldNames()).toIterable().containsExactlyInAnyOrder("after", "limit");
      assertThat(details.at("/after/0").asText())
          .isEqualTo("This parameter was given more than once.");
      assertThat(details.at("/limit/0").asText())
          .isEqualTo("This parameter was given more than once.");
    }
  }

  /** The stream at {@code path}, asked for with this {@code Accept} header. */
  private Response withAccept(TestUser staff, String path, String accept) {
    return api.as(staff.token()).request("GET", path).header("Accept", accept).send();
  }

  @Test
  void aPageStopsBeforeAnEventStillBeingWrittenAndShowsItOnceCommitted() throws Exception {
    TestUser staff = users.aStaffUser();
    AuditQueries patient = patient();
    try (Connection held = dataSource.getConnection()) {
      held.setAutoCommit(false);
      long inFlight = appendWithoutCommitting(held);
      Team team = orgs.aTeam();
      orgs.aTask(team.org(), team.ada(), null, "After the held one");

      AuditPage whileHeld =
          patient.handle(
              new EventStreamQuery(new AuditFilter(inFlight - 1, 1000, null, null, null)));
      AuditPage orgWhileHeld =
          patient.handle(
              new OrgAuditQuery(team.org().id(), new AuditFilter(0, 1000, null, null, null)));

      assertThat(whileHeld.results()).isEmpty();
      assertThat(whileHeld.nextAfter()).isEqualTo(inFlight - 1);
      assertThat(orgWhileHeld.results()).isEmpty();
      held.commit();

      List<JsonNode> after = streamUntilItShows(staff, inFlight - 1, team.ada().id());
      assertThat(after.get(0).get("global_sequence").asLong()).isEqualTo(inFlight);
      assertThat(after.get(0).get("type").asText()).isEqualTo("user.registered");
      assertThat(after.get(0).at("/data/username").asText()).startsWith("held-");
    }
  }

  @Test
  void anIndexWhoseTransactionRolledBackHoldsPagesBackOnlyForTheSettleTime() throws Exception {
    TestUser staff = users.aStaffUser();
    long rolledBack;
    try (Connection held = dataSource.getConnection()) {
      held.setAutoCommit(false);
      rolledBack = appendWithoutCommitting(held);
      held.rollback();
    }
    TestUser later = users.aRegisteredUser("later");

    List<JsonNode> events = streamUntilItShows(staff, rolledBack - 1, later.id());

    assertThat(events).allMatch(e -> e.get("global_sequence").asLong() > rolledBack);
  }

  /**
   * Appends a user's registration the way Axon does (a global index from the sequence, the event
   * row, its audit row) on {@code connection}, without committing; answers the global index.
   */
  private long appendWithoutCommitting(Connection connection) throws Exception {
    long index;
    try (Statement next = connection.createStatement();
        ResultSet row = next.executeQuery("SELECT nextval('domain_event_entry_seq')")) {
      row.next();
      index = row.getLong(1);
    }
    String userId = UUID.randomUUID().toString();
    String payload =
        "{\"userId\":\""
            + userId
            + "\",\"username\":\"held-"
            + index
            + "\",\"staff\":false,\"registeredAt\":\"2026-03-01T12:00:00Z\"}";
    try (PreparedStatement event =
        connection.prepareStatement(
            "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number,"
                + " type, event_identifier, payload, payload_type, payload_revision, time_stamp)"
                + " VALUES (?, ?, 0, 'User', ?, ?, ?, '1', '2026-03-01T12:00:00Z')")) {
      event.setLong(1, index);
      event.setString(2, userId);
      event.setString(3, UUID.randomUUID().toString());
      event.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
      event.setString(5, UserRegisteredEvent.class.getName());
      event.executeUpdate();
    }
    try (PreparedStatement audit =
        connection.prepareStatement(
            "INSERT INTO audit_event (global_index, type, occurred_at)"
                + " VALUES (?, 'user.registered', TIMESTAMP WITH TIME ZONE '2026-03-01 12:00:00Z')")) {
      audit.setLong(1, index);
      audit.executeUpdate();
    }
    return index;
  }

  /** The stream after {@code after}, read page by page until it shows an event of the aggregate. */
  private List<JsonNode> streamUntilItShows(TestUser staff, long after, String aggregateId) {
    return new AuditLog(api)
        .readUntil(
            staff.token(),
            EVENTS,
            after,
            "",
            events ->
                events.stream().anyMatch(e -> e.get("aggregate_id").asText().equals(aggregateId)));
  }

  /** The newest global sequence now: where a test's own events start. */
  private long lastGlobalSequence(TestUser staff) {
    Long last = jdbc.queryForObject("SELECT MAX(global_index) FROM audit_event", Long.class);
    return last == null ? 0 : last;
  }
}
