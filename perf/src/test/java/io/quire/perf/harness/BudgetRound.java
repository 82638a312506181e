package io.quire.perf.harness;

import java.util.Comparator;
import java.util.List;

/**
 * One round of a {@link BudgetRun}: the stack floor measured, then the simulation run at once
 * against it (its budgets are ratios to this round's floor).
 */
record BudgetRound(FloorMeasurement floor, GatlingResult simulation) {

  /**
   * The simulation's requests/s (all requests) as a share of its floor's: for a simulation with
   * writes the floor append, else the floor read.
   */
  double ofFloor() {
    GatlingReport.RequestStats all = simulation.report().all();
    return all.requestsPerSecond() / floorOfAll().requestsPerSecond();
  }

  /** The floor request the "all requests" row compares with: the append if any row is a write. */
  GatlingReport.RequestStats floorOfAll() {
    return allComparesWithAppend() ? floor.append() : floor.read();
  }

  /** Whether any request of the simulation is a write. */
  boolean allComparesWithAppend() {
    return simulation.report().byName().keySet().stream()
        .anyMatch(FloorMeasurement::comparesWithAppend);
  }

  /**
   * The median round by {@link #ofFloor()} (of an even number, the lower of the two middle ones):
   * the one reported and whose verdict is the run's, so that one slow spell of the shared machine,
   * in the floor's measurement or the simulation's, does not decide the run.
   */
  static BudgetRound median(List<BudgetRound> rounds) {
    List<BudgetRound> sorted =
        rounds.stream().sorted(Comparator.comparingDouble(BudgetRound::ofFloor)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }
}
