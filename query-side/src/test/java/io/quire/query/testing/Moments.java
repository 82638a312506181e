package io.quire.query.testing;

import java.time.Duration;
import java.time.Instant;

/** Deterministic, increasing times for events: one minute apart from a fixed start. */
public final class Moments {

  private Instant next;

  public Moments(Instant start) {
    this.next = start;
  }

  /** The next moment. */
  public Instant next() {
    Instant moment = next;
    next = next.plus(Duration.ofMinutes(1));
    return moment;
  }

  /** The moment {@link #next()} will answer, without taking it. */
  public Instant peek() {
    return next;
  }
}
