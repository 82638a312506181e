package io.quire.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Orgs.TestOrg;
import io.quire.api.testing.StoredEventRows;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.query.events.StoredEventReader;
import io.quire.testsupport.StoredEventFixtures;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events stored at revision 1 (committed fixtures: rows exactly as an earlier server stored them,
 * before {@link TaskCreatedEvent} became revision 2) still load into the aggregate, show in
 * history, {@code ?as_of=} and the audit log as before (the audit log at their current revision),
 * and build the read models when applied to the projections one by one, as new events are.
 *
 * <p>The fixture is the org {@code revision-one}: admin ada-r1 and member bob-r1, task "Write the
 * plan" (created, set in progress, retitled, given a new due date), task "Book the room" and task
 * "From the tracker", which an integration created (no creating user). It is inserted once per test
 * database, then its events are applied to every projection; a new admin joins through the org
 * aggregate, so the API can be asked as a member.
 */
@IntegrationTest
class RevisionOneEventsIntegrationTest {

  private static final OrgId ORG = OrgId.of("0bc1edda-8b70-4d59-8e29-b7719b837a29");
  private static final String ADA = "1cd89622-1013-4e2b-ab1c-82ef48cf7d09";
  private static final String BOB = "905d1f1d-e752-4301-a541-76b82b8af500";
  private static final String PLAN = "a6a2c170-430a-4924-8270-380d1a32e642";
  private static final String ROOM = "b37336e8-b45e-4f11-9e1f-c8d042301469";
  private static final String FROM_TRACKER = "891821a2-97ee-8789-91c2-baaf77c2a742";
  private static final TestOrg REVISION_ONE = new TestOrg(ORG, "revision-one");

  private static TestUser admin;
  private static TestUser staff;

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired Orgs orgs;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired StoredEventReader reader;
  @Autowired EventStore eventStore;
  @Autowired org.axonframework.config.Configuration axon;

  @BeforeEach
  void storeTheFixtureOnce() {
    synchronized (RevisionOneEventsIntegrationTest.class) {
      if (admin != null) {
        return;
      }
      new TransactionTemplate(transactions)
          .executeWithoutResult(
              status -> {
                List<Long> indexes =
                    StoredEventRows.insertAsStored(
                        jdbc, StoredEventFixtures.rows(StoredEventFixtures.REVISION_ONE_ORG));
                StoredEventRows.applyToEveryProjection(jdbc, reader, axon, indexes);
              });
      TestUser newAdmin = users.aRegisteredUser("r1-admin");
      orgs.join(REVISION_ONE, newAdmin, Role.ADMIN, new TestUser(ADA, "ada-r1", null, null, false));
      staff = users.aStaffUser();
      admin = newAdmin;
    }
  }

  private Response get(String token, String path) {
    Response response = api.as(token).get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response;
  }

  private static String task(String id) {
    return REVISION_ONE.path("tasks/" + id + "/");
  }

  @Test
  void revisionOneEventsStillLoadIntoTheAggregate() {
    Response edited =
        api.as(admin.token())
            .request("PATCH", task(ROOM))
            .header("If-Match", "W/\"1\"")
            .json(Map.of("title", "Book the big room"))
            .send();

    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    JsonNode task = edited.json();
    assertThat(task.get("title").asText()).isEqualTo("Book the big room");
    assertThat(task.get("version").asLong()).isEqualTo(2);
    assertThat(task.at("/created_by/username").asText()).isEqualTo("ada-r1");
    assertThat(task.get("created_at").asText()).isEqualTo("2026-12-07T05:33:53.749611Z");
    List<? extends DomainEventMessage<?>> events =
        eventStore.readEvents(ROOM, 0).asStream().toList();
    assertThat(events).hasSize(2);
    assertThat(events.get(0).getPayload())
        .isInstanceOfSatisfying(
            TaskCreatedEvent.class,
            created -> assertThat(created.actor()).isEqualTo(UserId.of(ADA)));
    assertThat(
            jdbc.queryForList(
                "SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " ORDER BY sequence_number",
                String.class,
                ROOM))
        .as("the stored event is never rewritten")
        .containsExactly("1", "1");
  }

  @Test
  void historyShowsRevisionOneEventsAsItAlwaysHas() throws Exception {
    JsonNode history = get(admin.token(), task(PLAN) + "history/").json();

    assertThat(history.get("count").asLong()).isEqualTo(4);
    JsonNode results = history.get("results");
    assertThat(results.findValuesAsText("type"))
        .containsExactly(
            "task.created", "task.status_changed", "task.retitled", "task.due_date_changed");
    JsonNode created = results.get(0);
    assertThat(created.get("sequence").asLong()).isEqualTo(1);
    assertThat(created.get("occurred_at").asText()).isEqualTo("2026-12-07T05:33:48.524597Z");
    assertThat(created.at("/actor/id").asText()).isEqualTo(ADA);
    assertThat(created.at("/actor/username").asText()).isEqualTo("ada-r1");
    assertThat(created.get("data"))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    """
                    {"title": "Write the plan", "description": "First draft by Friday",
                     "assigned_to": "%s", "due_date": "2026-04-01"}
                    """
                        .formatted(BOB)));
    JsonNode byIntegration = get(admin.token(), task(FROM_TRACKER) + "history/").json();
    assertThat(byIntegration.at("/results/0/type").asText()).isEqualTo("task.created");
    assertThat(byIntegration.at("/results/0/actor").isNull()).isTrue();
    assertThat(byIntegration.at("/results/0/data/title").asText()).isEqualTo("From the tracker");
  }

  @Test
  void asOfRebuildsATaskStoredAtRevisionOneAsItStood() {
    JsonNode created = get(admin.token(), task(PLAN) + "?as_of=2026-12-07T05:33:48.524597Z").json();
    JsonNode started = get(admin.token(), task(PLAN) + "?as_of=2026-12-07T05:33:51.463041Z").json();
    Response before = api.as(admin.token()).get(task(PLAN) + "?as_of=2026-12-07T05:33:48Z");

    assertThat(created.get("title").asText()).isEqualTo("Write the plan");
    assertThat(created.get("status").asText()).isEqualTo("todo");
    assertThat(created.get("version").asLong()).isEqualTo(1);
    assertThat(created.at("/created_by/id").asText()).isEqualTo(ADA);
    assertThat(created.at("/created_by/username").asText()).isEqualTo("ada-r1");
    assertThat(created.at("/assigned_to/username").asText()).isEqualTo("bob-r1");
    assertThat(created.get("due_date").asText()).isEqualTo("2026-04-01");
    assertThat(created.get("created_at").asText()).isEqualTo("2026-12-07T05:33:48.524597Z");
    assertThat(created.get("updated_at").asText()).isEqualTo("2026-12-07T05:33:48.524597Z");
    assertThat(started.get("status").asText()).isEqualTo("in_progress");
    assertThat(started.get("version").asLong()).isEqualTo(2);
    assertThat(started.get("created_at").asText()).isEqualTo("2026-12-07T05:33:48.524597Z");
    assertThat(before.status()).as(before.toString()).isEqualTo(404);
  }

  @Test
  void theAuditLogShowsRevisionOneEventsAtTheirCurrentRevision() {
    JsonNode orgLog =
        get(admin.token(), REVISION_ONE.path("audit/") + "?after=0&limit=1000&type=task.created")
            .json()
            .get("results");
    JsonNode stream =
        get(
                staff.token(),
                "/api/v1/admin/events/?after=0&limit=1000&type=task.created"
                    + "&since=2026-12-07T00:00:00Z&until=2026-12-08T00:00:00Z")
            .json()
            .get("results");

    for (JsonNode log : List.of(orgLog, stream)) {
      assertThat(log.findValuesAsText("aggregate_id")).containsExactly(PLAN, ROOM, FROM_TRACKER);
      JsonNode plan = log.get(0);
      assertThat(plan.get("aggregate_type").asText()).isEqualTo("task");
      assertThat(plan.get("sequence").asLong()).isEqualTo(1);
      assertThat(plan.get("occurred_at").asText()).startsWith("2026-12-07T05:33:48.525");
      assertThat(plan.at("/actor/username").asText()).isEqualTo("ada-r1");
      assertThat(plan.get("request_id").asText()).isEqualTo("a4b96588-9ffc-4af5-a7ec-034936bba20b");
      JsonNode data = plan.get("data");
      assertThat(data.get("title").asText()).isEqualTo("Write the plan");
      assertThat(data.get("task_id").asText()).isEqualTo(PLAN);
      assertThat(data.get("org_id").asText()).isEqualTo(ORG.toString());
      assertThat(data.get("due_date").asText()).isEqualTo("2026-04-01");
      assertThat(data.get("actor").asText()).isEqualTo(ADA);
      assertThat(data.get("occurred_at").asText()).isEqualTo("2026-12-07T05:33:48.524597Z");
      assertThat(data.has("created_by")).isFalse();
      assertThat(data.has("created_at")).isFalse();
      JsonNode fromTracker = log.get(2);
      assertThat(fromTracker.get("actor").isNull()).isTrue();
      assertThat(fromTracker.at("/data/actor").isNull()).isTrue();
    }
  }

  @Test
  void theSealsCoverRevisionOneEventsAsStored() {
    JsonNode verified =
        get(staff.token(), "/api/v1/admin/events/verify/?aggregate_id=" + PLAN).json();

    assertThat(verified.get("first_broken").isNull()).as(verified.toString()).isTrue();
    assertThat(verified.get("checked").asLong()).isEqualTo(4);
  }

  @Test
  void aProjectionAppliesRevisionOneEventsOneByOne() {
    JsonNode plan = get(admin.token(), task(PLAN)).json();
    JsonNode fromTracker = get(admin.token(), task(FROM_TRACKER)).json();
    JsonNode list = get(admin.token(), REVISION_ONE.path("tasks/") + "?ordering=created_at").json();

    assertThat(plan.get("title").asText()).isEqualTo("Write the release plan");
    assertThat(plan.get("status").asText()).isEqualTo("in_progress");
    assertThat(plan.get("due_date").asText()).isEqualTo("2026-04-15");
    assertThat(plan.at("/created_by/id").asText()).isEqualTo(ADA);
    assertThat(plan.at("/created_by/username").asText()).isEqualTo("ada-r1");
    assertThat(plan.at("/assigned_to/username").asText()).isEqualTo("bob-r1");
    assertThat(plan.get("created_at").asText()).isEqualTo("2026-12-07T05:33:48.524597Z");
    assertThat(plan.get("updated_at").asText()).isEqualTo("2026-12-07T05:33:52.617867Z");
    assertThat(plan.get("version").asLong()).isEqualTo(4);
    assertThat(fromTracker.get("created_by").isNull()).isTrue();
    assertThat(fromTracker.get("created_at").asText()).isEqualTo("2026-12-07T05:33:55.953904Z");
    assertThat(list.get("count").asLong()).isEqualTo(3);
    assertThat(list.get("results"))
        .extracting(item -> item.get("id").asText())
        .containsExactly(PLAN, ROOM, FROM_TRACKER);
    assertThat(
            jdbc.queryForObject(
                "SELECT created_by FROM task_view WHERE task_id = ?::uuid", String.class, PLAN))
        .isEqualTo(ADA);
  }
}
