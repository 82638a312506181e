package io.quire.perf.seed;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts finished units of work (articles, tasks) and the events they wrote, and prints a line
 * every {@value #EVERY} units and at the end. The line names the rate of events too once any were
 * counted.
 */
final class Progress {

  static final int EVERY = 1_000;

  private final int total;
  private final String noun;
  private final String verb;
  private final PrintStream out;
  private final long started = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong events = new AtomicLong();

  /** {@code noun} names the units ("articles"), {@code verb} what became of them ("written"). */
  Progress(int total, String noun, String verb, PrintStream out) {
    this.total = total;
    this.noun = noun;
    this.verb = verb;
    this.out = out;
  }

  void oneDone() {
    oneDone(0);
  }

  /** One more unit finished, which wrote {@code written} events. */
  void oneDone(long written) {
    long eventsNow = events.addAndGet(written);
    int now = done.incrementAndGet();
    if (now % EVERY == 0 || now == total) {
      double seconds = seconds();
      String eventRate =
          eventsNow == 0
              ? ""
              : String.format(Locale.ROOT, ", %,.0f events/s", eventsNow / Math.max(seconds, 1e-3));
      out.printf(
          Locale.ROOT,
          "  %,d / %,d %s %s (%.0f s, %.0f %s/s%s)%n",
          now,
          total,
          noun,
          verb,
          seconds,
          now / Math.max(seconds, 1e-3),
          noun,
          eventRate);
    }
  }

  /** Units finished so far. */
  int done() {
    return done.get();
  }

  /** Events the finished units wrote. */
  long events() {
    return events.get();
  }

  /** Seconds since this progress was created. */
  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
