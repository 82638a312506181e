/**
 * Runs Gatling simulations inside the calling JVM and reads their results, for tests: {@link
 * io.quire.perf.harness.GatlingRun} starts one run (Gatling's own entry point, with system
 * properties set for that run only) and answers a {@link io.quire.perf.harness.GatlingResult}: the
 * exit status and the statistics of the HTML report, parsed by {@link
 * io.quire.perf.harness.GatlingReport}. Load tests proper still run through {@code gatling:test};
 * see perf/README.md.
 */
package io.quire.perf.harness;
