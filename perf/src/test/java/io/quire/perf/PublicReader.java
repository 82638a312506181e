package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * Anonymous readers of the published articles: list pages, {@code ?q=} searches, {@code ?tag=}
 * filters and article details ({@link ReadMode}), under a closed model ({@link LoadProfile}),
 * judged by {@link Budgets}. Needs a server with seeded articles ({@code
 * io.quire.perf.seed.ArticleSeeder}); see perf/README.md.
 */
public class PublicReader extends Simulation {

  public PublicReader() {
    LoadProfile profile = LoadProfile.fromSystemProperties();
    ReadMode mode = ReadMode.fromSystemProperties();
    Budgets budgets = mode.budgets();
    System.out.printf("PublicReader, reads=%s: %s; budgets: %s%n", mode, profile, budgets);
    setUp(
            scenario("PublicReader " + mode)
                .exec(mode.visit(profile))
                .injectClosed(profile.injection()))
        .protocols(profile.protocol())
        .maxDuration(profile.maxDuration())
        .assertions(budgets.assertions());
  }
}
