package io.quire.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The event store read in commit order, a range of commit positions at a time, each event upcast to
 * its current revision and deserialized as Axon's own readers do ({@link EventStreamUtils}), so a
 * rebuild's handlers see exactly the messages they see live.
 *
 * <p>A page is a range of positions, not a {@code LIMIT}: positions are dense, and a range is
 * planned as a range scan of the position index whatever the table's statistics say.
 */
final class HistoryPages {

  /** An event at its commit position. */
  record PositionedEvent(long position, long globalIndex, DomainEventMessage<?> message) {}

  private static final String PAGE =
      "SELECT a.position, e.global_index, e.event_identifier, e.type, e.aggregate_identifier,"
          + " e.sequence_number, e.payload_type, e.payload_revision, e.payload, e.meta_data,"
          + " e.time_stamp"
          + " FROM audit_event a JOIN domain_event_entry e ON e.global_index = a.global_index"
          + " WHERE a.position > ? AND a.position <= ? ORDER BY a.position";

  private final Serializer serializer;
  private final EventUpcaster upcasters;

  HistoryPages(Serializer serializer, EventUpcaster upcasters) {
    this.serializer = serializer;
    this.upcasters = upcasters;
  }

  /** The events at positions after {@code after} up to {@code upTo}, in position order. */
  List<PositionedEvent> read(Connection connection, long after, long upTo) throws SQLException {
    List<PositionedEvent> events = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(PAGE)) {
      select.setFetchSize(1000);
      select.setLong(1, after);
      select.setLong(2, upTo);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          long position = row.getLong(1);
          long globalIndex = row.getLong(2);
          GenericDomainEventEntry<byte[]> entry =
              new GenericDomainEventEntry<>(
                  row.getString(4),
                  row.getString(5),
                  row.getLong(6),
                  row.getString(3),
                  row.getString(11),
                  row.getString(7),
                  row.getString(8),
                  row.getBytes(9),
                  row.getBytes(10));
          try {
            EventStreamUtils.asStream(
                    EventStreamUtils.upcastAndDeserializeDomainEvents(
                        Stream.of(entry), serializer, upcasters))
                .forEach(
                    message -> {
                      // Deserialized here, not when a handler first asks: on the thread that
                      // reads ahead (ReadAhead), while the rebuild applies the page before.
                      message.getPayload();
                      message.getMetaData();
                      events.add(new PositionedEvent(position, globalIndex, message));
                    });
          } catch (RuntimeException unreadable) {
            throw new UnreadableEventException(position, globalIndex, unreadable);
          }
        }
      }
    }
    return events;
  }

  /** A stored event that cannot be upcast or deserialized. */
  static final class UnreadableEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long position;
    final long globalIndex;

    UnreadableEventException(long position, long globalIndex, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.position = position;
      this.globalIndex = globalIndex;
    }
  }
}
