package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;

/**
 * The trivial endpoint, {@code GET /livez/} (a constant JSON answer, no database), under the same
 * {@link LoadProfile} as the other simulations: the baseline their throughput and latency are
 * stated against. It is the reference, so its only budget is the one every simulation has: failed
 * requests below 0.1%.
 */
public class Baseline extends Simulation {

  public Baseline() {
    LoadProfile profile = LoadProfile.fromSystemProperties();
    Budgets budgets = new Budgets(Baselines.NONE);
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
