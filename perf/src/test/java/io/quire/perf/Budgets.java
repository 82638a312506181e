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
 */
record Budgets(int p95Millis, int p99Millis, double minRequestsPerSecond) {

  static final double MAX_FAILED_PERCENT = 0.1;

  /** These defaults, each overridden by its system property if set. */
  Budgets overriddenBySystemProperties() {
    return new Budgets(
        Integer.getInteger("quire.budget.p95Ms", p95Millis),
        Integer.getInteger("quire.budget.p99Ms", p99Millis),
        Double.parseDouble(
            System.getProperty("quire.budget.minRps", String.valueOf(minRequestsPerSecond))));
  }

  Assertion[] assertions() {
    return List.of(
            global().responseTime().percentile(95.0).lt(p95Millis),
            global().responseTime().percentile(99.0).lt(p99Millis),
            global().failedRequests().percent().lt(MAX_FAILED_PERCENT),
            global().requestsPerSec().gte(minRequestsPerSecond))
        .toArray(Assertion[]::new);
  }

  @Override
  public String toString() {
    return String.format(
        "p95 < %d ms, p99 < %d ms, failed < %s%%, >= %.0f requests/s",
        p95Millis, p99Millis, MAX_FAILED_PERCENT, minRequestsPerSecond);
  }
}
