package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A simulation's performance budgets, each a Gatling assertion: a breach fails the run (Gatling
 * exits non-zero, and so does {@code BudgetRun} or Maven). The budgets (docs/performance.md,
 * "Budgets"; issue 19) are ratios to the stack floor measured in the same run ({@link Baselines}),
 * turned into absolute limits here:
 *
 * <ul>
 *   <li>reads: requests/s at least a share of the floor read's (80% for a detail, 60% for a list
 *       page), p95 at most twice the floor read's p95;
 *   <li>writes: writes/s at least 50% of the floor append's requests/s, p95 at most twice its p95;
 *       p95 at most 25 ms at half of that rate (open model);
 *   <li>every p95 budget: p99 at most twice the p95 budget;
 *   <li>projection lag: p95 at most 50 ms;
 *   <li>every simulation: failed requests below {@value #MAX_FAILED_PERCENT}%.
 * </ul>
 *
 * <p>In a smoke run ({@code -Dquire.smoke=true}: a few seconds, a handful of users, inside {@code
 * ./mvnw verify}) only "no request failed" is asserted: such a run measures nothing, but it proves
 * that every request and check of the simulation still works.
 */
final class Budgets {

  static final double MAX_FAILED_PERCENT = 0.1;
  static final String SMOKE_PROPERTY = "quire.smoke";

  private final Baselines baselines;
  private final List<String> descriptions = new ArrayList<>();
  private final List<Assertion> assertions = new ArrayList<>();

  Budgets(Baselines baselines) {
    this.baselines = baselines;
  }

  static boolean smoke() {
    return Boolean.getBoolean(SMOKE_PROPERTY);
  }

  /** {@code request}'s mean requests/s is at least {@code share} of the floor read's. */
  Budgets throughputOfFloorRead(String request, double share) {
    double minimum = share * baselines.read().requestsPerSecond();
    return add(
        String.format(
            Locale.ROOT,
            "%s: >= %.0f%% of the floor read's requests/s (>= %.0f/s)",
            request,
            share * 100,
            minimum),
        details(request).requestsPerSec().gte(minimum));
  }

  /** p95 at most {@code factor} times the floor read's p95, p99 at most twice that. */
  Budgets latencyOfFloorRead(String request, double factor) {
    return latencyOfFloor(request, factor, baselines.read(), "read");
  }

  /**
   * Writes of {@code writeTypes} kinds, done once each per visit, reach {@code share} of the floor
   * append's requests/s together: so each kind, {@code request} among them, must reach its equal
   * part.
   */
  Budgets writesOfFloorAppend(String request, double share, int writeTypes) {
    double minimum = share * baselines.append().requestsPerSecond() / writeTypes;
    return add(
        String.format(
            Locale.ROOT,
            "%s: >= %.0f%% of the floor append's requests/s / %d write types (>= %.0f/s)",
            request,
            share * 100,
            writeTypes,
            minimum),
        details(request).requestsPerSec().gte(minimum));
  }

  /** p95 at most {@code factor} times the floor append's p95, p99 at most twice that. */
  Budgets latencyOfFloorAppend(String request, double factor) {
    return latencyOfFloor(request, factor, baselines.append(), "append");
  }

  private Budgets latencyOfFloor(
      String request, double factor, Baselines.Floor floor, String floorRequest) {
    return latency(
        request,
        floor.p95Limit(factor),
        String.format(Locale.ROOT, "%.0fx the floor %s's p95", factor, floorRequest),
        details(request));
  }

  /** p95 at most {@code p95Millis}, p99 at most twice that (a group: its cumulated time). */
  Budgets latencyAtMost(long p95Millis, String... path) {
    return latency(String.join(" / ", path), p95Millis, p95Millis + " ms", details(path));
  }

  private Budgets latency(String name, long p95Millis, String why, Assertion.WithPath scope) {
    add(
        String.format(Locale.ROOT, "%s: p95 <= %d ms (%s)", name, p95Millis, why),
        scope.responseTime().percentile(95.0).lte((int) p95Millis));
    return add(
        String.format(Locale.ROOT, "%s: p99 <= %d ms (2x the p95 budget)", name, 2 * p95Millis),
        scope.responseTime().percentile(99.0).lte((int) (2 * p95Millis)));
  }

  /** Not a single {@code request} may fail (for checks whose failure is a correctness bug). */
  Budgets noneFailed(String request) {
    return add(request + ": no failure at all", details(request).failedRequests().count().is(0L));
  }

  private Budgets add(String description, Assertion assertion) {
    descriptions.add(description);
    assertions.add(assertion);
    return this;
  }

  /** The assertions to give Gatling: the budgets, or in a smoke run only "nothing failed". */
  Assertion[] assertions() {
    if (smoke()) {
      return new Assertion[] {global().failedRequests().count().is(0L)};
    }
    List<Assertion> all = new ArrayList<>(assertions);
    all.add(global().failedRequests().percent().lt(MAX_FAILED_PERCENT));
    return all.toArray(Assertion[]::new);
  }

  @Override
  public String toString() {
    if (smoke()) {
      return "smoke run: no request may fail, nothing else is asserted";
    }
    List<String> lines = new ArrayList<>(descriptions);
    lines.add("all requests: failed < " + MAX_FAILED_PERCENT + "%");
    return "budgets against " + baselines + ":\n  " + String.join("\n  ", lines);
  }
}
