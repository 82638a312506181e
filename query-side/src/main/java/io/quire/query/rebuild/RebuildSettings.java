package io.quire.query.rebuild;

import java.time.Duration;

/**
 * How rebuilds run ({@code quire.projections.rebuild.*}).
 *
 * @param batch commit positions applied to the new copy per transaction
 * @param pause a pause between batches, to spare a busy database (none by default)
 * @param lease how long a server's claim on a rebuild lasts without being renewed: a rebuild whose
 *     server stopped is taken over this long after it stopped
 * @param watch how often each server renews its claims and looks for rebuilds to take over
 * @param cutOverWithin how close to the head the new copy must be before the cut-over is tried
 * @param cutOverLockWait how long the cut-over waits for the live tables' locks before it lets go
 *     and tries again (kept below PostgreSQL's {@code deadlock_timeout}, 1 s by default, so a
 *     request never loses a deadlock to a cut-over)
 * @param progressLog how often a running rebuild logs its progress
 */
public record RebuildSettings(
    int batch,
    Duration pause,
    Duration lease,
    Duration watch,
    int cutOverWithin,
    Duration cutOverLockWait,
    Duration progressLog) {

  /** The defaults. */
  public static RebuildSettings defaults() {
    return new RebuildSettings(
        5_000,
        Duration.ZERO,
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        1_000,
        Duration.ofMillis(400),
        Duration.ofSeconds(5));
  }
}
