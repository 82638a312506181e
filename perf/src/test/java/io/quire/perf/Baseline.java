package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * The trivial endpoint, {@code GET /livez/} (a constant JSON answer, no database), under the same
 * {@link LoadProfile} as the other simulations: the baseline their throughput and latency are
 * stated against. Its budgets only catch a broken setup.
 */
public class Baseline extends Simulation {

  static final Budgets DEFAULT_BUDGETS = new Budgets(10, 20, 5000);

  public Baseline() {
    LoadProfile profile = LoadProfile.fromSystemProperties();
    Budgets budgets = DEFAULT_BUDGETS.overriddenBySystemProperties();
    System.out.printf("Baseline: %s; budgets: %s%n", profile, budgets);
    setUp(
            scenario("Baseline livez")
                .exec(
                    http("livez")
                        .get("/livez/")
                        .check(status().is(200), jmesPath("status").is("ok")))
                .injectClosed(profile.injection()))
        .protocols(profile.protocol())
        .maxDuration(profile.maxDuration())
        .assertions(budgets.assertions());
  }
}
