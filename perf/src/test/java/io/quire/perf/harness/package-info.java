/**
 * Runs simulations from Java: {@link io.quire.perf.harness.GatlingRun} (one simulation in this JVM,
 * its HTML report parsed by {@link io.quire.perf.harness.GatlingReport}), {@link
 * io.quire.perf.harness.PgbenchBaseline} (the database baseline), {@link
 * io.quire.perf.harness.BudgetRun} (a simulation against both baselines of the same run) and {@link
 * io.quire.perf.harness.MemorySoak} (the memory budget).
 */
package io.quire.perf.harness;
