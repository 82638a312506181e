package io.quire.perf;

import java.util.Locale;

/**
 * The two baselines every budget is a ratio to, measured in the same run just before the simulation
 * ({@code io.quire.perf.harness.BudgetRun} measures them and passes them on as system properties):
 *
 * <ul>
 *   <li>{@code quire.baseline.trivialRps} and {@code quire.baseline.trivialP95Ms}: {@code GET
 *       /livez/} ({@link Baseline}) under the same {@link LoadProfile};
 *   <li>{@code quire.baseline.pgbenchTps}: pgbench's transactions/s for "load an aggregate, append
 *       one event, upsert one read-model row" at 16 clients against the same PostgreSQL ({@code
 *       perf/src/test/resources/pgbench/}).
 * </ul>
 */
record Baselines(double trivialRps, long trivialP95Millis, double pgbenchTps) {

  /** Present in a smoke run, where no budget but "no request failed" is asserted. */
  static final Baselines NONE = new Baselines(0, 0, 0);

  /**
   * The baselines from system properties; in a smoke run ({@code quire.smoke}) they may be absent.
   *
   * @throws IllegalStateException if a baseline a budget needs is missing
   */
  static Baselines fromSystemProperties(boolean needsPgbench) {
    String trivialRps = System.getProperty("quire.baseline.trivialRps");
    String trivialP95 = System.getProperty("quire.baseline.trivialP95Ms");
    String pgbench = System.getProperty("quire.baseline.pgbenchTps");
    if (Budgets.smoke()) {
      return NONE;
    }
    if (trivialRps == null || trivialP95 == null || (needsPgbench && pgbench == null)) {
      throw new IllegalStateException(
          "The budgets are ratios to baselines measured in the same run: start simulations through"
              + " io.quire.perf.harness.BudgetRun (perf/README.md), or pass"
              + " -Dquire.baseline.trivialRps, -Dquire.baseline.trivialP95Ms"
              + (needsPgbench ? " and -Dquire.baseline.pgbenchTps" : "")
              + " yourself.");
    }
    return new Baselines(
        Double.parseDouble(trivialRps),
        Long.parseLong(trivialP95),
        pgbench == null ? 0 : Double.parseDouble(pgbench));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "/livez/ %.0f requests/s with p95 %d ms; pgbench %.0f transactions/s",
        trivialRps,
        trivialP95Millis,
        pgbenchTps);
  }
}
