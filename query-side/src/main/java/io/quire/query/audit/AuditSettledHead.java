package io.quire.query.audit;

import java.util.PrimitiveIterator;
import java.util.stream.LongStream;

/**
 * How far the audit log may be read without skipping an event that has yet to commit.
 *
 * <p>Global indexes are handed out when a transaction appends its events and become visible when it
 * commits, so commits can land out of order: index 11 may be visible while 10 is still being
 * written. A reader that served 11 and told the client to go on after 11 would never show 10.
 * Missing indexes are either such events in flight or events whose transaction rolled back (a lost
 * race, a refused write): they are told apart by time, as Axon's own tracking tokens do. A missing
 * index is <em>settled</em> once the event after it was recorded longer ago than the settle time
 * (60 seconds unless configured, as Axon's own gap timeout): a transaction that had taken its index
 * before that event's has committed or rolled back by then. Quire's write transactions last
 * milliseconds.
 *
 * <p>The head is the highest index up to which every index is visible or settled: all indexes up to
 * the last event recorded before the settle time ({@code lastSettled}), then every index that
 * follows it without a gap among the events recorded since ({@code recent}, ascending). A page
 * never goes past the head, so a client that goes on from a page's {@code next_after} never misses
 * an event; a reader behind an unsettled gap gets a shorter page, and the rest on a later read.
 */
public final class AuditSettledHead {

  private AuditSettledHead() {}

  /**
   * The head, given the last index recorded before the settle time (0 if none) and the indexes
   * above it in ascending order.
   */
  public static long of(long lastSettled, LongStream recent) {
    long head = lastSettled;
    PrimitiveIterator.OfLong indexes = recent.iterator();
    while (indexes.hasNext()) {
      long index = indexes.nextLong();
      if (index != head + 1) {
        break;
      }
      head = index;
    }
    return head;
  }
}
