/**
 * Gatling simulations (Java DSL) against a running Quire server. {@link io.quire.perf.PublicReader}
 * reads the public articles, {@link io.quire.perf.Baseline} the trivial endpoint the others are
 * compared with. {@link io.quire.perf.LoadProfile} (where and how hard) and {@link
 * io.quire.perf.Budgets} (what passes) are shared by every simulation. Run with {@code
 * gatling:test} only; see perf/README.md.
 */
package io.quire.perf;
