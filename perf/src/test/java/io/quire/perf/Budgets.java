package io.quire.perf;

import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.util.List;

/**
 * A simulation's performance budgets as Gatling assertions: a breach fails the run (Gatling exits
 * non-zero, and so does Maven). Each simulation gives its defaults; system properties override
 * them: {@code quire.budget.p95Ms}, {@code quire.budget.p99Ms}, {@code quire.budget.minRps}. Failed
 * requests must stay below {@value #MAX_FAILED_PERCENT}%; that one is not configurable.
 *
 * <p>The defaults are absolute figures measured on the reference machine (docs/performance.md). The
 * performance issue replaces them with ratios to baselines measured in the same run.
 *
 * <p><b>Smoke mode.</b> With {@code -Dquire.smoke=true} the only assertion is that no request
 * failed: no response time, failure-rate or throughput budget. A smoke run lasts a few seconds with
 * a handful of users on a shared test machine, so its timings measure nothing; it only proves that
 * the simulation starts, that its requests reach their endpoints and that its checks pass ({@code
 * SimulationSmokeTest}, part of {@code ./mvnw clean verify}).
 */
record Budgets(int p95Millis, int p99Millis, double minRequestsPerSecond) {

  static final double MAX_FAILED_PERCENT = 0.1;

  /** The system property that turns smoke mode on (see above). */
  static final String SMOKE_PROPERTY = "quire.smoke";

  /** These defaults, each overridden by its system property if set. */
  Budgets overriddenBySystemProperties() {
    return new Budgets(
        Integer.getInteger("quire.budget.p95Ms", p95Millis),
        Integer.getInteger("quire.budget.p99Ms", p99Millis),
        Double.parseDouble(
            System.getProperty("quire.budget.minRps", String.valueOf(minRequestsPerSecond))));
  }

  /** Whether this is a smoke run: {@code -Dquire.smoke=true}. */
  static boolean smoke() {
    return Boolean.getBoolean(SMOKE_PROPERTY);
  }

  /** The budgets as assertions; in smoke mode only "no request failed". */
  Assertion[] assertions() {
    if (smoke()) {
      return new Assertion[] {global().failedRequests().count().is(0L)};
    }
    return List.of(
            global().responseTime().percentile(95.0).lt(p95Millis),
            global().responseTime().percentile(99.0).lt(p99Millis),
            global().failedRequests().percent().lt(MAX_FAILED_PERCENT),
            global().requestsPerSec().gte(minRequestsPerSecond))
        .toArray(Assertion[]::new);
  }

  @Override
  public String toString() {
    if (smoke()) {
      return "smoke run: no failed request (no timing or throughput budget)";
    }
    return String.format(
        "p95 < %d ms, p99 < %d ms, failed < %s%%, >= %.0f requests/s",
        p95Millis, p99Millis, MAX_FAILED_PERCENT, minRequestsPerSecond);
  }
}
