package io.quire.query.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quire.kernel.upcasting.KernelUpcasters;
import io.quire.query.events.StoredEventReader;
import io.quire.query.sql.SqlValues;
import io.quire.testsupport.StoredEventFixtures;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Writes events into {@code domain_event_entry} of a {@link ReadModelDatabase} as Axon's JPA
 * storage engine does (JSON payloads by a Jackson serializer configured like the application's), at
 * global indexes the test chooses, so that the reads of the audit log can be tested with the gaps
 * and times a test needs.
 */
public final class StoredEvents {

  /** A serializer like the application's event serializer (camelCase, ISO-8601 instants). */
  public static final Serializer SERIALIZER =
      JacksonSerializer.builder()
          .objectMapper(
              new ObjectMapper()
                  .registerModule(new JavaTimeModule())
                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
          .build();

  /**
   * A reader of stored rows with that serializer and the kernel's upcasters, as the application's.
   */
  public static final StoredEventReader READER =
      new StoredEventReader(SERIALIZER, KernelUpcasters.chain());

  private final NamedParameterJdbcTemplate jdbc;

  public StoredEvents(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores {@code payload} as event {@code sequence} (from 0) of the aggregate, at {@code
   * globalIndex}.
   */
  public GenericDomainEventMessage<Object> store(
      long globalIndex,
      String aggregateType,
      String aggregateId,
      long sequence,
      Object payload,
      Instant at) {
    SerializedObject<byte[]> serialized = SERIALIZER.serialize(payload, byte[].class);
    Revision revision = payload.getClass().getAnnotation(Revision.class);
    jdbc.update(
        """
        INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                                        event_identifier, payload, payload_type, payload_revision,
                                        time_stamp)
        VALUES (:globalIndex, :aggregateId, :sequence, :aggregateType, :eventId, :payload,
                :payloadType, :revision, :at)
        """,
        new MapSqlParameterSource("globalIndex", globalIndex)
            .addValue("aggregateId", aggregateId)
            .addValue("sequence", sequence)
            .addValue("aggregateType", aggregateType)
            .addValue("eventId", UUID.randomUUID().toString())
            .addValue("payload", serialized.getData())
            .addValue("payloadType", payload.getClass().getName())
            .addValue("revision", revision == null ? null : revision.value())
            .addValue("at", at.toString()));
    return new GenericDomainEventMessage<>(
        aggregateType,
        aggregateId,
        sequence,
        payload,
        MetaData.emptyInstance(),
        UUID.randomUUID().toString(),
        at);
  }

  /**
   * Stores a committed fixture row exactly as it was stored (payload, revision, metadata and
   * timestamp as they are), at {@code globalIndex}.
   */
  public void storeAsStored(long globalIndex, StoredEventFixtures.Row row) {
    jdbc.update(
        """
        INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                                        event_identifier, payload, payload_type, payload_revision,
                                        meta_data, time_stamp)
        VALUES (:globalIndex, :aggregateId, :sequence, :aggregateType, :eventId, :payload,
                :payloadType, :revision, :metaData, :at)
        """,
        new MapSqlParameterSource("globalIndex", globalIndex)
            .addValue("aggregateId", row.aggregateIdentifier())
            .addValue("sequence", row.sequenceNumber())
            .addValue("aggregateType", row.type())
            .addValue("eventId", row.eventIdentifier())
            .addValue("payload", row.payloadBytes())
            .addValue("payloadType", row.payloadType())
            .addValue("revision", row.payloadRevision())
            .addValue("metaData", row.metaDataBytes())
            .addValue("at", row.timeStamp()));
  }

  /**
   * Writes an {@code audit_event} row as {@code AuditLogProjection} would (not stamped yet: the
   * event stream gives it its position and seals).
   */
  public void index(long globalIndex, UUID orgId, String type, Instant at) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("globalIndex", globalIndex)
            .addValue("type", type)
            .addValue("at", SqlValues.timestamp(at));
    SqlValues.addUuid(params, "orgId", orgId);
    jdbc.update(
        "INSERT INTO audit_event (global_index, org_id, type, occurred_at)"
            + " VALUES (:globalIndex, :orgId, :type, :at)",
        params);
  }
}
