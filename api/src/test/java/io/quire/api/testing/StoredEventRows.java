package io.quire.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.query.events.StoredEventReader;
import io.quire.query.stream.StoredEvents;
import io.quire.testsupport.StoredEventFixtures.Row;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Inserts committed fixture rows ({@code StoredEventFixtures}) into {@code domain_event_entry}
 * exactly as they were stored (payload, revision, metadata, identifiers, timestamp), each at a new
 * global index from Axon's sequence, in the fixture's order: events stored by an older version of
 * the server. Nothing else is written: no read model, no audit index (apply the events to the
 * projections for those).
 */
public final class StoredEventRows {

  private StoredEventRows() {}

  /**
   * Inserts the rows; answers the global index each got, in order. Other writers take indexes from
   * the same sequence meanwhile, so these need not be consecutive: select the rows by these
   * indexes.
   */
  public static List<Long> insertAsStored(JdbcTemplate jdbc, List<Row> rows) {
    List<Long> indexes = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Long index = jdbc.queryForObject("SELECT nextval('domain_event_entry_seq')", Long.class);
      jdbc.update(
          """
          INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number,
                                          type, event_identifier, payload, payload_type,
                                          payload_revision, meta_data, time_stamp)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
          index,
          row.aggregateIdentifier(),
          row.sequenceNumber(),
          row.type(),
          row.eventIdentifier(),
          row.payloadBytes(),
          row.payloadType(),
          row.payloadRevision(),
          row.metaDataBytes(),
          row.timeStamp());
      indexes.add(index);
    }
    return List.copyOf(indexes);
  }

  /**
   * Reads the stored rows back as the event store's readers do ({@link StoredEventReader}: upcast,
   * then deserialized) and hands each, in order, to every processing group that handles it, as the
   * subscribing processors hand a new event: the read models and the audit index are built from
   * revision-1 events one at a time.
   */
  public static void applyToEveryProjection(
      JdbcTemplate jdbc,
      StoredEventReader reader,
      org.axonframework.config.Configuration axon,
      List<Long> indexes) {
    List<GenericTrackedDomainEventMessage<?>> events =
        reader.read(
            new NamedParameterJdbcTemplate(jdbc)
                .query(
                    "SELECT "
                        + StoredEvents.COLUMNS
                        + " FROM domain_event_entry e WHERE e.global_index IN (:indexes)"
                        + " ORDER BY e.global_index",
                    new MapSqlParameterSource("indexes", indexes),
                    (row, n) -> StoredEvents.read(row)));
    assertThat(events).hasSameSizeAs(indexes);
    for (GenericTrackedDomainEventMessage<?> event : events) {
      for (EventProcessor processor :
          axon.eventProcessingConfiguration().eventProcessors().values()) {
        EventHandlerInvoker invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
        if (invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
          ResultMessage<?> handled =
              DefaultUnitOfWork.startAndGet(event)
                  .executeWithResult(
                      () -> {
                        invoker.handle(event, Segment.ROOT_SEGMENT);
                        return null;
                      });
          if (handled.isExceptional()) {
            throw new IllegalStateException(
                processor.getName() + " failed on " + event.getPayloadType(),
                handled.exceptionResult());
          }
        }
      }
    }
  }
}
