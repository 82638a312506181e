package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.Locale;

/**
 * Org members writing tasks ({@link TaskWrites}: create, update status, reassign, each read back at
 * once). {@code -Dquire.writes=} chooses the load and so the budgets:
 *
 * <ul>
 *   <li>{@code closed} (default): {@code quire.users} (16) users as fast as they can; budget:
 *       writes/s at least 50% of the stack floor append's requests/s, p95 of each write at most
 *       twice the floor append's p95;
 *   <li>{@code open}: new visits at a constant rate of half that budget (25% of the floor append's
 *       requests/s, in writes/s); budget: p95 of each write at most 25 ms, p99 50 ms. {@code
 *       -Dquire.openVisitsPerSecond=} runs another rate instead (three writes a visit), to see the
 *       latency where the server keeps up.
 * </ul>
 *
 * <p>Both: projection lag p95 at most 50 ms, and no stale read back (a failed request).
 */
public class Writer extends Simulation {

  static final double WRITES_SHARE_OF_FLOOR = 0.50;

  enum Load {
    CLOSED,
    OPEN
  }

  public Writer() {
    LoadProfile profile = LoadProfile.fromSystemProperties();
    Load load = Load.valueOf(System.getProperty("quire.writes", "closed").toUpperCase(Locale.ROOT));
    Baselines baselines = Baselines.fromSystemProperties(Baselines.Needs.APPEND);
    Budgets budgets = new Budgets(baselines);
    ScenarioBuilder writer =
        scenario("Writer " + load)
            .feed(listFeeder(SeededMembers.signIn(profile.baseUrl())).circular())
            .exec(TaskWrites.createUpdateReassign());
    PopulationBuilder population;
    if (load == Load.CLOSED) {
      TaskWrites.WRITES.forEach(
          w ->
              budgets
                  .writesOfFloorAppend(w, WRITES_SHARE_OF_FLOOR, TaskWrites.WRITES.size())
                  .latencyOfFloorAppend(w, 2));
      population = writer.injectClosed(profile.injection());
    } else {
      double writesPerSecond = WRITES_SHARE_OF_FLOOR / 2 * baselines.append().requestsPerSecond();
      double budgetRate = writesPerSecond / TaskWrites.WRITES.size();
      // quire.openVisitsPerSecond: another rate, to see the latency at a rate the server can
      // serve (a diagnosis, not the budget's rate; docs/performance.md says which was run).
      double visitsPerSecond =
          Budgets.smoke()
              ? profile.users()
              : Double.parseDouble(
                  System.getProperty("quire.openVisitsPerSecond", Double.toString(budgetRate)));
      TaskWrites.WRITES.forEach(w -> budgets.latencyAtMost(25, w));
      population = writer.injectOpen(profile.openInjection(visitsPerSecond));
      System.out.printf(Locale.ROOT, "Writer, open: %.1f visits/s%n", visitsPerSecond);
    }
    budgets.latencyAtMost(50, TaskWrites.LAG);
    System.out.printf("Writer, writes=%s: %s; %s%n", load, profile, budgets);
    setUp(population)
        .protocols(profile.protocol())
        .maxDuration(profile.maxDuration())
        .assertions(budgets.assertions());
  }
}
