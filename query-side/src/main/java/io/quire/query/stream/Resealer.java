package io.quire.query.stream;

import io.quire.query.stream.Stamper.Head;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Computes the seals again from a commit position on, keeping every position: for a migration that
 * rewrites stored events in place (V25 sealed the personal data of events stored before it), after
 * which the old seals no longer match the stored bytes. Each event's seal and stream seal are
 * computed exactly as {@link Stamper} computes them, in position order, in batches of {@value
 * #BATCH}; the head keeps its position and takes the new seal. Run it in one transaction, holding
 * the head's lock ({@link Stamper#lockHead}); its memory does not grow with the store.
 */
public final class Resealer {

  private static final int BATCH = 1000;

  private static final String FROM =
      "SELECT "
          + StoredEvents.COLUMNS
          + ", a.position FROM audit_event a JOIN domain_event_entry e"
          + " ON e.global_index = a.global_index"
          + " WHERE a.position >= ? ORDER BY a.position LIMIT ?";

  private static final String SEAL =
      "UPDATE audit_event SET seal = ?, stream_seal = ? WHERE global_index = ?";

  private final SealChain chain = new SealChain();

  /**
   * Seals every stamped event at {@code from} or after it again, after the unchanged seal at {@code
   * from - 1}, and records the new head; {@code progress} hears the positions done so far.
   */
  public Head resealFrom(Connection connection, Head head, long from, LongConsumer progress)
      throws SQLException {
    byte[] seal = from <= 1 ? SealChain.genesis() : sealAt(connection, from - 1);
    long next = from;
    long last = from - 1;
    List<StoredEvent> events;
    do {
      events = batch(connection, next);
      if (events.isEmpty()) {
        break;
      }
      Map<String, byte[]> previousStreamSeals = Stamper.previousStreamSeals(connection, events);
      try (PreparedStatement update = connection.prepareStatement(SEAL)) {
        for (StoredEvent event : events) {
          last = next++;
          seal = chain.seal(seal, last, event);
          byte[] previousStream =
              event.sequence() == 0
                  ? SealChain.genesis()
                  : previousStreamSeals.getOrDefault(Stamper.key(event), SealChain.genesis());
          byte[] streamSeal = chain.streamSeal(previousStream, event);
          previousStreamSeals.put(event.aggregateId() + "#" + event.sequence(), streamSeal);
          update.setBytes(1, seal);
          update.setBytes(2, streamSeal);
          update.setLong(3, event.globalIndex());
          update.addBatch();
        }
        update.executeBatch();
      }
      progress.accept(last);
    } while (events.size() == BATCH);
    if (last != head.position()) {
      throw new IllegalStateException(
          "Resealed up to position " + last + ", but the head is at " + head.position());
    }
    Head resealed = new Head(head.position(), seal);
    Stamper.saveHead(connection, resealed);
    return resealed;
  }

  private static byte[] sealAt(Connection connection, long position) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT seal FROM audit_event WHERE position = ?")) {
      select.setLong(1, position);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("No event at position " + position);
        }
        return row.getBytes(1);
      }
    }
  }

  private static List<StoredEvent> batch(Connection connection, long from) throws SQLException {
    List<StoredEvent> events = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(FROM)) {
      select.setLong(1, from);
      select.setInt(2, BATCH);
      try (ResultSet rows = select.executeQuery()) {
        long expected = from;
        while (rows.next()) {
          if (rows.getLong("position") != expected++) {
            throw new IllegalStateException(
                "The stream has a gap before position " + (expected - 1));
          }
          events.add(StoredEvents.read(rows));
        }
      }
    }
    return events;
  }
}
