package io.quire.command.accounts;

import java.time.Duration;

/** Token requests for a username are refused for a while after repeated failures. */
public class TooManyLoginAttemptsException extends RuntimeException {
  private final Duration retryAfter;

  public TooManyLoginAttemptsException(Duration retryAfter) {
    super("Too many failed logins for this username; try again later.");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
