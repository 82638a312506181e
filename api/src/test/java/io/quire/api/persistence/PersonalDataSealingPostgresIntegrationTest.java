package io.quire.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.projections.OwnQuire;
import io.quire.api.testing.DatabaseScan;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.StoredEventRows;
import io.quire.kernel.accounts.EraseUserPersonalDataCommand;
import io.quire.kernel.accounts.UserId;
import io.quire.query.events.StoredEventReader;
import io.quire.testsupport.StoredEventFixtures;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migration V25 on a database holding events stored before crypto-shredding (the committed fixture
 * {@code revision-one-org}: rows exactly as an earlier server stored them, their text plain),
 * beside events stored since: the old events' personal text is sealed in place under each writer's
 * key and reads as before, the seals are computed again and verify, the change of the head's hash
 * is recorded, the log shows the progress, and erasing a writer of old events then leaves nothing
 * of theirs. On PostgreSQL, in a database of its own.
 */
@TestInstance(Lifecycle.PER_CLASS)
@ResourceLock(OwnQuire.SERVERS)
class PersonalDataSealingPostgresIntegrationTest {

  private static final String ADA = "1cd89622-1013-4e2b-ab1c-82ef48cf7d09";
  private static final String FROM_TRACKER = "891821a2-97ee-8789-91c2-baaf77c2a742";
  private static final String ADA_S0 = "15832ab8-64dc-453a-9921-426e1f61950c";
  private static final List<String> ADAS =
      List.of(
          "ada-r1",
          "Write the plan",
          "First draft by Friday",
          "Write the release plan",
          "Book the room",
          "ada-s0",
          "Ada's first notes",
          "Ada on sealing",
          "Ada's long body",
          "Ada's revised body");
  private static final List<String> BOBS =
      List.of(
          "bob-r1",
          "bob-s0",
          "Plan the launch party",
          "Bob's notes on the party",
          "Order the cake",
          "Bob's comment");

  private OwnQuire quire;
  private HttpApi api;
  private String staff;

  @BeforeAll
  void aDatabaseWithEventsStoredBeforeSealing() {
    quire = OwnQuire.start("sealingmigration");
    api = quire.api();
    staff = quire.staffToken();
    new TransactionTemplate(quire.bean(PlatformTransactionManager.class))
        .executeWithoutResult(
            status ->
                StoredEventRows.applyToEveryProjection(
                    quire.sql(),
                    quire.bean(StoredEventReader.class),
                    quire.bean(org.axonframework.config.Configuration.class),
                    StoredEventRows.insertAsStored(
                        quire.sql(),
                        java.util.stream.Stream.of(
                                StoredEventFixtures.REVISION_ONE_ORG,
                                StoredEventFixtures.BEFORE_SEALING)
                            .flatMap(fixture -> StoredEventFixtures.rows(fixture).stream())
                            .toList())));
  }

  @AfterAll
  void stop() {
    quire.close();
  }

  @Test
  void oldEventsAreSealedInPlaceReadAsBeforeAndTheStreamIsResealedWithARecord() throws Exception {
    JsonNode head = api.as(staff).get("/api/v1/admin/events/head/").json();
    String historyBefore = api.as(staff).get("/api/v1/admin/events/?limit=1000").text();
    DatabaseScan scan = new DatabaseScan(quire.sql());
    assertThat(scan.findAnywhere(List.of("Write the plan")))
        .anyMatch(where -> where.contains("domain_event_entry"));
    assertThat(
            quire
                .sql()
                .queryForObject(
                    "SELECT success FROM flyway_schema_history WHERE version = '25'",
                    Boolean.class))
        .as("V25 ran at the server's start, on an empty store")
        .isTrue();

    List<String> log = new java.util.ArrayList<>();
    long changed = sealWithin(log);

    // of the 18 events with personal data (the staff member's registration, sealed when stored,
    // revision-one's 2 registrations, 3 task creations and 1 retitle, and before-sealing's 3
    // registrations, 2 task creations, retitle, description change, article draft, revision and
    // comment), every old one but the task an integration created (nobody's text)
    assertThat(changed).isEqualTo(15);
    assertThat(
            quire
                .sql()
                .queryForList(
                    "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                        + " WHERE payload_type NOT LIKE '%Integration%'"
                        + " AND payload_type NOT LIKE '%Webhook%' ORDER BY global_index",
                    String.class))
        .allSatisfy(payload -> assertThat(payload).doesNotContain(ADAS).doesNotContain(BOBS));
    assertThat(
            quire
                .sql()
                .queryForObject(
                    "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ?",
                    String.class,
                    FROM_TRACKER))
        .contains("From the tracker");
    assertThat(api.as(staff).get("/api/v1/admin/events/?limit=1000").text())
        .as("every event reads as before")
        .isEqualTo(historyBefore);
    JsonNode verified = api.as(staff).get("/api/v1/admin/events/verify/").json();
    assertThat(verified.get("first_broken").isNull()).as(verified.toString()).isTrue();
    assertThat(verified.at("/head/position").asLong()).isEqualTo(head.get("position").asLong());
    assertThat(verified.at("/head/hash").asText()).isNotEqualTo(head.get("hash").asText());
    Map<String, Object> record = quire.sql().queryForMap("SELECT * FROM event_stream_reseal");
    assertThat(record.get("old_head_hash")).isEqualTo(head.get("hash").asText());
    assertThat(record.get("new_head_hash")).isEqualTo(verified.at("/head/hash").asText());
    assertThat(record.get("events_changed")).isEqualTo(15L);
    assertThat(log)
        .anyMatch(line -> line.startsWith("Sealing the personal data of "))
        .anyMatch(line -> line.equals("Sealed the personal data of 15 of 18 events"))
        .anyMatch(line -> line.startsWith("The stream's seals were computed again from position"));

    assertThat(sealWithin(new java.util.ArrayList<>())).as("a second run changes nothing").isZero();
    assertThat(quire.sql().queryForObject("SELECT COUNT(*) FROM event_stream_reseal", Long.class))
        .isEqualTo(1);

    quire
        .bean(CommandGateway.class)
        .sendAndWait(new EraseUserPersonalDataCommand(UserId.of(ADA), UserId.of(ADA)));
    quire
        .bean(CommandGateway.class)
        .sendAndWait(new EraseUserPersonalDataCommand(UserId.of(ADA_S0), UserId.of(ADA)));

    assertThat(scan.findAnywhere(ADAS)).isEmpty();
    assertThat(api.as(staff).get("/api/v1/admin/events/?limit=1000").text())
        .doesNotContain(ADAS)
        .contains("[erased]")
        .contains(BOBS)
        .contains("From the tracker");
    assertThat(scan.findAnywhere(BOBS)).isNotEmpty();
    JsonNode afterErasure = api.as(staff).get("/api/v1/admin/events/verify/").json();
    assertThat(afterErasure.get("first_broken").isNull()).as(afterErasure.toString()).isTrue();
  }

  /** Runs the migration's work in a transaction of its own, as Flyway would: what it changed. */
  private long sealWithin(List<String> log) throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(PersonalDataSealing.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try (Connection connection = quire.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      long changed = quire.bean(PersonalDataSealing.class).seal(connection);
      connection.commit();
      return changed;
    } finally {
      logger.detachAppender(logged);
      logged.list.stream().map(ILoggingEvent::getFormattedMessage).forEach(log::add);
    }
  }
}
