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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole event stream over HTTP, for staff: JSON pages and NDJSON in commit-position order, the
 * head and the verification of the seals, who may read them, and how a request chooses between a
 * page and a stream. (Exactness under held, rolled-back and concurrent writes on two servers:
 * {@code ExactStreamIntegrationTest}; tampering: {@code TamperEvidencePostgresIntegrationTest}.)
 */
@IntegrationTest
class EventStreamIntegrationTest {

  private static final String EVENTS = "/api/v1/admin/events/";

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired ObjectMapper json;

  @Test
  void staffReadTheWholeStreamAcrossOrgsAndAggregates() {
    TestUser staff = users.aStaffUser();
    long start = headPosition(staff);
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.ada(), null, "Counted");

    List<JsonNode> events = streamUntilItShows(staff, start, task);

    assertThat(events)
        .extracting(e -> e.get("position").asLong())
        .isSorted()
        .doesNotHaveDuplicates()
        .allMatch(position -> position > start);
    assertThat(events).extracting(e -> e.get("global_sequence").asLong()).doesNotHaveDuplicates();
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
    long start = headPosition(staff);
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.ada(), null, "Streamed");
    List<JsonNode> paged = streamUntilItShows(staff, start, task);
    long last = paged.get(paged.size() - 1).get("position").asLong();

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
    assertThat(lines).extracting(e -> e.get("position").asLong()).isSorted();
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
  void staffFilterTheStreamByOrgInPagesAndInNdjson() {
    TestUser staff = users.aStaffUser();
    long start = headPosition(staff);
    Team ours = orgs.aTeam();
    Team theirs = orgs.aTeam();
    String task = orgs.aTask(ours.org(), ours.ada(), null, "Ours");
    String other = orgs.aTask(theirs.org(), theirs.ada(), null, "Theirs");

    List<JsonNode> filtered =
        new AuditLog(api).read(staff.token(), EVENTS, start, "&org=" + ours.org().slug());
    Response streamed =
        withAccept(
            staff,
            EVENTS + "?after=" + start + "&org=" + ours.org().slug(),
            "application/x-ndjson");
    List<JsonNode> org =
        new AuditLog(api).read(ours.ada().token(), ours.org().path("audit/"), start, "");

    assertThat(filtered)
        .isNotEmpty()
        .anyMatch(e -> e.get("aggregate_id").asText().equals(task))
        .noneMatch(e -> e.get("aggregate_id").asText().equals(other));
    assertThat(filtered)
        .extracting(e -> e.get("position").asLong())
        .containsExactlyElementsOf(org.stream().map(e -> e.get("position").asLong()).toList());
    assertThat(streamed.status()).isEqualTo(200);
    assertThat(streamed.text().lines().map(this::position).toList())
        .containsExactlyElementsOf(filtered.stream().map(e -> e.get("position").asLong()).toList());
  }

  @Test
  void anOrgFilterNamingNoOrgIsABadRequest() {
    TestUser staff = users.aStaffUser();

    Response answer = api.as(staff.token()).get(EVENTS + "?org=no-such-org-" + UUID.randomUUID());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/error/details/org/0").asText())
        .isEqualTo("No org has this slug.");
  }

  private long position(String line) {
    try {
      return json.readTree(line).get("position").asLong();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    for (String path : List.of(EVENTS + "head/", EVENTS + "verify/")) {
      assertThat(api.as(team.ada().token()).get(path).status()).as(path).isEqualTo(403);
      assertThat(api.get(path).status()).as(path).isEqualTo(401);
    }
  }

  @Test
  void theHeadIsTheNewestPositionAndItsSealAndMovesWithEveryWrite() {
    TestUser staff = users.aStaffUser();
    JsonNode before = api.as(staff.token()).get(EVENTS + "head/").json();
    TestUser newcomer = users.aRegisteredUser("sealed");

    JsonNode after = api.as(staff.token()).get(EVENTS + "head/").json();
    List<JsonNode> events =
        new AuditLog(api).read(staff.token(), EVENTS, before.get("position").asLong(), "");

    assertThat(after.get("hash").asText()).matches("[0-9a-f]{64}");
    assertThat(after.get("position").asLong()).isGreaterThan(before.get("position").asLong());
    assertThat(after.get("hash").asText()).isNotEqualTo(before.get("hash").asText());
    assertThat(events)
        .as("a write that has answered is sealed at once")
        .anyMatch(e -> e.get("aggregate_id").asText().equals(newcomer.id()));
    assertThat(events.get(events.size() - 1).get("position").asLong())
        .isGreaterThanOrEqualTo(after.get("position").asLong());
  }

  @Test
  void anUntouchedHistoryVerifiesWholeAndStreamByStream() {
    TestUser staff = users.aStaffUser();
    Team team = orgs.aTeam();
    String task = orgs.aTask(team.org(), team.ada(), null, "Checked");
    orgs.retitle(task, team.ada(), "Checked twice");

    Response whole = api.as(staff.token()).get(EVENTS + "verify/");
    Response oneTask = api.as(staff.token()).get(EVENTS + "verify/?aggregate_id=" + task);
    Response nobody =
        api.as(staff.token()).get(EVENTS + "verify/?aggregate_id=" + UUID.randomUUID());

    assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
    assertThat(whole.json().get("first_broken").isNull()).as(whole.toString()).isTrue();
    assertThat(whole.json().get("checked").asLong())
        .isEqualTo(whole.json().at("/head/position").asLong());
    assertThat(whole.json().at("/head/hash").asText()).matches("[0-9a-f]{64}");
    assertThat(oneTask.status()).as(oneTask.toString()).isEqualTo(200);
    assertThat(oneTask.json().get("checked").asLong()).isEqualTo(2);
    assertThat(oneTask.json().get("first_broken").isNull()).isTrue();
    assertThat(nobody.status()).isEqualTo(404);
    assertThat(nobody.json().at("/error/code").asText()).isEqualTo("not_found");
  }

  @Test
  void theHighestQualityChoosesBetweenAPageAndAStreamAndQualityZeroIsNeverChosen()
      throws Exception {
    TestUser staff = users.aStaffUser();
    long start = headPosition(staff);
    TestUser registered = users.aRegisteredUser("accepting");
    List<JsonNode> events = streamUntilItShows(staff, start, registered.id());
    JsonNode event =
        events.stream()
            .filter(e -> e.get("aggregate_id").asText().equals(registered.id()))
            .findFirst()
            .orElseThrow();
    String justIt = EVENTS + "?after=" + (event.get("position").asLong() - 1) + "&limit=1";

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

  /** The stream after {@code after}, read page by page until it shows an event of the aggregate. */
  private List<JsonNode> streamUntilItShows(TestUser staff, long after, String aggregateId) {
    return new AuditLog(api)
        .readShowing(
            staff.token(),
            EVENTS,
            after,
            "",
            events ->
                events.stream().anyMatch(e -> e.get("aggregate_id").asText().equals(aggregateId)));
  }

  /** The newest position now: where a test's own events start. */
  private long headPosition(TestUser staff) {
    return api.as(staff.token()).get(EVENTS + "head/").json().get("position").asLong();
  }
}
