package io.quire.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.kernel.audit.EventStreamHeadQuery;
import io.quire.kernel.audit.SealCheck;
import io.quire.kernel.audit.SealedHead;
import io.quire.kernel.audit.VerifySealsQuery;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.query.testing.StoredEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the seals promise, on any database Quire runs on: an untouched store verifies, and each kind
 * of change made behind the API's back with SQL (a payload altered, an event deleted, two events
 * swapped, metadata edited, the newest events cut off, the history rewritten with fresh seals) is
 * found. A subclass gives a fresh, migrated database per test: H2 here ({@code
 * TamperEvidenceTest}), PostgreSQL in api ({@code TamperEvidencePostgresIntegrationTest}).
 *
 * <p>The history: an org (global index 1), a task created and retitled twice (2, 3, 4), a user (5),
 * each with metadata, stamped with positions 1 to 5 in that order.
 */
public abstract class TamperEvidenceContract {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final UserId ada = UserId.of("00000000-0000-0000-0000-00000000000a");
  private final OrgId acme = OrgId.random();
  private final TaskId task = TaskId.random();

  private JdbcTemplate sql;
  private EventStream stream;
  private Seals seals;

  /** A fresh database with Quire's schema, for this test alone. */
  protected abstract DataSource database();

  @BeforeEach
  void storeAHistory() {
    DataSource database = database();
    NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(database);
    sql = jdbc.getJdbcTemplate();
    stream = new EventStream(database);
    seals = new Seals(jdbc, stream);
    StoredEvents store = new StoredEvents(jdbc);
    store.store(
        1, "Org", acme.toString(), 0, new OrgCreatedEvent(acme, "acme", "Acme", ada, T0), T0);
    store.store(
        2,
        "Task",
        task.toString(),
        0,
        new TaskCreatedEvent(task, acme, "Plan", "", null, null, ada, T0),
        T0.plusSeconds(1));
    store.store(
        3,
        "Task",
        task.toString(),
        1,
        new TaskRetitledEvent(task, acme, "Plan it", ada, T0),
        T0.plusSeconds(2));
    store.store(
        4,
        "Task",
        task.toString(),
        2,
        new TaskRetitledEvent(task, acme, "Plan it well", ada, T0),
        T0.plusSeconds(3));
    store.store(
        5,
        "User",
        ada.toString(),
        0,
        new UserRegisteredEvent(ada, "ada", false, T0),
        T0.plusSeconds(4));
    for (long index = 1; index <= 5; index++) {
      sql.update(
          "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
          ("{\"traceId\":\"trace-" + index + "\"}").getBytes(StandardCharsets.UTF_8),
          index);
      store.index(index, acme.value(), "stored", T0);
    }
    stream.catchUp();
  }

  private SealCheck whole() {
    return seals.handle(new VerifySealsQuery(null)).orElseThrow();
  }

  private SealCheck taskStream() {
    return seals.handle(new VerifySealsQuery(task.toString())).orElseThrow();
  }

  @Test
  void anUntouchedStoreVerifiesUpToItsHead() {
    SealedHead head = seals.handle(new EventStreamHeadQuery());

    assertThat(head.position()).isEqualTo(5);
    assertThat(head.hash()).matches("[0-9a-f]{64}").isNotEqualTo("0".repeat(64));
    assertThat(whole()).isEqualTo(new SealCheck(5, head, null));
    SealCheck taskCheck = taskStream();
    assertThat(taskCheck.checked()).isEqualTo(3);
    assertThat(taskCheck.firstBroken()).isNull();
    assertThat(taskCheck.head().position()).isEqualTo(4);
    assertThat(seals.handle(new VerifySealsQuery("no-such-aggregate"))).isEmpty();
  }

  @Test
  void anAlteredPayloadIsFoundInTheWholeHistoryAndInItsStream() {
    sql.update(
        "UPDATE domain_event_entry SET payload = ? WHERE global_index = 3",
        ("{\"taskId\":\"" + task + "\",\"title\":\"Forged\"}").getBytes(StandardCharsets.UTF_8));

    SealCheck whole = whole();
    SealCheck stream = taskStream();

    assertThat(whole.checked()).isEqualTo(5);
    assertThat(whole.firstBroken().globalSequence()).isEqualTo(3);
    assertThat(whole.firstBroken().aggregateId()).isEqualTo(task.toString());
    assertThat(whole.firstBroken().sequence()).isEqualTo(2);
    assertThat(whole.firstBroken().reason()).contains("seal does not match");
    assertThat(stream.firstBroken().globalSequence()).isEqualTo(3);
  }

  @Test
  void aDeletedEventIsFoundWhereItsPositionIsMissing() {
    sql.update("DELETE FROM domain_event_entry WHERE global_index = 3");
    sql.update("DELETE FROM audit_event WHERE global_index = 3");

    SealCheck whole = whole();
    SealCheck stream = taskStream();

    assertThat(whole.firstBroken().globalSequence()).isEqualTo(4);
    assertThat(whole.firstBroken().reason()).contains("position 3 is missing");
    assertThat(stream.firstBroken().globalSequence()).isEqualTo(4);
    assertThat(stream.firstBroken().reason()).contains("sequence 2 is missing");
  }

  @Test
  void anEventDeletedFromTheStoreButNotItsIndexIsFound() {
    sql.update("DELETE FROM domain_event_entry WHERE global_index = 2");

    SealCheck whole = whole();

    assertThat(whole.firstBroken().globalSequence()).isEqualTo(2);
    assertThat(whole.firstBroken().aggregateId()).isNull();
    assertThat(whole.firstBroken().reason()).contains("was deleted");
  }

  @Test
  void twoSwappedEventsAreFoundAtTheFirstOfThem() {
    byte[] third = payload(3);
    byte[] fourth = payload(4);
    sql.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = 3", fourth);
    sql.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = 4", third);

    SealCheck whole = whole();

    assertThat(whole.firstBroken().globalSequence()).isEqualTo(3);
    assertThat(taskStream().firstBroken().globalSequence()).isEqualTo(3);
  }

  @Test
  void swappedPositionsAreFound() {
    sql.update("UPDATE audit_event SET position = 99 WHERE position = 2");
    sql.update("UPDATE audit_event SET position = 2 WHERE position = 3");
    sql.update("UPDATE audit_event SET position = 3 WHERE position = 99");

    assertThat(whole().firstBroken().globalSequence()).isEqualTo(3);
  }

  @Test
  void editedMetadataIsFound() {
    sql.update(
        "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = 2",
        "{\"traceId\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(whole().firstBroken().globalSequence()).isEqualTo(2);
    assertThat(taskStream().firstBroken().globalSequence()).isEqualTo(2);
  }

  @Test
  void theNewestEventsCutOffAreFoundAgainstTheHead() {
    sql.update("DELETE FROM domain_event_entry WHERE global_index >= 4");
    sql.update("DELETE FROM audit_event WHERE global_index >= 4");

    SealCheck whole = whole();

    assertThat(whole.checked()).isEqualTo(3);
    assertThat(whole.firstBroken().reason()).contains("positions 4 to 5 are missing");
  }

  @Test
  void aHistoryRewrittenWithFreshSealsNoLongerReachesTheHeadAnAuditorWroteDown() {
    SealedHead writtenDown = seals.handle(new EventStreamHeadQuery());
    sql.update(
        "UPDATE domain_event_entry SET payload = ? WHERE global_index = 3",
        ("{\"taskId\":\"" + task + "\",\"title\":\"Forged\"}").getBytes(StandardCharsets.UTF_8));
    sql.update("UPDATE audit_event SET position = NULL, seal = NULL, stream_seal = NULL");
    sql.update("UPDATE event_stream_head SET position = 0, seal = ?", new byte[SealChain.LENGTH]);
    stream.catchUp();

    SealCheck whole = whole();

    assertThat(whole.firstBroken()).as("the forger recomputed every seal").isNull();
    assertThat(whole.head().position()).isEqualTo(writtenDown.position());
    assertThat(whole.head().hash()).isNotEqualTo(writtenDown.hash());
  }

  private byte[] payload(long globalIndex) {
    return sql.queryForObject(
        "SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, globalIndex);
  }
}
