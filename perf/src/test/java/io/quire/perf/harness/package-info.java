/**
 * Runs simulations from Java: {@link io.quire.perf.harness.GatlingRun} (one simulation in this JVM,
 * its HTML report parsed by {@link io.quire.perf.harness.GatlingReport}), {@link
 * io.quire.perf.harness.PgbenchBaseline} (the database baseline, context only), {@link
 * io.quire.perf.harness.BudgetRun} (a simulation against the stack floor of the same run, which it
 * starts) and {@link io.quire.perf.harness.MemorySoak} (the memory budget).
 */
package io.quire.perf.harness;
