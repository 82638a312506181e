package io.quire.perf.harness;

import io.gatling.app.cli.StatusCode;
import java.nio.file.Path;

/**
 * What one {@link GatlingRun} answered: Gatling's exit status, the folder of the run's HTML report
 * and the statistics read from it.
 *
 * @param statusCode what {@code gatling} would exit with: {@link #SUCCESS}, {@link
 *     #ASSERTIONS_FAILED} or {@link #INVALID_ARGUMENTS}
 * @param reportFolder {@code <resultsFolder>/<simulation>-<timestamp>}, holding {@code index.html}
 */
public record GatlingResult(int statusCode, Path reportFolder, GatlingReport report) {

  /** Every assertion held (or the simulation had none). */
  public static final int SUCCESS = StatusCode.Success$.MODULE$.code();

  /** The run completed, and at least one assertion (a budget) was breached. */
  public static final int ASSERTIONS_FAILED = StatusCode.AssertionsFailed$.MODULE$.code();

  /** Gatling refused its command line. */
  public static final int INVALID_ARGUMENTS = StatusCode.InvalidArguments$.MODULE$.code();

  /** Whether every assertion of the simulation held. */
  public boolean assertionsPassed() {
    return statusCode == SUCCESS;
  }

  /** The report's {@code index.html}, to open in a browser. */
  public Path indexHtml() {
    return reportFolder.resolve("index.html");
  }
}
