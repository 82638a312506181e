/**
 * Gatling simulations (Java DSL) against a running Quire server. {@link io.quire.perf.PublicReader}
 * reads the public articles, {@link io.quire.perf.StackFloor} drives the stack floor every budget
 * is a ratio to, {@link io.quire.perf.Baseline} the trivial endpoint (context). {@link
 * io.quire.perf.LoadProfile} (where and how hard) and {@link io.quire.perf.Budgets} (what passes)
 * are shared by every simulation. Load tests run with {@code gatling:test} only; {@link
 * io.quire.perf.SimulationSmokeTest} runs each simulation for a few seconds in smoke mode during
 * the build, against the whole application and the {@link io.quire.perf.SmokeDataset}. See
 * perf/README.md.
 */
package io.quire.perf;
