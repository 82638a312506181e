package io.quire.api.fuzz;

import java.util.List;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Choices drawn from QuickTheories' randomness, so that a generated request is reproducible from
 * the run's seed and shrinks like any generated value.
 */
final class Dice {

  private final RandomnessSource source;

  Dice(RandomnessSource source) {
    this.source = source;
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  long between(long min, long max) {
    return source.next(Constraint.between(min, max));
  }

  /** A number from 0 to {@code n - 1}. */
  int below(int n) {
    return (int) between(0, n - 1);
  }

  /** True about once in {@code n} throws. */
  boolean oneIn(int n) {
    return below(n) == 0;
  }

  <T> T pick(List<T> choices) {
    return choices.get(below(choices.size()));
  }
}
