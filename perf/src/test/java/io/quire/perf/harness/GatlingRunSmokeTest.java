package io.quire.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.quire.api.persistence.HandledUniqueViolations;
import io.quire.api.testing.IntegrationTest;
import io.quire.perf.Baseline;
import io.quire.perf.SimulationSmokeTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A run inside the test JVM leaves logging as the application set it up: Gatling stops Logback at
 * the end of a run, and {@link GatlingRun} starts it again with the application's filter of handled
 * unique-key violations.
 */
@IntegrationTest
@Execution(ExecutionMode.SAME_THREAD)
class GatlingRunSmokeTest {

  @LocalServerPort int port;

  @Test
  void aRunLeavesLoggingStartedWithTheApplicationsFilter() {
    GatlingResult result =
        GatlingRun.run(
            Baseline.class,
            SimulationSmokeTest.loadProfile("http://127.0.0.1:" + port),
            SimulationSmokeTest.RESULTS);

    assertThat(result.report().all().count()).isPositive();
    // Under GatlingRun's own lock, so that no other test class's run is stopping Logback now.
    synchronized (GatlingRun.class) {
      LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
      assertThat(logging.isStarted()).isTrue();
      assertThat(logging.getTurboFilterList())
          .anyMatch(filter -> filter instanceof HandledUniqueViolations);
    }
  }
}
