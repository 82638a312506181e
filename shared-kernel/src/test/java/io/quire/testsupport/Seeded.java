package io.quire.testsupport;

import org.quicktheories.QuickTheory;

/**
 * QuickTheories with the build's test seed, so a property run is reproducible: a falsified property
 * prints its seed, and {@code -Dtest.seed=<seed>} (or {@code -DQT_SEED=<seed>} for QuickTheories
 * alone) replays it.
 */
public final class Seeded {

  private Seeded() {}

  /** The seed of this test run ({@code quire.test.seed}), or one made now if none is set. */
  public static long seed() {
    String qt = System.getProperty("QT_SEED");
    if (qt != null) {
      return Long.parseLong(qt);
    }
    return Long.getLong("quire.test.seed", System.nanoTime());
  }

  /** A QuickTheory seeded with this run's seed. */
  public static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(seed());
  }
}
