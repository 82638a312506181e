package io.quire.perf;

import java.util.Locale;

/**
 * The stack floor's figures every budget is a ratio to, measured in the same run right before the
 * simulation ({@code io.quire.perf.harness.BudgetRun} starts the floor, measures it with {@link
 * StackFloor} under the simulation's own {@link LoadProfile} and passes the figures on as system
 * properties):
 *
 * <ul>
 *   <li>{@code quire.baseline.floorAppendRps}, {@code quire.baseline.floorAppendP95Ms}: the floor
 *       append ({@code POST /floor/appends/{id}/}, the database work of a write), for the write
 *       budgets;
 *   <li>{@code quire.baseline.floorReadRps}, {@code quire.baseline.floorReadP95Ms}: the floor read
 *       ({@code GET /floor/rows/{id}/}, a primary-key read), for the read budgets.
 * </ul>
 *
 * <p>The floor, not pgbench or {@code /livez/} (the budgets' references until issue 19), because it
 * is what the web stack itself reaches on this machine doing only a request's database work: a
 * budget above it could not be met by any code, one far below it would hide waste. pgbench and
 * {@code /livez/} are still measured and shown as context by {@code BudgetRun}; no budget uses
 * them.
 */
record Baselines(Floor append, Floor read) {

  /** One floor endpoint's figures: mean requests/s and p95 in milliseconds. */
  record Floor(double requestsPerSecond, long p95Millis) {

    static final Floor NONE = new Floor(0, 0);

    /**
     * The p95 a "p95 at most {@code factor} times the floor's" budget allows. Gatling reports whole
     * milliseconds, so a floor p95 reported as 0 counts as 1 ms: a limit of 0 ms could not be met
     * by any request, the floor's own included.
     */
    long p95Limit(double factor) {
      return Math.round(factor * Math.max(1, p95Millis));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.0f requests/s, p95 %d ms", requestsPerSecond, p95Millis);
    }
  }

  /** Which of the floor's endpoints a simulation's budgets need. */
  enum Needs {
    APPEND,
    READ
  }

  /** Present in a smoke run, where no budget but "no request failed" is asserted. */
  static final Baselines NONE = new Baselines(Floor.NONE, Floor.NONE);

  static final String PREFIX = "quire.baseline.";

  /**
   * The floor's figures from system properties; in a smoke run ({@code quire.smoke}) they may be
   * absent.
   *
   * @throws IllegalStateException if a figure the simulation's budgets need is missing
   */
  static Baselines fromSystemProperties(Needs needs) {
    if (Budgets.smoke()) {
      return NONE;
    }
    String name = needs == Needs.APPEND ? "floorAppend" : "floorRead";
    String rps = System.getProperty(PREFIX + name + "Rps");
    String p95 = System.getProperty(PREFIX + name + "P95Ms");
    if (rps == null || p95 == null) {
      throw new IllegalStateException(
          "The budgets are ratios to the stack floor measured in the same run: start simulations"
              + " through io.quire.perf.harness.BudgetRun (perf/README.md), or pass -D"
              + PREFIX
              + name
              + "Rps and -D"
              + PREFIX
              + name
              + "P95Ms yourself.");
    }
    Floor floor = new Floor(Double.parseDouble(rps), Long.parseLong(p95));
    return needs == Needs.APPEND
        ? new Baselines(floor, Floor.NONE)
        : new Baselines(Floor.NONE, floor);
  }

  @Override
  public String toString() {
    return "the stack floor's append " + append + "; its read " + read;
  }
}
