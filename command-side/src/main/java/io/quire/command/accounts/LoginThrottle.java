package io.quire.command.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The failed-login policy: after {@code maxFailures} wrong passwords for one username, each less
 * than {@code window} after the one before, token requests for that username are refused until
 * {@code window} has passed since the last failure. A successful login clears the count. Kept in
 * this process's memory.
 */
public final class LoginThrottle {

  private static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final int maxFailures;
  private final Duration window;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock, int maxFailures, Duration window) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** How long the username is still locked out, if it is. */
  public Optional<Duration> lockedFor(String usernameKey) {
    Failures f = failures.get(usernameKey);
    Instant now = clock.instant();
    if (f == null || f.count < maxFailures || !now.isBefore(f.last.plus(window))) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, f.last.plus(window)));
  }

  public void recordFailure(String usernameKey) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_TRACKED) {
      failures.values().removeIf(f -> !now.isBefore(f.last.plus(window)));
    }
    failures.compute(
        usernameKey,
        (key, f) ->
            f == null || !now.isBefore(f.last.plus(window))
                ? new Failures(1, now)
                : new Failures(f.count + 1, now));
  }

  public void recordSuccess(String usernameKey) {
    failures.remove(usernameKey);
  }

  private record Failures(int count, Instant last) {}
}
