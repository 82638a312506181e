package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and how hard a simulation runs, from system properties (all optional):
 *
 * <ul>
 *   <li>{@code quire.baseUrl}: the running server (default {@code http://127.0.0.1:8080});
 *   <li>{@code quire.users}: concurrent virtual users, a closed model (default 16);
 *   <li>{@code quire.ramp}: seconds to ramp from 0 to that many users (default 5);
 *   <li>{@code quire.duration}: seconds at full concurrency after the ramp (default 60).
 * </ul>
 *
 * <p>Every simulation shares one pool of connections ({@link #protocol()}), so {@code quire.users}
 * users keep that many keep-alive connections busy, as a benchmark tool's connections do.
 */
record LoadProfile(String baseUrl, int users, Duration ramp, Duration duration) {

  static LoadProfile fromSystemProperties() {
    return new LoadProfile(
        stripTrailingSlash(System.getProperty("quire.baseUrl", "http://127.0.0.1:8080")),
        Integer.getInteger("quire.users", 16),
        Duration.ofSeconds(Long.getLong("quire.ramp", 5)),
        Duration.ofSeconds(Long.getLong("quire.duration", 60)));
  }

  /** Ramp to {@link #users} concurrent users, then hold them for {@link #duration}. */
  ClosedInjectionStep[] injection() {
    List<ClosedInjectionStep> steps = new ArrayList<>();
    if (!ramp.isZero()) {
      steps.add(rampConcurrentUsers(0).to(users).during(ramp));
    }
    steps.add(constantConcurrentUsers(users).during(duration));
    return steps.toArray(ClosedInjectionStep[]::new);
  }

  /**
   * An open model instead: {@code visitsPerSecond} new visits each second (ramped up over {@link
   * #ramp}), whatever the server's speed, for {@link #duration}.
   */
  OpenInjectionStep[] openInjection(double visitsPerSecond) {
    List<OpenInjectionStep> steps = new ArrayList<>();
    if (!ramp.isZero()) {
      steps.add(rampUsersPerSec(0).to(visitsPerSecond).during(ramp));
    }
    steps.add(constantUsersPerSec(visitsPerSecond).during(duration));
    return steps.toArray(OpenInjectionStep[]::new);
  }

  /** A hard stop well after the planned end, so a stuck server cannot hang the run. */
  Duration maxDuration() {
    return ramp.plus(duration).plusSeconds(60);
  }

  /** JSON over shared keep-alive connections; warms up on {@code /livez/}, never elsewhere. */
  HttpProtocolBuilder protocol() {
    return http.baseUrl(baseUrl)
        .acceptHeader("application/json")
        .shareConnections()
        .disableCaching()
        .warmUp(baseUrl + "/livez/");
  }

  @Override
  public String toString() {
    return String.format(
        "%d users (closed model), ramp %d s, %d s at full load, against %s",
        users, ramp.toSeconds(), duration.toSeconds(), baseUrl);
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
