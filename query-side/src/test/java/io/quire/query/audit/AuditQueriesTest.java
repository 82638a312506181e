package io.quire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.audit.AuditEntry;
import io.quire.kernel.audit.AuditFilter;
import io.quire.kernel.audit.AuditPage;
import io.quire.kernel.audit.EventStreamQuery;
import io.quire.kernel.audit.OrgAuditQuery;
import io.quire.kernel.integrations.IntegrationCreatedEvent;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.query.events.EventTypes;
import io.quire.query.stream.EventStream;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import io.quire.query.users.Usernames;
import io.quire.testsupport.StoredEventFixtures;
import io.quire.testsupport.StoredEventFixtures.Row;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The audit reads on the embedded database: pages in commit-position order, where the next one
 * starts, what an entry shows. Events are "committed" by writing their rows; each read stamps the
 * committed ones first, as on the server.
 */
class AuditQueriesTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final StoredEvents store = new StoredEvents(db.jdbc());
  private final AuditQueries queries =
      new AuditQueries(
          db.jdbc(),
          StoredEvents.READER,
          new Usernames(db.jdbc()),
          new EventStream(db.jdbc().getJdbcTemplate().getDataSource()));
  private final OrgId acme = OrgId.random();
  private final OrgId globex = OrgId.random();
  private final UserId ada = UserId.of("00000000-0000-0000-0000-00000000000a");

  @AfterEach
  void close() {
    db.close();
  }

  /** A task created in {@code org} at {@code globalIndex}, committed now. */
  private TaskId taskAt(long globalIndex, OrgId org) {
    TaskId task = TaskId.random();
    Instant at = T0.plusSeconds(globalIndex);
    store.store(
        globalIndex,
        "Task",
        task.toString(),
        0,
        new TaskCreatedEvent(task, org, "Task " + globalIndex, "", null, null, ada, at),
        at);
    store.index(globalIndex, org.value(), "task.created", at);
    return task;
  }

  private AuditPage stream(long after, int limit) {
    return queries.handle(new EventStreamQuery(new AuditFilter(after, limit, null, null, null)));
  }

  private static List<Long> globalSequences(AuditPage page) {
    return page.results().stream().map(AuditEntry::globalSequence).toList();
  }

  private static List<Long> positions(AuditPage page) {
    return page.results().stream().map(AuditEntry::position).toList();
  }

  @Test
  void eventsArePagedInTheOrderTheyCommittedNotTheOrderTheirIndexesWereTaken() {
    taskAt(1, acme);
    taskAt(3, acme);

    AuditPage first = stream(0, 100);
    taskAt(2, acme);
    AuditPage second = stream(first.nextAfter(), 100);

    assertThat(globalSequences(first)).containsExactly(1L, 3L);
    assertThat(positions(first)).containsExactly(1L, 2L);
    assertThat(first.nextAfter()).isEqualTo(2);
    assertThat(globalSequences(second)).containsExactly(2L);
    assertThat(positions(second)).containsExactly(3L);
    assertThat(stream(0, 100).results())
        .extracting(AuditEntry::globalSequence)
        .containsExactly(1L, 3L, 2L);
  }

  @Test
  void aFullPageGoesOnFromItsLastEvent() {
    for (long i = 1; i <= 5; i++) {
      taskAt(i, acme);
    }

    AuditPage first = stream(0, 2);
    AuditPage second = stream(first.nextAfter(), 2);
    AuditPage third = stream(second.nextAfter(), 2);

    assertThat(positions(first)).containsExactly(1L, 2L);
    assertThat(first.nextAfter()).isEqualTo(2);
    assertThat(positions(second)).containsExactly(3L, 4L);
    assertThat(positions(third)).containsExactly(5L);
    assertThat(third.nextAfter()).isEqualTo(5);
  }

  @Test
  void anOrgsLogLeavesOtherOrgsOutAndGoesOnPastTheirEvents() {
    TaskId mine = taskAt(1, acme);
    taskAt(2, globex);
    taskAt(3, globex);

    AuditPage page =
        queries.handle(new OrgAuditQuery(acme, new AuditFilter(0, 100, null, null, null)));

    assertThat(page.results()).extracting(AuditEntry::aggregateId).containsExactly(mine.toString());
    assertThat(page.nextAfter()).isEqualTo(3);
  }

  @Test
  void anEntryShowsTheStoredEventWithItsActorsNameAndNeverASealedSecret() {
    db.registerUser(ada, "ada");
    TaskId task = taskAt(1, acme);
    store.store(
        2,
        "Task",
        task.toString(),
        1,
        new TaskRetitledEvent(task, acme, "Renamed", ada, T0.plusSeconds(2)),
        T0.plusSeconds(2));
    store.index(2, acme.value(), "task.retitled", T0.plusSeconds(2));
    IntegrationId integration = IntegrationId.random();
    store.store(
        3,
        "Integration",
        integration.toString(),
        0,
        new IntegrationCreatedEvent(integration, acme, "CI", "sealed-bytes", ada, T0),
        T0.plusSeconds(3));
    store.index(3, acme.value(), "integration.created", T0.plusSeconds(3));

    List<AuditEntry> entries = stream(0, 100).results();

    AuditEntry retitled = entries.get(1);
    assertThat(retitled.aggregateType()).isEqualTo("task");
    assertThat(retitled.aggregateId()).isEqualTo(task.toString());
    assertThat(retitled.sequence()).isEqualTo(2);
    assertThat(retitled.type()).isEqualTo("task.retitled");
    assertThat(retitled.occurredAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(retitled.actor().username()).isEqualTo("ada");
    assertThat(retitled.data())
        .containsEntry("title", "Renamed")
        .containsEntry("task_id", task.toString())
        .containsEntry("org_id", acme.toString());
    AuditEntry created = entries.get(2);
    assertThat(created.data()).containsEntry("name", "CI").doesNotContainKey("sealed_secret");
    assertThat(created.data().toString()).doesNotContain("sealed-bytes");
  }

  @Test
  void typeSinceAndUntilNarrowThePageButNotWhereTheNextOneStarts() {
    for (long i = 1; i <= 6; i++) {
      taskAt(i, acme);
    }

    AuditPage window =
        queries.handle(
            new EventStreamQuery(
                new AuditFilter(0, 100, "task.created", T0.plusSeconds(2), T0.plusSeconds(5))));
    AuditPage otherType =
        queries.handle(new EventStreamQuery(new AuditFilter(0, 100, "task.retitled", null, null)));

    assertThat(globalSequences(window)).containsExactly(2L, 3L, 4L);
    assertThat(window.nextAfter()).isEqualTo(6);
    assertThat(otherType.results()).isEmpty();
    assertThat(otherType.nextAfter()).isEqualTo(6);
  }

  @Test
  void anEmptyStoreAnswersAnEmptyPageThatStaysWhereItWas() {
    assertThat(stream(0, 100)).isEqualTo(new AuditPage(List.of(), 0));
    assertThat(stream(42, 100).nextAfter()).isEqualTo(42);
  }

  @Test
  void revisionOneEventsAreShownAtTheirCurrentRevision() {
    List<Row> rows = StoredEventFixtures.rows(StoredEventFixtures.REVISION_ONE_ORG);
    long globalIndex = 0;
    for (Row row : rows) {
      globalIndex++;
      store.storeAsStored(globalIndex, row);
      store.index(
          globalIndex,
          null,
          EventTypes.typeName(row.payloadName()),
          Instant.parse(row.timeStamp()));
    }
    db.registerUser(UserId.of("1cd89622-1013-4e2b-ab1c-82ef48cf7d09"), "ada-r1");

    List<AuditEntry> entries = stream(0, 100).results();

    assertThat(entries).hasSameSizeAs(rows);
    List<AuditEntry> created =
        entries.stream().filter(e -> e.type().equals("task.created")).toList();
    assertThat(created).hasSize(3);
    AuditEntry plan = created.get(0);
    assertThat(plan.aggregateId()).isEqualTo("a6a2c170-430a-4924-8270-380d1a32e642");
    assertThat(plan.sequence()).isEqualTo(1);
    assertThat(plan.actor().username()).isEqualTo("ada-r1");
    assertThat(plan.requestId()).isNotNull();
    assertThat(plan.data())
        .containsEntry("title", "Write the plan")
        .containsEntry("due_date", "2026-04-01")
        .containsEntry("actor", "1cd89622-1013-4e2b-ab1c-82ef48cf7d09")
        .containsEntry("occurred_at", "2026-12-07T05:33:48.524597Z")
        .doesNotContainKeys("created_by", "created_at");
    AuditEntry fromTracker = created.get(2);
    assertThat(fromTracker.actor()).isNull();
    assertThat(fromTracker.data()).containsEntry("actor", null);
  }

  @Test
  void anEntryShowsTheRequestIdFromItsEventsMetadataOrNull() {
    taskAt(1, acme);
    taskAt(2, acme);
    byte[] metadata =
        StoredEvents.SERIALIZER
            .serialize(
                MetaData.with("requestId", "req-7").and("correlationId", "cmd-1"), byte[].class)
            .getData();
    db.jdbc()
        .update(
            "UPDATE domain_event_entry SET meta_data = :metadata WHERE global_index = 1",
            new MapSqlParameterSource("metadata", metadata));

    List<String> requestIds = stream(0, 10).results().stream().map(AuditEntry::requestId).toList();

    assertThat(requestIds).containsExactly("req-7", null);
  }
}
