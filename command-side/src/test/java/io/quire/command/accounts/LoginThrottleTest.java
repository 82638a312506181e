package io.quire.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(15));

  @Test
  void aUsernameIsLockedOutAfterTheMaximumOfFailures() {
    throttle.recordFailure("alice");
    throttle.recordFailure("alice");
    assertThat(throttle.lockedFor("alice")).isEmpty();

    throttle.recordFailure("alice");

    assertThat(throttle.lockedFor("alice")).contains(Duration.ofMinutes(15));
    assertThat(throttle.lockedFor("bob")).isEmpty();
  }

  @Test
  void theLockOutEndsAWindowAfterTheLastFailure() {
    failTimes("alice", 3);
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.lockedFor("alice")).contains(Duration.ofMinutes(5));

    clock.advance(Duration.ofMinutes(5));

    assertThat(throttle.lockedFor("alice")).isEmpty();
    throttle.recordFailure("alice");
    assertThat(throttle.lockedFor("alice")).as("the count started again").isEmpty();
  }

  @Test
  void failuresFarApartNeverLockOut() {
    for (int i = 0; i < 10; i++) {
      throttle.recordFailure("alice");
      clock.advance(Duration.ofMinutes(16));
    }
    assertThat(throttle.lockedFor("alice")).isEmpty();
  }

  @Test
  void aSuccessfulLoginClearsTheCount() {
    failTimes("alice", 2);
    throttle.recordSuccess("alice");
    failTimes("alice", 2);

    assertThat(throttle.lockedFor("alice")).isEmpty();
  }

  @Test
  void attemptsBeingCheckedCountAgainstTheFailuresLeft() {
    throttle.recordFailure("alice");

    assertThat(throttle.begin("alice")).isEmpty();
    assertThat(throttle.begin("alice")).isEmpty();
    assertThat(throttle.begin("alice")).as("two checks in flight, one failure").isPresent();
    assertThat(throttle.begin("bob")).isEmpty();
  }

  @Test
  void concurrentWrongPasswordsAreCheckedNoMoreOftenThanTheLimit() throws Exception {
    int attempts = 40;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger checked = new AtomicInteger();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  if (throttle.begin("alice").isEmpty()) {
                    checked.incrementAndGet();
                    throttle.recordFailure("alice");
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(checked).hasValue(3);
    assertThat(throttle.lockedFor("alice")).contains(Duration.ofMinutes(15));
  }

  @Test
  void aSuccessWhileOthersAreCheckedClearsTheFailuresButNotTheirAttempts() {
    throttle.recordFailure("alice");
    throttle.begin("alice");
    throttle.begin("alice");

    throttle.recordSuccess("alice");

    assertThat(throttle.begin("alice")).as("one in flight, no failures").isEmpty();
    assertThat(throttle.begin("alice")).isEmpty();
    assertThat(throttle.begin("alice")).isPresent();
  }

  @Test
  void anAbandonedAttemptGivesItsPlaceBack() {
    throttle.begin("alice");
    throttle.begin("alice");
    throttle.begin("alice");
    assertThat(throttle.begin("alice")).isPresent();

    throttle.abandon("alice");

    assertThat(throttle.begin("alice")).isEmpty();
    assertThat(throttle.lockedFor("alice")).isEmpty();
  }

  private void failTimes(String username, int times) {
    for (int i = 0; i < times; i++) {
      throttle.recordFailure(username);
    }
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
