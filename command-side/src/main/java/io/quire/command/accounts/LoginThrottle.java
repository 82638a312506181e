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
 *
 * <p>Attempts being checked count too: an attempt {@link #begin begins} only while the failures so
 * far and the attempts still being checked are fewer than {@code maxFailures}. Without that, many
 * wrong passwords sent at the same moment were all checked before the first failure was recorded
 * (40 at once gave 9 checks instead of 5). An attempt refused for that reason waits a second: the
 * attempts ahead of it are decided within that time.
 */
public final class LoginThrottle {

  private static final int MAX_TRACKED = 100_000;
  private static final Duration WHILE_OTHERS_ARE_CHECKED = Duration.ofSeconds(1);

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

  /** How long the username is still locked out by its failures, if it is. */
  public Optional<Duration> lockedFor(String usernameKey) {
    Failures f = failures.get(usernameKey);
    Instant now = clock.instant();
    return f == null ? Optional.empty() : lockedFor(f, now);
  }

  /**
   * Begins an attempt for the username: empty when it may be checked (then {@link #recordFailure},
   * {@link #recordSuccess} or {@link #abandon} ends it), else how long to wait.
   */
  public Optional<Duration> begin(String usernameKey) {
    Instant now = clock.instant();
    forgetExpired(now);
    Duration[] wait = new Duration[1];
    failures.compute(
        usernameKey,
        (key, f) -> {
          Failures current = f == null ? new Failures(0, now, 0) : current(f, now);
          Optional<Duration> locked = lockedFor(current, now);
          if (locked.isPresent()) {
            wait[0] = locked.get();
            return current;
          }
          if (current.count + current.inFlight >= maxFailures) {
            wait[0] = WHILE_OTHERS_ARE_CHECKED;
            return current;
          }
          return new Failures(current.count, current.last, current.inFlight + 1);
        });
    return Optional.ofNullable(wait[0]);
  }

  public void recordFailure(String usernameKey) {
    Instant now = clock.instant();
    forgetExpired(now);
    failures.compute(
        usernameKey,
        (key, f) -> {
          Failures current = f == null ? new Failures(0, now, 0) : current(f, now);
          return new Failures(current.count + 1, now, Math.max(0, current.inFlight - 1));
        });
  }

  public void recordSuccess(String usernameKey) {
    failures.computeIfPresent(
        usernameKey, (key, f) -> f.inFlight > 1 ? new Failures(0, f.last, f.inFlight - 1) : null);
  }

  /** Ends an attempt that was neither a failure nor a success (the check itself failed). */
  public void abandon(String usernameKey) {
    failures.computeIfPresent(
        usernameKey,
        (key, f) ->
            f.inFlight <= 1 && f.count == 0
                ? null
                : new Failures(f.count, f.last, Math.max(0, f.inFlight - 1)));
  }

  private void forgetExpired(Instant now) {
    if (failures.size() >= MAX_TRACKED) {
      failures.values().removeIf(f -> f.inFlight == 0 && !now.isBefore(f.last.plus(window)));
    }
  }

  /** Failures in a row (the last at {@code last}) and attempts being checked. */
  private record Failures(int count, Instant last, int inFlight) {}

  /** {@code f} with its count started again once a window has passed since its last failure. */
  private Failures current(Failures f, Instant now) {
    return now.isBefore(f.last.plus(window)) ? f : new Failures(0, f.last, f.inFlight);
  }

  private Optional<Duration> lockedFor(Failures f, Instant now) {
    if (f.count < maxFailures || !now.isBefore(f.last.plus(window))) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, f.last.plus(window)));
  }
}
