package io.quire.query.stream;

import io.quire.query.sql.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives committed events their commit positions and seals, on a JDBC connection whose transaction
 * the caller owns (autocommit off): {@link #lockHead} takes the one row of {@code
 * event_stream_head} (so there is one stamper at a time, across servers), {@link #stampBatch}
 * stamps the oldest unstamped events, {@link #saveHead} records the new head. The caller commits.
 *
 * <p>Why this is exact: a position is given only to an event this transaction can see, that is, one
 * whose own transaction has committed, and positions are handed out under the lock, so the
 * positions of one stamping become visible together, after every earlier stamping's (the lock is
 * released at commit). A reader that sees position n therefore sees every position below it, and an
 * event that commits later, however late, gets a position above every one already handed out. A
 * write that rolls back leaves no row, so it holds nobody up. Per aggregate, an event's predecessor
 * committed before it took its global index, so the predecessor is stamped first (or earlier in the
 * same batch, which goes by global index): each stream seal follows its predecessor's.
 *
 * <p>Used by the running server ({@link EventStream}) and by the migration that stamps the events
 * stored before positions existed ({@link EventStreamBackfill}). Not thread-safe.
 */
public final class Stamper {

  /** The newest position and its seal. */
  public record Head(long position, byte[] seal) {}

  /**
   * What one batch did: the new head, how many events it stamped, and the highest global index
   * among them (where the next batch of the same transaction goes on from).
   */
  public record Batch(Head head, int stamped, long lastGlobalIndex) {}

  private static final String LOCK_HEAD =
      "SELECT position, seal FROM event_stream_head WHERE id = 1 FOR UPDATE";

  private static final String UNSTAMPED =
      "SELECT "
          + StoredEvents.COLUMNS
          + " FROM audit_event a JOIN domain_event_entry e ON e.global_index = a.global_index"
          + " WHERE a.position IS NULL AND a.global_index > ? ORDER BY a.global_index LIMIT ?";

  private static final String STAMP =
      "UPDATE audit_event SET position = ?, seal = ?, stream_seal = ? WHERE global_index = ?";

  /** How long PostgreSQL lets a stamper's transaction sit idle before it ends the session. */
  public static final Duration IDLE_LIMIT = Duration.ofSeconds(5);

  private final SealChain chain = new SealChain();

  /**
   * Sets the stamping transaction's time limits, on PostgreSQL (call first in the transaction): it
   * waits at most {@code lockWait} for the lock, and the database ends its session when it sits
   * idle for {@link #IDLE_LIMIT} or runs a statement for 30 seconds, so that a stamper whose server
   * is paused or cut off while it holds the lock gives it up, its stamping rolled back. (On H2 one
   * process owns the database, and {@link EventStream}'s in-process lock keeps its stampers apart.)
   */
  public static void limitWaits(Connection connection, Duration lockWait) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    if (SqlDialect.ofProductName(product) != SqlDialect.POSTGRESQL) {
      return;
    }
    try (PreparedStatement limits =
        connection.prepareStatement(
            "SELECT set_config('lock_timeout', ?, true),"
                + " set_config('idle_in_transaction_session_timeout', ?, true),"
                + " set_config('statement_timeout', '30s', true)")) {
      limits.setString(1, lockWait.toMillis() + "ms");
      limits.setString(2, IDLE_LIMIT.toMillis() + "ms");
      limits.executeQuery().close();
    }
  }

  /**
   * Takes the stamper's lock and reads the head. With {@code skipIfBusy}, answers empty at once if
   * another transaction holds it; otherwise waits for it (as long as the database's lock timeout).
   */
  public static Optional<Head> lockHead(Connection connection, boolean skipIfBusy)
      throws SQLException {
    try (PreparedStatement lock =
            connection.prepareStatement(skipIfBusy ? LOCK_HEAD + " SKIP LOCKED" : LOCK_HEAD);
        ResultSet row = lock.executeQuery()) {
      if (!row.next()) {
        if (skipIfBusy) {
          return Optional.empty();
        }
        throw new IllegalStateException("event_stream_head has no row: migration V16 missing?");
      }
      return Optional.of(new Head(row.getLong("position"), row.getBytes("seal")));
    }
  }

  /** Records {@code head} as the newest position and seal. */
  public static void saveHead(Connection connection, Head head) throws SQLException {
    try (PreparedStatement save =
        connection.prepareStatement(
            "UPDATE event_stream_head SET position = ?, seal = ? WHERE id = 1")) {
      save.setLong(1, head.position());
      save.setBytes(2, head.seal());
      save.executeUpdate();
    }
  }

  /**
   * Stamps at most {@code limit} committed, unstamped events with a global index above {@code
   * afterGlobalIndex}, lowest first, after {@code head}. Hold the lock. A transaction that stamps
   * in several batches passes each batch's {@link Batch#lastGlobalIndex()} to the next, so no batch
   * reads past the rows the earlier ones stamped (their old row versions stay in the queue's index
   * until the transaction ends, and rereading them made a long backfill slower with every batch).
   * An event below that index which commits meanwhile is stamped by the next transaction.
   */
  public Batch stampBatch(Connection connection, Head head, long afterGlobalIndex, int limit)
      throws SQLException {
    List<StoredEvent> events = unstamped(connection, afterGlobalIndex, limit);
    if (events.isEmpty()) {
      return new Batch(head, 0, afterGlobalIndex);
    }
    Map<String, byte[]> previousStreamSeals = previousStreamSeals(connection, events);
    long position = head.position();
    byte[] seal = head.seal();
    try (PreparedStatement stamp = connection.prepareStatement(STAMP)) {
      for (StoredEvent event : events) {
        position++;
        seal = chain.seal(seal, position, event);
        byte[] previousStream =
            event.sequence() == 0
                ? SealChain.genesis()
                : previousStreamSeals.getOrDefault(key(event), SealChain.genesis());
        byte[] streamSeal = chain.streamSeal(previousStream, event);
        previousStreamSeals.put(event.aggregateId() + "#" + event.sequence(), streamSeal);
        stamp.setLong(1, position);
        stamp.setBytes(2, seal);
        stamp.setBytes(3, streamSeal);
        stamp.setLong(4, event.globalIndex());
        stamp.addBatch();
      }
      stamp.executeBatch();
    }
    return new Batch(
        new Head(position, seal), events.size(), events.get(events.size() - 1).globalIndex());
  }

  private static List<StoredEvent> unstamped(Connection connection, long after, int limit)
      throws SQLException {
    List<StoredEvent> events = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(UNSTAMPED)) {
      select.setLong(1, after);
      select.setInt(2, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(StoredEvents.read(rows));
        }
      }
    }
    return events;
  }

  /**
   * The stream seals of the events just before the batch's events in their aggregates, keyed by
   * {@code aggregateId#sequence}, read in one statement; those inside the batch are filled in as it
   * is stamped.
   */
  static Map<String, byte[]> previousStreamSeals(Connection connection, List<StoredEvent> events)
      throws SQLException {
    Map<String, byte[]> seals = new HashMap<>();
    List<StoredEvent> outside = new ArrayList<>();
    Set<String> inBatch = new HashSet<>();
    for (StoredEvent event : events) {
      if (event.sequence() > 0 && !inBatch.contains(key(event))) {
        outside.add(event);
      }
      inBatch.add(event.aggregateId() + "#" + event.sequence());
    }
    if (outside.isEmpty()) {
      return seals;
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT e.aggregate_identifier, e.sequence_number, a.stream_seal"
                + " FROM domain_event_entry e JOIN audit_event a ON a.global_index = e.global_index"
                + " WHERE (e.aggregate_identifier, e.sequence_number) IN (");
    for (int i = 0; i < outside.size(); i++) {
      sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
    }
    sql.append(')');
    try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
      int parameter = 1;
      for (StoredEvent event : outside) {
        select.setString(parameter++, event.aggregateId());
        select.setLong(parameter++, event.sequence() - 1);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          byte[] streamSeal = rows.getBytes("stream_seal");
          if (streamSeal != null) {
            seals.put(
                rows.getString("aggregate_identifier") + "#" + rows.getLong("sequence_number"),
                streamSeal);
          }
        }
      }
    }
    return seals;
  }

  /** The key of the event before {@code event} in its aggregate. */
  static String key(StoredEvent event) {
    return event.aggregateId() + "#" + (event.sequence() - 1);
  }
}
