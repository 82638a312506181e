package io.quire.perf.seed;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts finished articles and prints a line every {@value #EVERY} and at the end. */
final class Progress {

  static final int EVERY = 1_000;

  private final int total;
  private final PrintStream out;
  private final long started = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();

  Progress(int total, PrintStream out) {
    this.total = total;
    this.out = out;
  }

  void oneDone() {
    int now = done.incrementAndGet();
    if (now % EVERY == 0 || now == total) {
      double seconds = (System.nanoTime() - started) / 1e9;
      out.printf(
          Locale.ROOT,
          "  %,d / %,d articles written and published (%.0f s, %.0f articles/s)%n",
          now,
          total,
          seconds,
          now / Math.max(seconds, 1e-3));
    }
  }
}
