package io.quire.kernel.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.testsupport.StoredEventFixtures;
import io.quire.testsupport.StoredEventFixtures.Row;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class TaskCreatedEventUpcasterTest {

  /** A serializer configured like the application's event serializer. */
  private static final Serializer SERIALIZER =
      JacksonSerializer.builder()
          .objectMapper(
              new ObjectMapper()
                  .registerModule(new JavaTimeModule())
                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskCreatedEventUpcaster upcaster = new TaskCreatedEventUpcaster();

  @Test
  void revisionOneJsonBecomesRevisionTwoWithActorAndOccurredAt() throws Exception {
    Row stored = taskCreatedRows().get(0);

    IntermediateEventRepresentation upcast = upcastOne(stored);

    assertThat(upcast.getType())
        .isEqualTo(new SimpleSerializedType(TaskCreatedEvent.class.getName(), "2"));
    assertThat(upcast.getData(JsonNode.class).getData())
        .isEqualTo(
            JSON.readTree(
                """
                {"taskId":"a6a2c170-430a-4924-8270-380d1a32e642",
                 "orgId":"0bc1edda-8b70-4d59-8e29-b7719b837a29",
                 "title":"Write the plan","description":"First draft by Friday",
                 "assignedTo":"905d1f1d-e752-4301-a541-76b82b8af500","dueDate":"2026-04-01",
                 "actor":"1cd89622-1013-4e2b-ab1c-82ef48cf7d09",
                 "occurredAt":"2026-12-07T05:33:48.524597Z"}
                """));
  }

  @Test
  void theFieldsKeepTheirOrder() {
    IntermediateEventRepresentation upcast = upcastOne(taskCreatedRows().get(0));

    assertThat(upcast.getData(JsonNode.class).getData().fieldNames())
        .toIterable()
        .containsExactly(
            "taskId",
            "orgId",
            "title",
            "description",
            "assignedTo",
            "dueDate",
            "actor",
            "occurredAt");
  }

  @Test
  void aTaskAnIntegrationCreatedKeepsANullActor() {
    Row byIntegration =
        taskCreatedRows().stream()
            .filter(row -> row.payload().contains("\"createdBy\":null"))
            .findFirst()
            .orElseThrow();

    JsonNode upcast = upcastOne(byIntegration).getData(JsonNode.class).getData();

    assertThat(upcast.has("actor")).isTrue();
    assertThat(upcast.get("actor").isNull()).isTrue();
    assertThat(upcast.has("createdBy")).isFalse();
  }

  @Test
  void theStoredRepresentationIsLeftAsItWas() throws Exception {
    Row stored = taskCreatedRows().get(0);
    InitialEventRepresentation initial = initial(stored);

    upcaster.upcast(Stream.of(initial)).toList().get(0).getData(JsonNode.class).getData();

    assertThat(initial.getType().getRevision()).isEqualTo("1");
    assertThat(initial.getData(JsonNode.class).getData())
        .isEqualTo(JSON.readTree(stored.payload()));
  }

  @Test
  void aRevisionTwoEventIsUntouched() {
    TaskCreatedEvent current =
        new TaskCreatedEvent(
            new TaskId(UUID.randomUUID()),
            new OrgId(UUID.randomUUID()),
            "Now",
            "",
            null,
            LocalDate.parse("2026-05-01"),
            new UserId(UUID.randomUUID()),
            Instant.parse("2026-12-08T10:00:00.123456Z"));
    byte[] payload = SERIALIZER.serialize(current, byte[].class).getData();
    InitialEventRepresentation stored =
        new InitialEventRepresentation(
            entry(TaskCreatedEvent.class.getName(), "2", payload), SERIALIZER);

    List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored)).toList();

    assertThat(upcast).containsExactly(stored);
  }

  @Test
  void otherEventsAreUntouched() {
    for (Row row : StoredEventFixtures.rows(StoredEventFixtures.REVISION_ONE_ORG)) {
      if (row.payloadName().equals("TaskCreatedEvent")) {
        continue;
      }
      InitialEventRepresentation stored = initial(row);

      assertThat(upcaster.upcast(Stream.of(stored)).toList())
          .as(row.payloadType())
          .containsExactly(stored);
    }
  }

  @Test
  void revisionOneEventsDeserializeIntoTheCurrentRecordThroughTheKernelChain() {
    List<Row> rows = StoredEventFixtures.rows(StoredEventFixtures.REVISION_ONE_ORG);

    List<Object> payloads =
        EventUtils.upcastAndDeserializeTrackedEvents(
                rows.stream()
                    .map(
                        row ->
                            new TrackedDomainEventData<>(
                                new GlobalSequenceTrackingToken(row.globalIndex()), entry(row))),
                SERIALIZER,
                KernelUpcasters.chain())
            .map(TrackedEventMessage::getPayload)
            .map(Object.class::cast)
            .toList();

    assertThat(payloads).hasSameSizeAs(rows);
    List<TaskCreatedEvent> created =
        payloads.stream()
            .filter(TaskCreatedEvent.class::isInstance)
            .map(TaskCreatedEvent.class::cast)
            .toList();
    assertThat(created).hasSize(3);
    TaskCreatedEvent plan = created.get(0);
    assertThat(plan.title()).isEqualTo("Write the plan");
    assertThat(plan.actor()).isEqualTo(userId("1cd89622-1013-4e2b-ab1c-82ef48cf7d09"));
    assertThat(plan.occurredAt()).isEqualTo(Instant.parse("2026-12-07T05:33:48.524597Z"));
    assertThat(plan.dueDate()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(plan.assignedTo()).isEqualTo(userId("905d1f1d-e752-4301-a541-76b82b8af500"));
    TaskCreatedEvent fromTracker = created.get(2);
    assertThat(fromTracker.title()).isEqualTo("From the tracker");
    assertThat(fromTracker.actor()).isNull();
    assertThat(fromTracker.occurredAt()).isEqualTo(Instant.parse("2026-12-07T05:33:55.953904Z"));
  }

  @Test
  void everyRevisionOneTaskCreatedEventOfTheFixturesIsRevisionOne() {
    assertThat(taskCreatedRows())
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.payloadRevision()).isEqualTo("1"))
        .allSatisfy(row -> assertThat(row.payload()).contains("\"createdBy\"", "\"createdAt\""));
  }

  private static List<Row> taskCreatedRows() {
    return StoredEventFixtures.rowsOf(StoredEventFixtures.REVISION_ONE_ORG, "TaskCreatedEvent");
  }

  private IntermediateEventRepresentation upcastOne(Row row) {
    List<IntermediateEventRepresentation> upcast =
        upcaster.upcast(Stream.of(initial(row))).toList();
    assertThat(upcast).hasSize(1);
    return upcast.get(0);
  }

  private static InitialEventRepresentation initial(Row row) {
    return new InitialEventRepresentation(entry(row), SERIALIZER);
  }

  private static GenericDomainEventEntry<byte[]> entry(Row row) {
    return new GenericDomainEventEntry<>(
        row.type(),
        row.aggregateIdentifier(),
        row.sequenceNumber(),
        row.eventIdentifier(),
        row.timeStamp(),
        row.payloadType(),
        row.payloadRevision(),
        row.payloadBytes(),
        row.metaDataBytes());
  }

  private static GenericDomainEventEntry<byte[]> entry(
      String payloadType, String revision, byte[] payload) {
    return new GenericDomainEventEntry<>(
        "Task",
        UUID.randomUUID().toString(),
        0,
        UUID.randomUUID().toString(),
        "2026-12-08T10:00:00.123Z",
        payloadType,
        revision,
        payload,
        "{}".getBytes(StandardCharsets.UTF_8));
  }

  private static UserId userId(String id) {
    return new UserId(UUID.fromString(id));
  }
}
