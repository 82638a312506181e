package io.quire.perf.seed;

/** The seeder cannot go on: the server answered something unexpected, or is unreachable. */
final class SeedFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SeedFailure(String message) {
    super(message);
  }

  SeedFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
