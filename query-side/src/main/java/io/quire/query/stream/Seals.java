package io.quire.query.stream;

import io.micrometer.core.instrument.Timer;
import io.quire.kernel.audit.EventStreamHeadQuery;
import io.quire.kernel.audit.SealCheck;
import io.quire.kernel.audit.SealCheck.BrokenLink;
import io.quire.kernel.audit.SealedHead;
import io.quire.kernel.audit.VerifySealsQuery;
import io.quire.query.stream.Stamper.Head;
import java.util.Arrays;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The seals of the event stream: its head ({@link EventStreamHeadQuery}) and their verification
 * ({@link VerifySealsQuery}).
 *
 * <p>Verification recomputes the seals ({@link SealChain}) from the events as stored and names the
 * first link that does not hold. It reads in pages of {@value #PAGE} by position (or by sequence,
 * for one aggregate), so its memory does not grow with the store.
 *
 * <ul>
 *   <li><b>The whole history</b>: after stamping what has committed, every position from 1 to the
 *       head must be there, in order, each with its event, and each seal must be the hash of the
 *       one before and its event; the last must be the head's. A changed payload, metadata, type or
 *       id, two events swapped, an event deleted (with or without its index row), a position
 *       renumbered or the head moved all break a link. After a broken link the check goes on from
 *       the stored seal, so {@code checked} counts every event and a second break is not blamed on
 *       the first.
 *   <li><b>One aggregate</b>: its events by sequence from the first, none missing, each stream seal
 *       the hash of the one before and its event. A stream checked alone cannot tell that its last
 *       events were deleted; the whole history can.
 * </ul>
 *
 * <p>What a check cannot prove by itself: a history rewritten from the start, seals recomputed. An
 * auditor who wrote down the head ({@code GET /api/v1/admin/events/head/}) proves that too: the
 * chain then no longer reaches that hash at that position.
 */
@Component
public class Seals {

  static final int PAGE = 10_000;

  private final NamedParameterJdbcTemplate jdbc;
  private final EventStream stream;

  public Seals(NamedParameterJdbcTemplate jdbc, EventStream stream) {
    this.jdbc = jdbc;
    this.stream = stream;
  }

  @QueryHandler
  public SealedHead handle(EventStreamHeadQuery query) {
    stream.metrics().headRead();
    Head head = stream.head();
    return new SealedHead(head.position(), SealChain.hex(head.seal()));
  }

  @QueryHandler
  public Optional<SealCheck> handle(VerifySealsQuery query) {
    Timer.Sample started = stream.metrics().start();
    Optional<SealCheck> check =
        query.aggregateId() == null ? Optional.of(wholeHistory()) : aggregate(query.aggregateId());
    check.ifPresent(
        c ->
            stream
                .metrics()
                .verification(started, query.aggregateId() == null, c.firstBroken() == null));
    return check;
  }

  /** The whole history up to the head. */
  public SealCheck wholeHistory() {
    Head head = stream.head();
    Walk walk = new Walk();
    // Pages are ranges of positions, not "the next PAGE rows": positions have no gaps, so a range
    // holds a page, and a range is planned as a range scan of the position index whatever the
    // planner's statistics say (a LIMIT query on a freshly stamped table was planned as a sort of
    // every later row: 6,000 events/s instead of 100,000, docs/performance.md).
    for (long from = 0; from < head.position(); from += PAGE) {
      jdbc.query(
          "SELECT a.position, a.global_index AS sealed_index, a.seal, "
              + StoredEvents.COLUMNS
              + " FROM audit_event a LEFT JOIN domain_event_entry e"
              + " ON e.global_index = a.global_index"
              + " WHERE a.position > :from AND a.position <= :to"
              + " ORDER BY a.position",
          new MapSqlParameterSource("from", from)
              .addValue("to", Math.min(from + PAGE, head.position())),
          rows -> {
            long position = rows.getLong("position");
            long sealedIndex = rows.getLong("sealed_index");
            byte[] stored = rows.getBytes("seal");
            rows.getLong("global_index");
            StoredEvent event = rows.wasNull() ? null : StoredEvents.read(rows);
            walk.next(position, sealedIndex, event, stored);
          });
    }
    walk.end(head);
    return new SealCheck(
        walk.checked, new SealedHead(head.position(), SealChain.hex(head.seal())), walk.broken);
  }

  /** The stream of one aggregate; empty when it has no events. */
  public Optional<SealCheck> aggregate(String aggregateId) {
    stream.catchUp();
    StreamWalk walk = new StreamWalk();
    int read = PAGE;
    while (read == PAGE && !walk.ended) {
      read =
          jdbc.query(
              "SELECT a.global_index AS sealed_index, a.position, a.stream_seal, "
                  + StoredEvents.COLUMNS
                  + " FROM domain_event_entry e LEFT JOIN audit_event a"
                  + " ON a.global_index = e.global_index"
                  + " WHERE e.aggregate_identifier = :id AND e.sequence_number >= :from"
                  + " ORDER BY e.sequence_number LIMIT "
                  + PAGE,
              new MapSqlParameterSource("id", aggregateId).addValue("from", walk.expected),
              rows -> {
                int count = 0;
                while (rows.next() && !walk.ended) {
                  count++;
                  rows.getLong("sealed_index");
                  boolean indexed = !rows.wasNull();
                  long position = rows.getLong("position");
                  boolean stamped = !rows.wasNull();
                  walk.next(
                      StoredEvents.read(rows),
                      indexed,
                      stamped ? position : null,
                      rows.getBytes("stream_seal"));
                }
                return count;
              });
    }
    if (walk.checked == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new SealCheck(
            walk.checked,
            new SealedHead(walk.lastPosition, SealChain.hex(walk.seal)),
            walk.broken));
  }

  private static BrokenLink link(StoredEvent event, String reason) {
    return new BrokenLink(event.globalIndex(), event.aggregateId(), event.sequence() + 1, reason);
  }

  /** One aggregate's check, one event at a time, by sequence. */
  private static final class StreamWalk {
    private final SealChain chain = new SealChain();
    private byte[] seal = SealChain.genesis();
    private long expected;
    private long checked;
    private long lastPosition;
    private boolean ended;
    private BrokenLink broken;

    void next(StoredEvent event, boolean indexed, Long position, byte[] stored) {
      if (indexed && position == null) {
        // Committed after the catch-up: not stamped yet, and nothing after it is either.
        ended = true;
        return;
      }
      checked++;
      if (event.sequence() != expected) {
        breaks(event, "sequence " + (expected + 1) + " is missing: an event was deleted");
      }
      expected = event.sequence() + 1;
      if (!indexed) {
        breaks(event, "the event is not sealed: it was written to the store directly");
        return;
      }
      if (!Arrays.equals(chain.streamSeal(seal, event), stored)) {
        breaks(event, "the stream seal does not match: this event or the one before it changed");
      }
      seal = stored;
      lastPosition = position;
    }

    private void breaks(StoredEvent event, String reason) {
      if (broken == null) {
        broken = link(event, reason);
      }
    }
  }

  /** The whole-history check, one position at a time. */
  private static final class Walk {
    private final SealChain chain = new SealChain();
    private byte[] seal = SealChain.genesis();
    private long expected = 1;
    private long checked;
    private BrokenLink broken;

    void next(long position, long sealedIndex, StoredEvent event, byte[] stored) {
      checked++;
      if (position != expected) {
        breaks(
            event,
            sealedIndex,
            (position - expected == 1
                    ? "position " + expected + " is"
                    : "positions " + expected + " to " + (position - 1) + " are")
                + " missing: the events there were deleted");
      }
      if (event == null) {
        breaks(null, sealedIndex, "the event at position " + position + " was deleted");
      } else if (!Arrays.equals(chain.seal(seal, position, event), stored)) {
        breaks(
            event,
            sealedIndex,
            "the seal does not match: this event, its position or the seal before it changed");
      }
      seal = stored;
      expected = position + 1;
    }

    void end(Head head) {
      if (expected - 1 < head.position()) {
        breaks(
            null,
            null,
            "positions "
                + expected
                + " to "
                + head.position()
                + " are missing: the newest events were deleted");
      } else if (!Arrays.equals(seal, head.seal())) {
        breaks(null, null, "the head's seal is not the last event's: the head was changed");
      }
    }

    private void breaks(StoredEvent event, Long sealedIndex, String reason) {
      if (broken != null) {
        return;
      }
      broken =
          event == null ? new BrokenLink(sealedIndex, null, null, reason) : link(event, reason);
    }
  }
}
