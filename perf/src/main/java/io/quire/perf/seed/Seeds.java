package io.quire.perf.seed;

/** Derived seeds: one well-mixed {@code long} per (seed, parts...), so neighbours differ widely. */
final class Seeds {

  private Seeds() {}

  static long mix(long seed, long... parts) {
    long h = splitMix(seed);
    for (long part : parts) {
      h = splitMix(h ^ part);
    }
    return h;
  }

  /** SplitMix64's finaliser. */
  private static long splitMix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
