package io.quire.api.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that starts at a fixed instant and moves one millisecond forward each time it is read:
 * deterministic in every test that runs alone, and strictly increasing, so things a test makes one
 * after the other have distinct, ordered timestamps (list orderings and {@code as_of} depend on
 * it).
 */
public final class TickingClock extends Clock {

  private final AtomicLong millis;

  public TickingClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.getAndIncrement());
  }

  @Override
  public long millis() {
    return millis.getAndIncrement();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("Quire reads time in UTC only");
  }
}
