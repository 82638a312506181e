package io.quire.query.rebuild;

import java.time.Instant;
import java.util.Optional;

/**
 * A read model's state as the projections admin API shows it.
 *
 * @param name the read model's name
 * @param description what it holds
 * @param status {@code running} (kept in each write's transaction, up to date), {@code replaying}
 *     (a rebuild is building a new copy; the current one serves), {@code stopped} (the server
 *     running a rebuild stopped; another takes it over when its claim runs out) or {@code error}
 *     (the last rebuild stopped at an event it could not apply; the current copy serves)
 * @param position the commit position applied: by the copy being built while a rebuild runs, else
 *     by the copy that serves
 * @param head the newest commit position of the event stream
 * @param replay how a running rebuild is doing
 * @param lastError why the last rebuild stopped
 * @param rebuildable whether it can be rebuilt from the events
 * @param notRebuildableReason why not, and what an operator does instead
 * @param rebuiltAt when its last rebuild was swapped in
 */
public record ProjectionStatus(
    String name,
    String description,
    String status,
    long position,
    long head,
    Optional<Replay> replay,
    Optional<LastError> lastError,
    boolean rebuildable,
    Optional<String> notRebuildableReason,
    Optional<Instant> rebuiltAt) {

  /** How far the copy being built is behind the head. */
  public long lag() {
    return Math.max(0, head - position);
  }

  /**
   * A running rebuild's progress.
   *
   * @param progress the share of the head's events applied to the new copy, 0 to 1
   * @param eventsPerSecond events applied per second since it started (or was taken over)
   * @param etaSeconds seconds to the head at that rate, if it has a rate
   * @param startedAt when it started
   * @param resumed how many times a server took it over from one that had stopped
   */
  public record Replay(
      double progress,
      double eventsPerSecond,
      Optional<Long> etaSeconds,
      Instant startedAt,
      int resumed) {}

  /**
   * Why the last rebuild stopped.
   *
   * @param position the commit position of the event it could not apply (or where it stopped)
   * @param globalSequence that event's global sequence, if it is about one event
   * @param message the reason
   */
  public record LastError(long position, Optional<Long> globalSequence, String message) {}
}
