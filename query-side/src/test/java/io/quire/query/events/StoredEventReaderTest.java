package io.quire.query.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.query.stream.StoredEvent;
import io.quire.query.testing.StoredEvents;
import io.quire.testsupport.StoredEventFixtures;
import io.quire.testsupport.StoredEventFixtures.Row;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

/** Stored rows read as the events they are now: upcast, then deserialized. */
class StoredEventReaderTest {

  private final StoredEventReader reader = StoredEvents.READER;

  private static List<StoredEvent> stored() {
    return StoredEventFixtures.rows(StoredEventFixtures.REVISION_ONE_ORG).stream()
        .map(StoredEventReaderTest::stored)
        .toList();
  }

  private static StoredEvent stored(Row row) {
    return new StoredEvent(
        row.globalIndex(),
        row.eventIdentifier(),
        row.type(),
        row.aggregateIdentifier(),
        row.sequenceNumber(),
        row.payloadType(),
        row.payloadRevision(),
        row.payloadBytes(),
        row.metaDataBytes(),
        row.timeStamp());
  }

  @Test
  void revisionOneRowsReadAsTheirCurrentRevision() {
    List<GenericTrackedDomainEventMessage<?>> events = reader.read(stored());

    List<TaskCreatedEvent> created =
        events.stream()
            .map(GenericTrackedDomainEventMessage::getPayload)
            .filter(TaskCreatedEvent.class::isInstance)
            .map(TaskCreatedEvent.class::cast)
            .toList();
    assertThat(created)
        .extracting(TaskCreatedEvent::title)
        .containsExactly("Write the plan", "Book the room", "From the tracker");
    assertThat(created.get(0).actor()).isEqualTo(UserId.of("1cd89622-1013-4e2b-ab1c-82ef48cf7d09"));
    assertThat(created.get(0).occurredAt()).isEqualTo(Instant.parse("2026-12-07T05:33:48.524597Z"));
    assertThat(created.get(2).actor()).isNull();
  }

  @Test
  void aMessageCarriesItsRowsPlaceIdentityTimeAndMetadata() {
    Row row =
        StoredEventFixtures.rowsOf(StoredEventFixtures.REVISION_ONE_ORG, "TaskCreatedEvent").get(0);

    GenericTrackedDomainEventMessage<?> event = reader.read(stored(row));

    assertThat(event.trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(row.globalIndex()));
    assertThat(event.getType()).isEqualTo("Task");
    assertThat(event.getAggregateIdentifier()).isEqualTo(row.aggregateIdentifier());
    assertThat(event.getSequenceNumber()).isEqualTo(row.sequenceNumber());
    assertThat(event.getIdentifier()).isEqualTo(row.eventIdentifier());
    assertThat(event.getTimestamp()).isEqualTo(Instant.parse(row.timeStamp()));
    assertThat(event.getPayloadType()).isEqualTo(TaskCreatedEvent.class);
    assertThat(event.getMetaData()).containsKeys("requestId", "correlationId", "traceId");
  }

  @Test
  void theStoredRowStaysAsStoredForTheSeals() {
    List<StoredEvent> stored = stored();
    List<String> before = stored.stream().map(e -> new String(e.payload(), UTF_8)).toList();

    reader.read(stored).forEach(GenericTrackedDomainEventMessage::getPayload);

    assertThat(stored).extracting(e -> new String(e.payload(), UTF_8)).isEqualTo(before);
    assertThat(stored)
        .filteredOn(e -> e.payloadType().endsWith("TaskCreatedEvent"))
        .allSatisfy(e -> assertThat(e.payloadRevision()).isEqualTo("1"));
  }

  @Test
  void aRowWithoutMetadataReadsWithNone() {
    Row row =
        StoredEventFixtures.rowsOf(StoredEventFixtures.REVISION_ONE_ORG, "OrgCreatedEvent").get(0);
    StoredEvent withoutMetadata =
        new StoredEvent(
            row.globalIndex(),
            row.eventIdentifier(),
            row.type(),
            row.aggregateIdentifier(),
            row.sequenceNumber(),
            row.payloadType(),
            row.payloadRevision(),
            row.payloadBytes(),
            null,
            row.timeStamp());

    GenericTrackedDomainEventMessage<?> event = reader.read(withoutMetadata);

    assertThat(event.getPayload()).isInstanceOf(OrgCreatedEvent.class);
    assertThat(event.getMetaData()).isEmpty();
  }
}
